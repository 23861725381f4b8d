package io.jenkins.plugins.branchdeploy.cli;

import io.jenkins.plugins.branchdeploy.engine.cluster.EnvironmentDeploys;
import java.util.List;
import picocli.CommandLine.Command;

/**
 * Readies manifest rendering on a second thread while picocli reads the options, for the commands
 * that render: in a JVM that has just started, building the typed model's deserializers is the
 * largest part of a deploy or a diff, and reading the options does not need them
 * ({@link EnvironmentDeploys#renderingHeadStart()}).
 */
final class RenderingHeadStart {

    private static final List<Class<?>> RENDERING = List.of(DeployCommand.class, DiffCommand.class);

    private RenderingHeadStart() {}

    static void forCommand(String[] args) {
        if (args.length > 0 && RENDERING.stream().anyMatch(command -> command.getAnnotation(Command.class).name().equals(args[0]))) {
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
