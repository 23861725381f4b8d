package io.jenkins.plugins.branchdeploy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.jenkins.plugins.branchdeploy.engine.ProgressListener;
import io.jenkins.plugins.branchdeploy.engine.branch.BranchRef;
import io.jenkins.plugins.branchdeploy.engine.cluster.BranchEnvironments;
import io.jenkins.plugins.branchdeploy.engine.naming.NamingPolicy;
import io.jenkins.plugins.branchdeploy.engine.request.DeployRequest;
import io.jenkins.plugins.branchdeploy.engine.request.SecretEntry;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code branch-deploy try}, and the lifecycle commands with --environment, as a user runs them against the sandbox. */
class TryCommandTest {

    private static final String INSTALLATION = "laptop";
    private static final NamingPolicy NAMING = NamingPolicy.withDefaults("preview.example.dev");

    private final ObjectMapper json = new ObjectMapper();

    @RegisterExtension
    final SandboxKubeconfig sandbox = new SandboxKubeconfig();
    private KubernetesClient client;

    @BeforeEach
    void deployMain() {
        client = sandbox.client();
        DeployRequest request = DeployRequest.builder(BranchRef.of("shop", "main"), Path.of("../docs/examples/shop"))
                .variables(Map.of("IMAGE_TAG", "1.4.2")).secrets(List.of(new SecretEntry("shop-db", "password", "s3cret")))
                .timeout(Duration.ofSeconds(30)).build();
        assertThat(new BranchEnvironments(client, INSTALLATION, NAMING).deploys().deploy(request, ProgressListener.SILENT).succeeded()).isTrue();
    }

    @Test
    void tryMakesAVariantToShareThatListShowsAndTheLifecycleCommandsTakeById() throws IOException {
        CommandRun tried = run("try", "--app", "shop", "--from", "main", "--name", "pricing-v2", "--image", "cart=ghcr.io/example/shop-cart:1.5.0",
                "--env", "frontend:FEATURE_PRICING=on", "--created-by", "ana", "--domain", "preview.example.dev", "--timeout", "30s", "--output", "json");

        assertThat(tried.exitCode()).as(tried.err()).isZero();
        JsonNode variant = json.readTree(tried.out());
        assertThat(variant.get("url").asText()).isEqualTo("https://try-pricing-v2--shop.preview.example.dev");
        assertThat(variant.get("environment").asText()).isEqualTo("try-pricing-v2");
        assertThat(variant.get("variantOf").asText()).isEqualTo("main");
        assertThat(variant.get("createdBy").asText()).isEqualTo("ana");
        assertThat(variant.get("expiresAt").asText()).isNotBlank();
        assertThat(client.apps().deployments().inNamespace("shop-try-pricing-v2").withName("cart").get().getSpec().getTemplate().getSpec()
                .getContainers().get(0).getImage()).isEqualTo("ghcr.io/example/shop-cart:1.5.0");

        CommandRun list = run("list");
        assertThat(list.out()).containsPattern("shop-try-pricing-v2 +shop +main +- +main +ana +ready");
        assertThat(json.readTree(run("list", "--output", "json").out())).extracting(e -> e.get("variantOf").asText(null))
                .containsExactly(null, "main");

        assertThat(run("extend", "--app", "shop", "--environment", "try-pricing-v2", "--for", "2d").exitCode()).isZero();
        CommandRun scaledDown = run("scale-down", "--app", "shop", "--environment", "try-pricing-v2", "--output", "json");
        assertThat(json.readTree(scaledDown.out()).get("status").asText()).isEqualTo("scaled-down");
        assertThat(json.readTree(run("wake", "--app", "shop", "--environment", "try-pricing-v2", "--output", "json").out())
                .get("status").asText()).isEqualTo("ready");
        CommandRun teardown = run("teardown", "--app", "shop", "--environment", "try-pricing-v2");
        assertThat(teardown.exitCode()).as(teardown.err()).isZero();
        assertThat(teardown.out()).contains("Deleted shop-try-pricing-v2");
        assertThat(run("list").out()).contains("shop-main").doesNotContain("shop-try-pricing-v2");
    }

    @Test
    void badInputExitsWithTwoBeforeAnythingIsWritten() {
        sandbox.cluster().requests().clear();

        CommandRun unknownContainer = run("try", "--app", "shop", "--from", "main", "--name", "x", "--image", "checkout=c:1", "--domain", "preview.example.dev");
        assertThat(unknownContainer.exitCode()).isEqualTo(2);
        assertThat(unknownContainer.err().strip()).isEqualTo("branch-deploy: image: the source environment has no container named checkout; "
                + "its containers are cart, catalog, frontend, postgres (WORKLOAD/CONTAINER names one workload's)");
        CommandRun unknownWorkload = run("try", "--app", "shop", "--from", "main", "--name", "x", "--env", "checkout:A=b", "--domain", "preview.example.dev");
        assertThat(unknownWorkload.exitCode()).isEqualTo(2);
        assertThat(unknownWorkload.err()).contains("env: the source environment has no workload named checkout");
        assertThat(run("try", "--app", "shop", "--name", "x", "--domain", "preview.example.dev").err()).contains("no source given");
        assertThat(run("try", "--app", "shop", "--from", "feature/none", "--name", "x", "--domain", "preview.example.dev").exitCode()).isEqualTo(2);
        assertThat(run("extend", "--app", "shop", "--environment", "try-none", "--for", "1d").exitCode()).isEqualTo(2);
        assertThat(run("wake", "--app", "shop", "--environment", "main", "--branch", "main").err()).contains("either --environment or --branch");

        assertThat(sandbox.cluster().requests().writes()).isEmpty();
    }

    private CommandRun run(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--kubeconfig", sandbox.kubeconfig(), "--installation-id", INSTALLATION));
        return CommandRun.of(all.toArray(String[]::new));
    }
}
