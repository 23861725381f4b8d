package io.jenkins.plugins.branchdeploy.cli;

import picocli.CommandLine.Option;

/** {@code --output json|text}, for the commands that print in those two formats. */
public class OutputOption {

    @Option(names = "--output", paramLabel = "FORMAT", defaultValue = "text", description = "json or text (default: ${DEFAULT-VALUE}).")
    OutputFormat output;

    public OutputFormat format() {
        return output;
    }
}
