package io.jenkins.plugins.branchdeploy.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.jenkins.plugins.branchdeploy.sandbox.SandboxCluster;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the README promises: kubectl shows what landed in the sandbox. Needs kubectl on the PATH. */
class KubectlReadsTheSandboxTest {

    @TempDir
    Path dir;

    private SandboxCluster cluster;
    private Path kubeconfig;

    @BeforeEach
    void deployTheShop() throws IOException {
        assumeTrue(onPath("kubectl"), "kubectl is not on the PATH");
        cluster = SandboxCluster.start();
        kubeconfig = cluster.writeKubeconfig(dir.resolve("sandbox.kubeconfig"));
        Path password = Files.writeString(dir.resolve("password"), "sandbox-password");
        CommandRun deploy = CommandRun.of("deploy", "--kubeconfig", kubeconfig.toString(), "--app", "shop", "--branch", "feature/cart",
                "--manifests", "../docs/examples/shop", "--domain", "preview.example.dev", "--var", "IMAGE_TAG=1.4.2",
                "--secret", "shop-db/password=file:" + password, "--state-dir", dir.resolve("state").toString());
        assertThat(deploy.exitCode()).as(deploy.err()).isZero();
    }

    @AfterEach
    void stop() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void getDescribeAndVersionWork() throws Exception {
        String namespace = "shop-feature-cart-wt0baw";
        assertThat(kubectl("get", "namespaces")).containsPattern("(?m)^" + namespace + " +\\d+s$");
        assertThat(kubectl("get", "all", "-A"))
                .contains("deployment.apps/frontend").contains("service/frontend").contains("statefulset.apps/database");
        assertThat(kubectl("-n", namespace, "describe", "deployment", "frontend"))
                .contains("Name:               frontend").contains("Image:      ghcr.io/example/shop-frontend:1.4.2");
        assertThat(kubectl("get", "ingress", "-n", namespace, "-o", "jsonpath={.items[0].spec.rules[0].host}"))
                .isEqualTo("feature-cart-wt0baw--shop.preview.example.dev");
        assertThat(kubectl("version")).contains("Server Version: v1.");
    }

    private String kubectl(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("kubectl", "--kubeconfig", kubeconfig.toString(), "--cache-dir", dir.resolve("kube-cache").toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(process.exitValue()).as(String.join(" ", command) + "\n" + output).isZero();
        return output;
    }

    private static boolean onPath(String program) {
        String path = System.getenv("PATH");
        return path != null && List.of(path.split(java.io.File.pathSeparator)).stream()
                .anyMatch(d -> Files.isExecutable(Path.of(d, program)));
    }
}
