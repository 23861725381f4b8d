package io.jenkins.plugins.branchdeploy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.branchdeploy.sandbox.SandboxCluster;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cluster a command talks to is the one the user named, or none: an unknown context, a malformed
 * kubeconfig, no kubeconfig at all and bad manifests are exit 2 before a single request is sent.
 */
class KubeconfigCommandsTest {

    private static final String TOKEN = "token-that-must-not-be-echoed";

    private SandboxCluster cluster;
    private Path kubeconfig;

    @TempDir
    Path dir;

    @BeforeEach
    void start() throws IOException {
        cluster = SandboxCluster.start();
        kubeconfig = cluster.writeKubeconfig(dir.resolve("sandbox.kubeconfig"));
    }

    @AfterEach
    void stop() {
        cluster.close();
    }

    @Test
    void anUnknownContextIsExitTwoListingTheContextsThereAre() {
        CommandRun list = CommandRun.of("list", "--kubeconfig", kubeconfig.toString(), "--context", "nosuch");
        CommandRun teardown = CommandRun.of("teardown", "--kubeconfig", kubeconfig.toString(), "--context", "nosuch",
                "--app", "shop", "--branch", "feature/cart", "--state-dir", dir.resolve("state").toString());

        assertThat(list.exitCode()).isEqualTo(2);
        assertThat(list.err().strip()).isEqualTo("branch-deploy: context: there is no context 'nosuch' in " + kubeconfig
                + "; the contexts there are: sandbox");
        assertThat(teardown.exitCode()).isEqualTo(2);
        assertThat(cluster.requests().count()).isZero();

        assertThat(CommandRun.of("list", "--kubeconfig", kubeconfig.toString(), "--context", "sandbox").exitCode()).isZero();
    }

    @Test
    void aMalformedKubeconfigIsExitTwoNamingTheFileAndLineWithoutItsContent() throws IOException {
        Path broken = Files.writeString(dir.resolve("broken.kubeconfig"), cluster.kubeconfig().replace("token: sandbox",
                "token: " + TOKEN + "\n   client-key-data: [" + TOKEN), StandardCharsets.UTF_8);

        CommandRun list = CommandRun.of("list", "--kubeconfig", broken.toString());

        assertThat(list.exitCode()).isEqualTo(2);
        assertThat(list.err()).startsWith("branch-deploy: kubeconfig: " + broken + " line ").contains("is not valid YAML");
        assertThat(list.out() + list.err()).doesNotContain(TOKEN);
        assertThat(cluster.requests().count()).isZero();
    }

    @Test
    void aKubeconfigWithoutTheCurrentContextIsExitTwo() throws IOException {
        Path noCurrent = Files.writeString(dir.resolve("no-current.kubeconfig"),
                cluster.kubeconfig().replace("current-context: sandbox", "current-context: gone"));

        CommandRun list = CommandRun.of("list", "--kubeconfig", noCurrent.toString());

        assertThat(list.exitCode()).isEqualTo(2);
        assertThat(list.err()).contains("names current context 'gone', which it does not define; give --context, one of: sandbox");
        assertThat(cluster.requests().count()).isZero();
    }

    @Test
    void noKubeconfigOutsideAClusterIsExitTwoAtOnce() throws Exception {
        Path home = Files.createDirectories(dir.resolve("home"));
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Duser.home=" + home, "-cp", System.getProperty("java.class.path"), BranchDeployCommand.class.getName(), "list");
        Map<String, String> environment = builder.environment();
        environment.keySet().removeIf(name -> name.startsWith("KUBE"));
        environment.put("HOME", home.toString());
        Process process = builder.redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(process.waitFor(1, TimeUnit.MINUTES)).isTrue();
        assertThat(process.exitValue()).as(err).isEqualTo(2);
        assertThat(err.strip()).isEqualTo("branch-deploy: kubeconfig: no kubeconfig (no --kubeconfig, no $KUBECONFIG, no "
                + home.resolve(".kube/config") + ") and not running inside a cluster; give --kubeconfig FILE");
        assertThat(cluster.requests().count()).isZero();
    }

    @Test
    void badManifestsAreExitTwoWritingNothing() throws IOException {
        Path manifests = Files.writeString(dir.resolve("app.yaml"), """
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: settings
                  namespace: production
                """);

        CommandRun deploy = CommandRun.of("deploy", "--kubeconfig", kubeconfig.toString(), "--app", "shop", "--branch", "feature/cart",
                "--manifests", manifests.toString(), "--domain", "preview.example.dev", "--state-dir", dir.resolve("state").toString());

        assertThat(deploy.exitCode()).isEqualTo(2);
        assertThat(deploy.err()).contains("namespace").contains("production");
        // one read, of whether the environment records the same input
        assertThat(cluster.requests().all()).singleElement().asString().startsWith("GET /api/v1/namespaces/shop-feature-cart-");
    }
}
