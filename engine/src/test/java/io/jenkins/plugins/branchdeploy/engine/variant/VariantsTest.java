package io.jenkins.plugins.branchdeploy.engine.variant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.jenkins.plugins.branchdeploy.engine.InvalidInputException;
import io.jenkins.plugins.branchdeploy.engine.ProgressListener;
import io.jenkins.plugins.branchdeploy.engine.branch.BranchRef;
import io.jenkins.plugins.branchdeploy.engine.cluster.BranchEnvironments;
import io.jenkins.plugins.branchdeploy.engine.cluster.ClusterContract;
import io.jenkins.plugins.branchdeploy.engine.cluster.Environment;
import io.jenkins.plugins.branchdeploy.engine.cluster.EnvironmentRef;
import io.jenkins.plugins.branchdeploy.engine.cluster.EnvironmentStatus;
import io.jenkins.plugins.branchdeploy.engine.cluster.SandboxEnvironments;
import io.jenkins.plugins.branchdeploy.engine.cluster.ScaleDownCause;
import io.jenkins.plugins.branchdeploy.engine.cluster.TeardownOutcome;
import io.jenkins.plugins.branchdeploy.engine.naming.EnvironmentNames;
import io.jenkins.plugins.branchdeploy.engine.naming.NamingPolicy;
import io.jenkins.plugins.branchdeploy.engine.request.DeployRequest;
import io.jenkins.plugins.branchdeploy.engine.request.Exposure;
import io.jenkins.plugins.branchdeploy.engine.request.SecretEntry;
import io.jenkins.plugins.branchdeploy.engine.request.Webhooks;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Variants of the example shop's main environment on the sandbox. */
class VariantsTest {

    private static final Path SHOP = Path.of("../docs/examples/shop");
    private static final NamingPolicy NAMING = NamingPolicy.withDefaults("preview.example.dev");
    private static final BranchRef MAIN = BranchRef.of("shop", "main").withCommit("4f2a9c1");
    private static final KubernetesSerialization JSON = new KubernetesSerialization();
    private static final String PASSWORD = "s3cret-value-7";

    @RegisterExtension
    final SandboxEnvironments sandbox = new SandboxEnvironments(NAMING);

    private final List<String> messages = new CopyOnWriteArrayList<>();
    private final ProgressListener progress = messages::add;
    private BranchEnvironments environments;
    private Variants variants;
    private EnvironmentNames main;
    private EnvironmentNames variant;

    @BeforeEach
    void deployMain() {
        environments = sandbox.environments();
        variants = new Variants(environments);
        main = NAMING.names(MAIN);
        variant = NAMING.variantNames("shop", "pricing-v2");
        DeployRequest request = DeployRequest.builder(MAIN, SHOP).variables(Map.of("IMAGE_TAG", "1.4.2"))
                .secrets(List.of(new SecretEntry("shop-db", "password", PASSWORD))).timeout(Duration.ofSeconds(30)).build();
        assertThat(environments.deploys().deploy(request, ProgressListener.SILENT).succeeded()).isTrue();
    }

    private VariantRequest.Builder pricing() {
        return VariantRequest.builder("shop", "pricing-v2").from("main").timeout("30s").createdBy("ana");
    }

    @Test
    void theCopyEqualsTheSourceButForTheOverridesTheHostAndTheNamespace() {
        List<Map<String, Object>> before = comparable(live(main), main, variant);
        List<Map<String, Object>> source = comparable(live(main), main, main);
        VariantResult result = variants.create(pricing().images(List.of("cart=ghcr.io/example/shop-cart:1.5.0"))
                .env(List.of("frontend:FEATURE_PRICING=on")).set(List.of("CART_URL=http://cart-v2:8080")).build(), progress);

        assertThat(result.succeeded()).as(String.valueOf(result.deploy().failureReason())).isTrue();
        assertThat(result.url()).isEqualTo("https://try-pricing-v2--shop.preview.example.dev");
        List<Map<String, Object>> expected = new ArrayList<>(before);
        container(expected, "Deployment", "cart").put("image", "ghcr.io/example/shop-cart:1.5.0");
        container(expected, "Deployment", "frontend").put("env", List.of(Map.of("name", "FEATURE_PRICING", "value", "on")));
        data(expected, "ConfigMap", "shop-config").put("CART_URL", "http://cart-v2:8080");
        assertThat(comparable(live(variant), variant, variant)).isEqualTo(expected);
        assertThat(data(expected, "ConfigMap", "shop-config").get("PUBLIC_URL")).isEqualTo(variant.url());
        assertThat(comparable(live(main), main, main)).as("the source is unchanged").isEqualTo(source);
        assertThat(String.join("\n", messages)).doesNotContain(PASSWORD).doesNotContain(JSON.asJson(PASSWORD).replace("\"", ""));
    }

    @Test
    void theVariantRecordsItsSourceCreatorAndExpiryAndCleanupKnowsItAsAVariant() {
        VariantResult result = variants.create(pricing().ttl("2d").build(), progress);

        Environment listed = environment(variant.namespace());
        assertThat(listed.environment()).isEqualTo("try-pricing-v2");
        assertThat(listed.isVariant()).isTrue();
        assertThat(listed.variant().source()).isEqualTo("main");
        assertThat(listed.variant().createdBy()).isEqualTo("ana");
        assertThat(listed.status()).isEqualTo(EnvironmentStatus.READY);
        assertThat(Duration.between(listed.deployedAt(), listed.expiresAt())).isEqualTo(Duration.ofDays(2));
        assertThat(result.expiresAt()).isEqualTo(listed.expiresAt());
        assertThat(listed.branch()).as("the code it runs").isEqualTo("main");
        assertThat(listed.change()).isNull();
        assertThat(environment(main.namespace()).isVariant()).isFalse();
    }

    @Test
    void aVariantBelongsToTheProjectThatOwnsItsSource() {
        DeployRequest cart = DeployRequest.builder(BranchRef.of("shop", "feature/cart"), SHOP).variables(Map.of("IMAGE_TAG", "1.4.2"))
                .secrets(List.of(new SecretEntry("shop-db", "password", PASSWORD))).timeout(Duration.ofSeconds(30)).build();
        assertThat(environments.ownedBy("team/shop").deploys().deploy(cart, ProgressListener.SILENT).succeeded()).isTrue();

        VariantResult result = variants.create(VariantRequest.builder("shop", "cart-try").from("feature/cart").timeout("30s").build(), progress);

        assertThat(environment(result.names().namespace()).owner()).isEqualTo("team/shop");
        assertThat(environment(result.names().namespace()).variant().source()).startsWith("feature-cart-");
    }

    @Test
    void aVariantDoesNotClaimItsSourcesWebhookPath() {
        DeployRequest withWebhooks = DeployRequest.builder(MAIN, SHOP).variables(Map.of("IMAGE_TAG", "1.4.2"))
                .secrets(List.of(new SecretEntry("shop-db", "password", PASSWORD))).timeout(Duration.ofSeconds(30))
                .webhooks(Webhooks.of("webhooks", "cart:8080")
                        .routedAs(Exposure.of("expose", "frontend").withRouteVia("route-via", "gateway:gateways/preview")))
                .build();
        assertThat(environments.deploys().deploy(withWebhooks, ProgressListener.SILENT).succeeded()).isTrue();

        assertThat(variants.create(pricing().build(), progress).succeeded()).isTrue();

        assertThat(sandbox.client().genericKubernetesResources("gateway.networking.k8s.io/v1", "HTTPRoute")
                .inNamespace(variant.namespace()).list().getItems()).isEmpty();
        assertThat(sandbox.client().genericKubernetesResources("gateway.networking.k8s.io/v1", "HTTPRoute")
                .inNamespace(main.namespace()).withName(Webhooks.ROUTE_NAME).get()).isNotNull();
    }

    @Test
    void theDefaultTimeToLiveIsOneDay() {
        variants.create(pricing().build(), progress);
        Environment listed = environment(variant.namespace());
        assertThat(Duration.between(listed.deployedAt(), listed.expiresAt())).isEqualTo(VariantRequest.DEFAULT_TTL).isEqualTo(Duration.ofDays(1));
    }

    @Test
    void theSecretsAreCopiedInsideTheClusterAndNeverReported() {
        VariantResult result = variants.create(pricing().build(), progress);

        assertThat(sandbox.client().secrets().inNamespace(variant.namespace()).withName("shop-db").get().getData())
                .isEqualTo(sandbox.client().secrets().inNamespace(main.namespace()).withName("shop-db").get().getData());
        assertThat(String.join("\n", messages) + result).doesNotContain(PASSWORD);
    }

    @Test
    void tearingDownTheSourceLeavesTheVariantWorking() {
        variants.create(pricing().build(), progress);

        assertThat(environments.lifecycle().teardown(EnvironmentRef.of(MAIN), progress)).isEqualTo(TeardownOutcome.DELETED);
        sandbox.client().namespaces().withName(main.namespace()).waitUntilCondition(n -> n == null, 10, java.util.concurrent.TimeUnit.SECONDS);
        Environment left = environment(variant.namespace());
        assertThat(left.status()).isEqualTo(EnvironmentStatus.READY);
        assertThat(sandbox.client().apps().deployments().inNamespace(variant.namespace()).withName("cart").get().getStatus()
                .getReadyReplicas()).isPositive();
    }

    @Test
    void aVariantIsExtendedScaledDownWokenAndTornDownLikeAnyEnvironment() {
        variants.create(pricing().build(), progress);
        EnvironmentRef ref = EnvironmentRef.of(environment(variant.namespace()));

        Environment extended = environments.lifecycle().extend(ref, Duration.ofDays(1));
        assertThat(extended.keepUntil()).isEqualTo(extended.expiresAt().plus(Duration.ofDays(1)));
        environments.lifecycle().scaleDown(ref, ScaleDownCause.MANUAL, progress);
        assertThat(environment(variant.namespace()).status()).isEqualTo(EnvironmentStatus.SCALED_DOWN);
        environments.lifecycle().wake(ref, progress);
        assertThat(environment(variant.namespace()).status()).isEqualTo(EnvironmentStatus.READY);
        assertThat(environment(variant.namespace()).isVariant()).as("the lifecycle keeps the variant's record").isTrue();
        assertThat(environments.lifecycle().teardown(ref, progress)).isEqualTo(TeardownOutcome.DELETED);
        assertThat(environment(main.namespace()).status()).isEqualTo(EnvironmentStatus.READY);
    }

    @Test
    void aVariantOfAScaledDownSourceRunsWithTheSourcesReplicas() {
        environments.lifecycle().scaleDown(EnvironmentRef.of(MAIN), ScaleDownCause.MANUAL, progress);

        variants.create(pricing().build(), progress);

        assertThat(sandbox.client().apps().deployments().inNamespace(variant.namespace()).withName("frontend").get().getSpec()
                .getReplicas()).isEqualTo(2);
        assertThat(environment(main.namespace()).status()).isEqualTo(EnvironmentStatus.SCALED_DOWN);
    }

    @Test
    void aVariantCanBeCopiedFromAnEnvironmentIdAndAgainUnderTheSameName() {
        variants.create(pricing().build(), progress);
        VariantResult copyOfCopy = variants.create(VariantRequest.builder("shop", "pricing-v3").environment("try-pricing-v2")
                .timeout("30s").build(), progress);
        assertThat(copyOfCopy.succeeded()).isTrue();
        assertThat(environment(copyOfCopy.names().namespace()).variant().source()).isEqualTo("try-pricing-v2");

        VariantResult again = variants.create(pricing().images(List.of("cart/cart=ghcr.io/example/shop-cart:1.6.0")).build(), progress);
        assertThat(again.succeeded()).isTrue();
        assertThat(sandbox.client().apps().deployments().inNamespace(variant.namespace()).withName("cart").get().getSpec()
                .getTemplate().getSpec().getContainers().get(0).getImage()).isEqualTo("ghcr.io/example/shop-cart:1.6.0");
    }

    @Test
    void badOverridesAndSourcesAreRefusedBeforeAnythingIsWritten() {
        assertRefused(pricing().images(List.of("checkout=ghcr.io/example/checkout:2")), "image",
                "image: the source environment has no container named checkout; its containers are cart, catalog, frontend, postgres (WORKLOAD/CONTAINER names one workload's)");
        assertRefused(pricing().env(List.of("checkout:FEATURE=on")), "env",
                "env: the source environment has no workload named checkout; its workloads are cart, catalog, database, frontend");
        assertRefused(pricing().set(List.of("NO_SUCH_KEY=1")), "set", "NO_SUCH_KEY");
        assertRefused(pricing().images(List.of("cart")), "image", "CONTAINER=IMAGE");
        assertRefused(pricing().env(List.of("FEATURE=on")), "env", "names no workload");
        assertRefused(VariantRequest.builder("shop", "pricing-v2").from("feature/none"), "from", "branch feature/none of app shop has no environment");
        assertRefused(VariantRequest.builder("shop", "pricing-v2").environment("pr-7"), "environment", "app shop has no environment pr-7");
        assertRefused(VariantRequest.builder("shop", "pricing-v2"), "from", "no source given");
        assertRefused(VariantRequest.builder("shop", "pricing-v2").from("main").change("4"), "from", "more than one source");
        assertRefused(VariantRequest.builder("shop", "🚀").from("main"), "name", "no letter or digit");
        assertRefused(pricing().ttl("0d"), "ttl", "zero");
        assertThat(environments.inventory().all()).extracting(Environment::namespace).containsExactly(main.namespace());
        assertThat(sandbox.client().namespaces().withName(variant.namespace()).get()).isNull();
    }

    @Test
    void aFailedSourceIsNotCopied() {
        environments.deploys().markFailed(MAIN, "smoke test GET / answered 500", ProgressListener.SILENT);

        assertRefused(pricing(), "from", "branch main is failed; copy an environment that is ready (or scaled down)");
    }

    @Test
    void aSourceWithoutWorkloadsTheEngineAppliedIsRefused(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("config.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: settings}\ndata: {A: b}\n");
        assertThat(environments.deploys().deploy(DeployRequest.builder(BranchRef.of("shop", "config-only"), dir).build(),
                ProgressListener.SILENT).succeeded()).isTrue();

        assertRefused(VariantRequest.builder("shop", "x").from("config-only"), "from",
                "branch config-only records no workload that the engine applied, so there is nothing to copy");
    }

    private void assertRefused(VariantRequest.Builder request, String field, String message) {
        assertThatThrownBy(() -> variants.create(request.build(), progress)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining(message).extracting(e -> ((InvalidInputException) e).getField()).isEqualTo(field);
    }

    private Environment environment(String namespace) {
        return environments.inventory().all().stream().filter(e -> e.namespace().equals(namespace)).findFirst().orElseThrow();
    }

    private List<HasMetadata> live(EnvironmentNames names) {
        Namespace namespace = sandbox.client().namespaces().withName(names.namespace()).get();
        assertThat(namespace.getMetadata().getLabels()).containsEntry(ClusterContract.ENVIRONMENT, names.environment());
        return environments.inventory().liveResources(EnvironmentRef.of(environment(names.namespace())), ProgressListener.SILENT);
    }

    /**
     * Each resource's kind, name, labels and everything but its metadata and status, as JSON, with
     * {@code from}'s host and namespace written as {@code to}'s; sorted by kind and name.
     */
    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> comparable(List<HasMetadata> resources, EnvironmentNames from, EnvironmentNames to) {
        Map<String, Map<String, Object>> sorted = new TreeMap<>();
        for (HasMetadata resource : resources) {
            String json = JSON.asJson(resource).replace(from.host(), to.host()).replace(from.namespace() + ".svc", to.namespace() + ".svc");
            Map<String, Object> tree = JSON.unmarshal(json, Map.class);
            Map<String, Object> metadata = (Map<String, Object>) tree.remove("metadata");
            tree.remove("status");
            tree.put("labels", metadata.get("labels"));
            tree.put("name", metadata.get("name"));
            if ("Service".equals(tree.get("kind"))) {
                Map<String, Object> spec = (Map<String, Object>) tree.get("spec");
                spec.remove("clusterIP");
                spec.remove("clusterIPs");
            }
            sorted.put(tree.get("kind") + "/" + metadata.get("name"), tree);
        }
        return new ArrayList<>(sorted.values());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> container(List<Map<String, Object>> resources, String kind, String name) {
        Map<String, Object> spec = (Map<String, Object>) find(resources, kind, name).get("spec");
        Map<String, Object> pod = (Map<String, Object>) ((Map<String, Object>) spec.get("template")).get("spec");
        return ((List<Map<String, Object>>) pod.get("containers")).get(0);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> data(List<Map<String, Object>> resources, String kind, String name) {
        return (Map<String, Object>) find(resources, kind, name).get("data");
    }

    private static Map<String, Object> find(List<Map<String, Object>> resources, String kind, String name) {
        return resources.stream().filter(r -> kind.equals(r.get("kind")) && name.equals(r.get("name"))).findFirst().orElseThrow();
    }
}
