package io.jenkins.plugins.branchdeploy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.branchdeploy.sandbox.SandboxCluster;
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

    @Test
    void deploysRedeploysAndDiffsAsAPipelineRunsThem() throws Exception {
        try (SandboxCluster sandbox = SandboxCluster.start()) {
            String kubeconfig = sandbox.writeKubeconfig(elsewhere.resolve("kubeconfig")).toString();
            String manifests = Path.of("../engine/src/test/resources/manifests/microservices-demo").toAbsolutePath().toString();
            List<String> deploy = List.of("deploy", "--kubeconfig", kubeconfig, "--app", "ms", "--branch", "feature/cart",
                    "--manifests", manifests, "--domain", "preview.example.dev", "--quota", "auto");

            assertThat(run(deploy)).contains("Ready, with no URL").contains("38 resources");
            assertThat(run(deploy)).contains("Unchanged, with no URL").contains("38 resources");
            assertThat(run(List.of("diff", "--app", "ms", "--branch", "feature/cart", "--manifests", manifests,
                    "--baseline-manifests", manifests))).contains("0 changed, 35 unchanged");

            Process badKubeconfig = start("deploy", "--kubeconfig", elsewhere.resolve("missing").toString(), "--app", "ms",
                    "--branch", "feature/cart", "--manifests", manifests, "--domain", "preview.example.dev", "--quota", "auto");
            assertThat(badKubeconfig.waitFor(2, TimeUnit.MINUTES)).isTrue();
            assertThat(badKubeconfig.exitValue()).isEqualTo(BranchDeployCommand.BAD_INPUT);
            assertThat(Files.readString(elsewhere.resolve("err"))).startsWith("branch-deploy: kubeconfig: ").doesNotContain("Exception");
        }
    }

    /** Runs the launcher with {@code args}, expecting success: its standard output. */
    private String run(List<String> args) throws Exception {
        Process process = start(args.toArray(String[]::new));
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
        String err = Files.readString(elsewhere.resolve("err"));
        assertThat(process.exitValue()).as(err).isZero();
        assertThat(err).doesNotContain("Exception");
        return Files.readString(elsewhere.resolve("out"));
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
