package io.jenkins.plugins.branchdeploy.cli;

import io.jenkins.plugins.branchdeploy.engine.cluster.EnvironmentDeploys;
import picocli.CommandLine.Command;

/**
 * Readies manifest rendering on a second thread while picocli reads the options, for a diff: in a
 * JVM that has just started, building the typed model's deserializers is the largest part of it,
 * and reading the options does not need them ({@link EnvironmentDeploys#renderingHeadStart()}). Not
 * for a deploy, which first connects and reads whether the environment records the same input
 * ({@link ConnectionHeadStart}): there a head start would only take a core from connecting.
 */
final class RenderingHeadStart {

    private RenderingHeadStart() {}

    static void forCommand(String[] args) {
        if (args.length > 0 && args[0].equals(DiffCommand.class.getAnnotation(Command.class).name())) {
            Thread thread = new Thread(RenderingHeadStart::run, "branch-deploy-rendering-head-start");
            thread.setDaemon(true);
            thread.start();
        }
    }

    private static void run() {
        try {
            EnvironmentDeploys.renderingHeadStart();
        } catch (RuntimeException e) {
            // rendering reports whatever is wrong, on the command's own thread
        }
    }
}
