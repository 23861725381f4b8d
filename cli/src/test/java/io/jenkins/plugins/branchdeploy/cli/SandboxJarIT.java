package io.jenkins.plugins.branchdeploy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged {@code branch-deploy.jar} as the README runs it, from a directory that is not the
 * project's: the example app must come from the jar itself.
 */
class SandboxJarIT {

    private static final Path JAR = Path.of(System.getProperty("branchDeployJar", "target/branch-deploy.jar")).toAbsolutePath();

    @TempDir
    Path elsewhere;

    @Test
    void theWalkThroughRunsFromAnyDirectoryAndExitsWithZero() throws Exception {
        Process process = start("sandbox");

        assertThat(process.waitFor(5, TimeUnit.MINUTES)).as("the walk-through ends by itself").isTrue();
        String out = Files.readString(elsewhere.resolve("out"));
        assertThat(process.exitValue()).as(out + Files.readString(elsewhere.resolve("err"))).isZero();
        assertThat(out).contains("no pods run").contains("[7/10] Inventory").contains("3 environments").contains("[9/10] Inventory").contains("2 environments")
                .contains("[10/10] Deploy the example Helm chart").contains("All 1 Helm tests passed");
        assertThat(Files.readString(elsewhere.resolve("err"))).isEmpty();
    }

    @Test
    void serveStopsOnSigtermAndRemovesItsKubeconfig() throws Exception {
        Path kubeconfig = elsewhere.resolve("sandbox.kubeconfig");
        Process process = start("sandbox", "--serve", "--kubeconfig", kubeconfig.toString(), "--for", "5m");
        try {
            for (int i = 0; i < 600 && !Files.exists(kubeconfig) && process.isAlive(); i++) {
                Thread.sleep(100);
            }
            assertThat(kubeconfig).as(Files.readString(elsewhere.resolve("err"))).exists();

            CommandRun list = CommandRun.of("list", "--kubeconfig", kubeconfig.toString());
            assertThat(list.exitCode()).as(list.err()).isZero();
            assertThat(list.out()).startsWith("No environments of installation cli");
        } finally {
            process.destroy();
        }

        assertThat(process.waitFor(1, TimeUnit.MINUTES)).as("SIGTERM stops the sandbox").isTrue();
        assertThat(Files.readString(elsewhere.resolve("out"))).contains("Stop it with Ctrl-C").contains("Sandbox stopped; removed");
        assertThat(kubeconfig).doesNotExist();
    }

    private Process start(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", JAR.toString()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command)
                .directory(elsewhere.toFile())
                .redirectOutput(elsewhere.resolve("out").toFile())
                .redirectError(elsewhere.resolve("err").toFile())
                .start();
    }
}
