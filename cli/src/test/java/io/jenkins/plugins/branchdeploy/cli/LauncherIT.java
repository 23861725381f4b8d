package io.jenkins.plugins.branchdeploy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher {@code target/branch-deploy} as the README runs it, from a directory that is not the
 * project's. {@code -Xshare:on} makes the JVM refuse to start unless it maps the class-data archive
 * the build made, so these runs also show that the archive matches the jar and this Java runtime.
 */
@EnabledOnOs({OS.LINUX, OS.MAC})
class LauncherIT {

    private static final Path LAUNCHER = Path.of(System.getProperty("branchDeployLauncher", "target/branch-deploy")).toAbsolutePath();

    @TempDir
    Path elsewhere;

    @Test
    void startsWithTheBuildsArchiveAndPrintsOnlyTheCommandsOutput() throws Exception {
        assertThat(LAUNCHER).isExecutable();
        Process process = start("name", "--app", "shop", "--branch", "feature/cart");

        assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
        String err = Files.readString(elsewhere.resolve("err"));
        assertThat(process.exitValue()).as(err).isZero();
        assertThat(err).isEmpty();
        assertThat(Files.readString(elsewhere.resolve("out"))).contains("namespace    shop-feature-cart-").contains("url          https://");
    }

    @Test
    void runsTheWalkThroughAndPassesOnExitCodes() throws Exception {
        Process walkThrough = start("sandbox");
        assertThat(walkThrough.waitFor(5, TimeUnit.MINUTES)).as("the walk-through ends by itself").isTrue();
        assertThat(walkThrough.exitValue()).as(Files.readString(elsewhere.resolve("err"))).isZero();
        assertThat(Files.readString(elsewhere.resolve("out"))).contains("[9/10] Inventory").contains("2 environments");

        Process badInput = start("name", "--app", "shop", "--branch", "///");
        assertThat(badInput.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(badInput.exitValue()).isEqualTo(BranchDeployCommand.BAD_INPUT);
        assertThat(Files.readString(elsewhere.resolve("err"))).startsWith("branch-deploy: branch: '///'");
    }

    private Process start(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(LAUNCHER.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(elsewhere.toFile())
                .redirectOutput(elsewhere.resolve("out").toFile())
                .redirectError(elsewhere.resolve("err").toFile());
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().put("JAVA_OPTS", "-Xshare:on");
        return builder.start();
    }
}
