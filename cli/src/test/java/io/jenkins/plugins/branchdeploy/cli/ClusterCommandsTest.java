package io.jenkins.plugins.branchdeploy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.branchdeploy.engine.branch.BranchRef;
import io.jenkins.plugins.branchdeploy.engine.naming.EnvironmentNames;
import io.jenkins.plugins.branchdeploy.engine.naming.NamingPolicy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** deploy, list and teardown as a user runs them, against the sandbox API server through a kubeconfig. */
class ClusterCommandsTest {

    private static final String PASSWORD = "correct-horse-battery";

    private final ObjectMapper json = new ObjectMapper();
    private final EnvironmentNames names = NamingPolicy.withDefaults("preview.example.dev").names(BranchRef.of("shop", "feature/cart"));
    @RegisterExtension
    final SandboxKubeconfig sandbox = new SandboxKubeconfig();
    private String passwordFile;

    @TempDir
    Path dir;

    @BeforeEach
    void start() throws IOException {
        passwordFile = Files.writeString(dir.resolve("password"), PASSWORD).toString();
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
        assertThat(deploy.err()).contains("Deploying feature/cart of shop").contains("Applied 16 resources");
        assertThat(deploy.out() + deploy.err()).doesNotContain(PASSWORD);

        sandbox.cluster().requests().clear();
        CommandRun redeploy = run(deployArgs("--ttl", "3d"));
        assertThat(redeploy.exitCode()).isZero();
        assertThat(redeploy.out()).startsWith("Unchanged: " + names.url());
        assertThat(sandbox.cluster().requests().writes()).isEmpty();

        CommandRun list = run("list", "--kubeconfig", sandbox.kubeconfig(), "--installation-id", "laptop", "--output", "json");
        assertThat(list.exitCode()).isZero();
        JsonNode environments = json.readTree(list.out());
        assertThat(environments).hasSize(1);
        assertThat(environments.get(0).get("branch").asText()).isEqualTo("feature/cart");
        assertThat(environments.get(0).get("commit").asText()).isEqualTo("4f2a9c1");
        assertThat(environments.get(0).get("status").asText()).isEqualTo("ready");
        assertThat(environments.get(0).get("expiresAt").asText()).isNotEmpty();
        assertThat(run("list", "--kubeconfig", sandbox.kubeconfig(), "--installation-id", "someone-else", "--output", "json").out().strip()).isEqualTo("[ ]");

        CommandRun teardown = run("teardown", "--kubeconfig", sandbox.kubeconfig(), "--installation-id", "laptop", "--app", "shop", "--branch", "feature/cart",
                "--state-dir", state());
        assertThat(teardown.exitCode()).isZero();
        assertThat(teardown.out().strip()).isEqualTo("Deleted " + names.namespace());
        CommandRun again = run("teardown", "--kubeconfig", sandbox.kubeconfig(), "--installation-id", "laptop", "--app", "shop", "--branch", "feature/cart",
                "--output", "json", "--state-dir", state());
        assertThat(again.exitCode()).isZero();
        assertThat(json.readTree(again.out()).get("outcome").asText()).isEqualTo("absent");
        assertThat(run("list", "--kubeconfig", sandbox.kubeconfig(), "--installation-id", "laptop").out()).startsWith("No environments of installation laptop");
    }

    @Test
    void aFailedDeployExitsWithOneAndLeavesTheEnvironmentMarkedFailed() throws Exception {
        sandbox.cluster().workloads().neverReady("frontend");

        CommandRun deploy = run(deployArgs("--timeout", "2s", "--output", "json"));

        assertThat(deploy.exitCode()).isEqualTo(1);
        JsonNode result = json.readTree(deploy.out());
        assertThat(result.get("status").asText()).isEqualTo("failed");
        assertThat(result.get("failureReason").asText()).contains("Deployment/frontend: 0/2 ready");
        CommandRun list = run("list", "--kubeconfig", sandbox.kubeconfig(), "--installation-id", "laptop");
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
        CommandRun badLabel = run(deployArgs("--allow-from-namespace", "ingress-nginx"));
        assertThat(badLabel.exitCode()).isEqualTo(2);
        assertThat(badLabel.err().strip()).isEqualTo("branch-deploy: --allow-from-namespace: 'ingress-nginx' is not a namespace label "
                + "KEY=VALUE; write e.g. kubernetes.io/metadata.name=ingress-nginx");
        CommandRun noKubeconfig = run("list", "--kubeconfig", dir.resolve("missing").toString());
        assertThat(noKubeconfig.exitCode()).isEqualTo(2);
        assertThat(noKubeconfig.err()).contains("kubeconfig: ");
        assertThat(sandbox.cluster().requests().writes()).isEmpty();
    }

    @Test
    void aNamespaceOfAnotherInstallationIsRefusedWithExitCodeOne() {
        assertThat(run(deployArgs()).exitCode()).isZero();

        CommandRun foreign = run("teardown", "--kubeconfig", sandbox.kubeconfig(), "--installation-id", "someone-else", "--app", "shop", "--branch", "feature/cart",
                "--state-dir", state());

        assertThat(foreign.exitCode()).isEqualTo(1);
        assertThat(foreign.err()).contains("is not an environment of installation 'someone-else'");
    }

    @Test
    void aBranchTheFilterLeavesOutIsNotDeployedAndSaysWhy() {
        CommandRun deploy = run(deployArgs("--branch-filter", "main, release/*"));

        assertThat(deploy.exitCode()).isZero();
        assertThat(deploy.out().strip()).isEqualTo("Not deployed: branch feature/cart does not pass the branch filter 'main, release/*'");
        assertThat(deploy.err()).isEmpty();
        assertThat(sandbox.cluster().requests().count()).isZero();
        assertThat(run(deployArgs("--branch-filter", "main, feature/*")).out()).startsWith("Ready: " + names.url());
    }

    @Test
    void aPullRequestFromAnUntrustedForkGetsNoSecrets() {
        EnvironmentNames pr = NamingPolicy.withDefaults("preview.example.dev")
                .names(BranchRef.of("shop", "feature/cart").withChange(io.jenkins.plugins.branchdeploy.engine.branch.ChangeRequest.of(42)));

        CommandRun untrusted = run(deployArgs("--change", "42", "--fork-of", "mallory/shop", "--trusted-forks", "octocat"));

        assertThat(untrusted.exitCode()).as(untrusted.err()).isZero();
        assertThat(untrusted.err()).contains("Pull request #42 comes from the fork mallory/shop, which is not trusted: "
                + "its environment gets none of the 1 secrets and no database branch");
        try (var client = sandbox.cluster().newClient()) {
            assertThat(sandbox.client().secrets().inNamespace(pr.namespace()).withName("shop-db").get()).isNull();
        }
        assertThat(run(deployArgs("--change", "42", "--fork-of", "octocat/shop", "--trusted-forks", "octocat")).err())
                .doesNotContain("not trusted");
        try (var client = sandbox.cluster().newClient()) {
            assertThat(sandbox.client().secrets().inNamespace(pr.namespace()).withName("shop-db").get()).isNotNull();
        }
    }

    private String[] deployArgs(String... extra) {
        return withSecret("shop-db/password=file:" + passwordFile, extra);
    }

    private String[] withSecret(String secret, String... extra) {
        List<String> args = new ArrayList<>(List.of("deploy", "--kubeconfig", sandbox.kubeconfig(), "--installation-id", "laptop",
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
