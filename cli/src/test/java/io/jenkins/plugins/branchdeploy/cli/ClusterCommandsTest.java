package io.jenkins.plugins.branchdeploy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.branchdeploy.engine.branch.BranchRef;
import io.jenkins.plugins.branchdeploy.engine.naming.EnvironmentNames;
import io.jenkins.plugins.branchdeploy.engine.naming.NamingPolicy;
import io.jenkins.plugins.branchdeploy.sandbox.SandboxCluster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** deploy, list and teardown as a user runs them, against the sandbox API server through a kubeconfig. */
class ClusterCommandsTest {

    private static final String PASSWORD = "correct-horse-battery";

    private final ObjectMapper json = new ObjectMapper();
    private final EnvironmentNames names = NamingPolicy.withDefaults("preview.example.dev").names(BranchRef.of("shop", "feature/cart"));
    private SandboxCluster cluster;
    private String kubeconfig;
    private String passwordFile;

    @TempDir
    Path dir;

    @BeforeEach
    void start() throws IOException {
        cluster = SandboxCluster.start();
        kubeconfig = cluster.writeKubeconfig(dir.resolve("sandbox.kubeconfig")).toString();
        passwordFile = Files.writeString(dir.resolve("password"), PASSWORD).toString();
    }

    @AfterEach
    void stop() {
        cluster.close();
    }

    @Test
    void deploysRedeploysWithZeroWritesListsAndTearsDownTheExampleShop() throws Exception {
        CommandRun deploy = run(deployArgs("--ttl", "3d", "--output", "json"));
        assertThat(deploy.exitCode()).as(deploy.err()).isZero();
        JsonNode result = json.readTree(deploy.out());
        assertThat(result.get("environment").asText()).isEqualTo(names.environment());
        assertThat(result.get("namespace").asText()).isEqualTo(names.namespace());
        assertThat(result.get("url").asText()).isEqualTo(names.url());
        assertThat(result.get("status").asText()).isEqualTo("ready");
        assertThat(result.get("unchanged").asBoolean()).isFalse();
        assertThat(fieldNames(result.get("phases"))).containsExactly("namespace", "apply", "prune", "rollout");
        assertThat(deploy.err()).contains("Deploying feature/cart of shop").contains("Applied 15 resources");
        assertThat(deploy.out() + deploy.err()).doesNotContain(PASSWORD);

        cluster.requests().clear();
        CommandRun redeploy = run(deployArgs("--ttl", "3d"));
        assertThat(redeploy.exitCode()).isZero();
        assertThat(redeploy.out()).startsWith("Unchanged: " + names.url());
        assertThat(cluster.requests().writes()).isEmpty();

        CommandRun list = run("list", "--kubeconfig", kubeconfig, "--installation-id", "laptop", "--output", "json");
        assertThat(list.exitCode()).isZero();
        JsonNode environments = json.readTree(list.out());
        assertThat(environments).hasSize(1);
        assertThat(environments.get(0).get("branch").asText()).isEqualTo("feature/cart");
        assertThat(environments.get(0).get("commit").asText()).isEqualTo("4f2a9c1");
        assertThat(environments.get(0).get("status").asText()).isEqualTo("ready");
        assertThat(environments.get(0).get("expiresAt").asText()).isNotEmpty();
        assertThat(run("list", "--kubeconfig", kubeconfig, "--installation-id", "someone-else", "--output", "json").out().strip()).isEqualTo("[ ]");

        CommandRun teardown = run("teardown", "--kubeconfig", kubeconfig, "--installation-id", "laptop", "--app", "shop", "--branch", "feature/cart",
                "--state-dir", state());
        assertThat(teardown.exitCode()).isZero();
        assertThat(teardown.out().strip()).isEqualTo("Deleted " + names.namespace());
        CommandRun again = run("teardown", "--kubeconfig", kubeconfig, "--installation-id", "laptop", "--app", "shop", "--branch", "feature/cart",
                "--output", "json", "--state-dir", state());
        assertThat(again.exitCode()).isZero();
        assertThat(json.readTree(again.out()).get("outcome").asText()).isEqualTo("absent");
        assertThat(run("list", "--kubeconfig", kubeconfig, "--installation-id", "laptop").out()).startsWith("No environments of installation laptop");
    }

    @Test
    void aFailedDeployExitsWithOneAndLeavesTheEnvironmentMarkedFailed() throws Exception {
        cluster.workloads().neverReady("frontend");

        CommandRun deploy = run(deployArgs("--timeout", "2s", "--output", "json"));

        assertThat(deploy.exitCode()).isEqualTo(1);
        JsonNode result = json.readTree(deploy.out());
        assertThat(result.get("status").asText()).isEqualTo("failed");
        assertThat(result.get("failureReason").asText()).contains("Deployment/frontend: 0/2 ready");
        CommandRun list = run("list", "--kubeconfig", kubeconfig, "--installation-id", "laptop");
        assertThat(list.out()).contains(names.namespace()).contains("failed");
    }

    @Test
    void secretValuesNeverAppearAndBadInputExitsWithTwo() {
        CommandRun literal = run(withSecret("shop-db/password=" + PASSWORD));
        assertThat(literal.exitCode()).isEqualTo(2);
        assertThat(literal.err().strip()).isEqualTo("branch-deploy: secret: shop-db/password: give the value as env:VAR or file:PATH, "
                + "never on the command line");
        assertThat(literal.out() + literal.err()).doesNotContain(PASSWORD);

        CommandRun unset = run(withSecret("shop-db/password=env:BRANCH_DEPLOY_TEST_UNSET_VARIABLE"));
        assertThat(unset.exitCode()).isEqualTo(2);
        assertThat(unset.err()).contains("environment variable 'BRANCH_DEPLOY_TEST_UNSET_VARIABLE' is not set");

        assertThat(run(deployArgs("--ttl", "soon")).err()).contains("ttl: 'soon' is not a duration");
        assertThat(run(deployArgs("--quota", "cpu=2,disks=3")).err()).contains("quota: unknown limit 'disks'; use cpu, memory and pods");
        CommandRun noKubeconfig = run("list", "--kubeconfig", dir.resolve("missing").toString());
        assertThat(noKubeconfig.exitCode()).isEqualTo(2);
        assertThat(noKubeconfig.err()).contains("kubeconfig: ");
        assertThat(cluster.requests().writes()).isEmpty();
    }

    @Test
    void aNamespaceOfAnotherInstallationIsRefusedWithExitCodeOne() {
        assertThat(run(deployArgs()).exitCode()).isZero();

        CommandRun foreign = run("teardown", "--kubeconfig", kubeconfig, "--installation-id", "someone-else", "--app", "shop", "--branch", "feature/cart",
                "--state-dir", state());

        assertThat(foreign.exitCode()).isEqualTo(1);
        assertThat(foreign.err()).contains("is not an environment of installation 'someone-else'");
    }

    private String[] deployArgs(String... extra) {
        return withSecret("shop-db/password=file:" + passwordFile, extra);
    }

    private String[] withSecret(String secret, String... extra) {
        List<String> args = new ArrayList<>(List.of("deploy", "--kubeconfig", kubeconfig, "--installation-id", "laptop",
                "--app", "shop", "--branch", "feature/cart", "--commit", "4f2a9c1", "--manifests", "../docs/examples/shop",
                "--domain", "preview.example.dev", "--var", "IMAGE_TAG=1.4.2", "--secret", secret, "--state-dir", state()));
        args.addAll(List.of(extra));
        return args.toArray(String[]::new);
    }

    /** Metrics go to the test's own directory, never to the home directory. */
    private String state() {
        return dir.resolve("state").toString();
    }

    private static CommandRun run(String... args) {
        return CommandRun.of(args);
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
