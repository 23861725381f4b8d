package io.jenkins.plugins.branchdeploy.cli;

/** How a command prints its result: {@code json} for scripts, {@code text} for people. */
public enum OutputFormat {
    json,
    text
}
