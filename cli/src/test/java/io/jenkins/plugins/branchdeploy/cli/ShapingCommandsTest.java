package io.jenkins.plugins.branchdeploy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.branchdeploy.engine.branch.BranchRef;
import io.jenkins.plugins.branchdeploy.engine.naming.EnvironmentNames;
import io.jenkins.plugins.branchdeploy.engine.naming.NamingPolicy;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** --expose, --route-via, --keep-load-balancers and --quota with the real microservices-demo, against the sandbox. */
class ShapingCommandsTest {

    private static final String MICROSERVICES_DEMO = "../engine/src/test/resources/manifests/microservices-demo";

    private final ObjectMapper json = new ObjectMapper();
    private final EnvironmentNames names = NamingPolicy.withDefaults("preview.example.dev").names(BranchRef.of("boutique", "feature/cart"));
    @RegisterExtension
    final SandboxKubeconfig sandbox = new SandboxKubeconfig();

    @TempDir
    Path dir;

    @Test
    void anAppAboveItsQuotaExitsWithTwoNamingTotalsQuotaAndAFitWritingNothing() {
        CommandRun run = deploy();

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().strip()).startsWith("branch-deploy: quota: the app needs CPU limits 2.825 (requests 1.57)")
                .contains("more than quota cpu=2,memory=4Gi,pods=20 allows (CPU limits 2.825 > 2)")
                .endsWith("Give quota cpu=4.3,memory=4Gi,pods=20, or auto to size it from the app").doesNotContain("\n");
        assertOnlyTheRecordRead();
        assertThat(deploy("--quota", "cpu=4.3,memory=4Gi,pods=20").exitCode()).isZero();
    }

    @Test
    void badExposeAndRouteViaExitWithTwoAndSendNothing() {
        assertBadInput(deploy("--quota", "auto", "--expose", "web"),
                "branch-deploy: expose: the manifests have no Service 'web'; expose one of adservice, cartservice, ");
        assertBadInput(deploy("--quota", "auto", "--expose", "frontend:8080"),
                "branch-deploy: expose: Service 'frontend' has no port 8080; it has 80 (http)");
        assertBadInput(deploy("--quota", "auto", "--route-via", "gateway:gateways/preview"),
                "branch-deploy: route-via: applies to the Service that expose or webhooks routes to; add expose SERVICE[:PORT]");
        assertBadInput(deploy("--quota", "auto", "--expose", "frontend", "--route-via", "preview"),
                "branch-deploy: route-via: 'preview' is not gateway:NAMESPACE/NAME");
        assertBadInput(deploy("--quota", "auto", "--tls-secret", "preview-tls"),
                "branch-deploy: tls-secret: applies to the Ingress that --expose or --webhooks adds; add --expose SERVICE[:PORT]");
        assertBadInput(deploy("--quota", "auto,pods=3"), "branch-deploy: quota: 'auto' is not key=value");
        assertBadInput(deploy("--quota", "auto", "--smoke-tests", "../docs/examples/smoke.yaml"),
                "branch-deploy: smoke-tests: the smoke tests need a URL, and nothing routes to " + names.host());
        assertOnlyTheRecordRead();
    }

    @Test
    void withoutExposeTheDeploySucceedsWithoutAUrlAndSaysHowToFixIt() throws IOException {
        CommandRun text = deploy("--quota", "auto");
        assertThat(text.exitCode()).as(text.err()).isZero();
        assertThat(text.out()).startsWith("Ready, with no URL: nothing routes to " + names.host() + "\n")
                .contains("  changed: Service/frontend-external: LoadBalancer -> ClusterIP")
                .contains("  changed: Quota auto: cpu=4.3,memory=3840Mi,pods=18 for CPU limits 2.825")
                .contains("WARNING: Nothing routes to " + names.host() + ": no Ingress or HTTPRoute of the manifests serves it")
                .contains("--expose frontend").doesNotContain("https://");

        JsonNode unchanged = json.readTree(deploy("--quota", "auto", "--output", "json").out());
        assertThat(unchanged.get("url").isNull()).isTrue();
        assertThat(unchanged.get("unchanged").asBoolean()).isTrue();
        assertThat(unchanged.get("warnings").get(0).asText()).startsWith("Nothing routes to " + names.host());
    }

    @Test
    void exposeGivesAUrlThatRoutesAndKeepLoadBalancersKeepsThem() throws IOException {
        CommandRun run = deploy("--quota", "auto", "--expose", "frontend", "--ingress-class", "nginx", "--tls-secret", "preview-tls",
                "--keep-load-balancers", "--output", "json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode result = json.readTree(run.out());
        assertThat(result.get("url").asText()).isEqualTo("https://" + names.host());
        assertThat(result.get("appliedResources").toString()).contains("Ingress/branch-deploy");
        assertThat(result.get("adjustments").toString()).contains("Ingress/branch-deploy: added, routes " + names.host()
                + " to Service frontend").doesNotContain("LoadBalancer");
        assertThat(result.get("warnings")).isEmpty();
    }

    /** Bad input found by rendering comes after one read: whether the environment records the same input. */
    private void assertOnlyTheRecordRead() {
        assertThat(sandbox.cluster().requests().all()).isNotEmpty()
                .allSatisfy(r -> assertThat(r).hasToString("GET /api/v1/namespaces/" + names.namespace()));
    }

    private static void assertBadInput(CommandRun run, String errorStart) {
        assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
        assertThat(run.err().strip()).startsWith(errorStart).doesNotContain("\n");
    }

    private CommandRun deploy(String... extra) {
        List<String> args = new ArrayList<>(List.of("deploy", "--kubeconfig", sandbox.kubeconfig(), "--installation-id", "laptop",
                "--app", "boutique", "--branch", "feature/cart", "--manifests", MICROSERVICES_DEMO,
                "--domain", "preview.example.dev", "--timeout", "30s", "--state-dir", dir.resolve("state").toString()));
        args.addAll(List.of(extra));
        return CommandRun.of(args.toArray(String[]::new));
    }
}
