package io.jenkins.plugins.branchdeploy.cli;

import picocli.CommandLine.Option;

/** When and by whom a pull request was opened, for the review metrics; read by {@code DeployInput#changeOpening}. */
public class ChangeOpeningOptions {

    @Option(names = "--change-opened-at", paramLabel = "ISO-8601",
            description = "When the pull request was opened, e.g. 2026-03-02T10:15:00Z; without it, its first deploy counts as its opening.")
    String openedAt;

    @Option(names = "--change-author", paramLabel = "LOGIN",
            description = "Who opened the pull request; opens of its environment by anyone else count as reviews.")
    String author;
}
