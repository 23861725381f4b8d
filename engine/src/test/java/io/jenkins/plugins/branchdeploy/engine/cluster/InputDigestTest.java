package io.jenkins.plugins.branchdeploy.engine.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.branchdeploy.engine.branch.BranchRef;
import io.jenkins.plugins.branchdeploy.engine.branch.ChangeRequest;
import io.jenkins.plugins.branchdeploy.engine.naming.NamingPolicy;
import io.jenkins.plugins.branchdeploy.engine.request.ApplyWith;
import io.jenkins.plugins.branchdeploy.engine.request.DeployRequest;
import io.jenkins.plugins.branchdeploy.engine.request.Exposure;
import io.jenkins.plugins.branchdeploy.engine.request.ManifestSource;
import io.jenkins.plugins.branchdeploy.engine.request.NetworkIsolation;
import io.jenkins.plugins.branchdeploy.engine.request.Quota;
import io.jenkins.plugins.branchdeploy.engine.request.SecretEntry;
import io.jenkins.plugins.branchdeploy.engine.request.SourceOptions;
import io.jenkins.plugins.branchdeploy.engine.request.Webhooks;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InputDigestTest {

    private static final Path SHOP = Path.of("../docs/examples/shop");
    private static final String DOMAIN = "preview.example.dev";
    private static final NamingPolicy NAMING = NamingPolicy.withDefaults(DOMAIN);
    private static final BranchRef BRANCH = BranchRef.of("shop", "feature/cart").withCommit("4f2a9c1");

    @TempDir
    Path dir;
    private Path manifests;

    @BeforeEach
    void copyTheShop() throws IOException {
        manifests = copy(SHOP, dir.resolve("shop"));
    }

    /**
     * Each component of a deploy request, changed: a redeploy with any of them changed must render.
     * A component added to {@link DeployRequest} fails this test until it is listed here.
     */
    private final Map<String, UnaryOperator<DeployRequest.Builder>> changes = Map.ofEntries(
            Map.entry("branch", b -> b.branch(BRANCH.withCommit("9e1d3b0"))),
            Map.entry("variables", b -> b.variables(Map.of("IMAGE_TAG", "1.4.3"))),
            Map.entry("secrets", b -> b.secrets(List.of(new SecretEntry("shop-db", "username", "shop")))),
            Map.entry("quota", b -> b.quota(new Quota("1", "2Gi", 10))),
            Map.entry("ttl", b -> b.ttl(Duration.ofDays(3))),
            Map.entry("timeout", b -> b.timeout(Duration.ofMinutes(9))),
            Map.entry("sourceNamespace", b -> b.sourceNamespace("shop")),
            Map.entry("exposure", b -> b.exposure(Exposure.of("expose", "frontend:80"))),
            Map.entry("keepLoadBalancers", b -> b.keepLoadBalancers(true)),
            Map.entry("source", b -> b.source(new SourceOptions(ManifestSource.YAML, List.of(), Map.of(), false))),
            Map.entry("networkIsolation", b -> b.networkIsolation(NetworkIsolation.NONE)),
            Map.entry("databaseBranch", b -> b.databaseBranch("shop_feature_cart")),
            Map.entry("webhooks", b -> b.webhooks(Webhooks.of("webhooks", "frontend"))));

    /** What leaves the digest as it is: the run that deploys. */
    private final Map<String, UnaryOperator<DeployRequest.Builder>> leftOut = Map.of(
            "deployedBy", b -> b.deployedBy("team/shop/feature%2Fcart#12"));

    @Test
    void everyComponentOfARequestIsCoveredOrLeftOutOnPurpose() {
        List<String> components = Arrays.stream(DeployRequest.class.getRecordComponents()).map(c -> c.getName()).toList();

        // the manifests count by their files' names and content (theFilesCountByNameAndContentWhereverTheyLie),
        // and a hand-off to Argo CD has no digest at all (aChartAnOverlayAndAnArgoCdHandOffHaveNone)
        assertThat(Stream.of(changes.keySet().stream(), leftOut.keySet().stream(), Stream.of("manifests", "applyWith")).flatMap(s -> s)
                .collect(Collectors.toSet())).containsExactlyInAnyOrderElementsOf(components);
    }

    @Test
    void aChangeOfAnyComponentChangesTheDigest() {
        String unchanged = digest(request().build());

        changes.forEach((component, change) -> assertThat(digest(change.apply(request()).build()))
                .as(component).isNotEqualTo(unchanged));
        leftOut.forEach((component, change) -> assertThat(digest(change.apply(request()).build()))
                .as(component).isEqualTo(unchanged));
    }

    @Test
    void theSameRequestGivesTheSameDigestWhateverTheOrderOfItsMaps() {
        Map<String, String> oneWay = new LinkedHashMap<>();
        oneWay.put("IMAGE_TAG", "1.4.2");
        oneWay.put("REPLICAS", "2");
        Map<String, String> otherWay = new LinkedHashMap<>();
        otherWay.put("REPLICAS", "2");
        otherWay.put("IMAGE_TAG", "1.4.2");

        assertThat(digest(request().variables(oneWay).build())).isEqualTo(digest(request().variables(otherWay).build()))
                .startsWith("sha256:");
    }

    @Test
    void secretValuesAreNeverPartOfIt() {
        DeployRequest one = request().secrets(List.of(new SecretEntry("shop-db", "password", "first-value"))).build();
        DeployRequest other = request().secrets(List.of(new SecretEntry("shop-db", "password", "second-value"))).build();

        assertThat(digest(one)).isEqualTo(digest(other));
        assertThat(InputDigest.canonical(one)).contains("shop-db", "password").doesNotContain("first-value");
    }

    @Test
    void theFilesCountByNameAndContentWhereverTheyLie() throws IOException {
        String unchanged = digest(request().build());
        Path elsewhere = copy(manifests, dir.resolve("workspace@2/shop"));

        assertThat(digest(DeployRequest.builder(BRANCH, elsewhere).build())).isEqualTo(unchanged);

        Path deployment = manifests.resolve("cart.yaml");
        Files.writeString(deployment, Files.readString(deployment).replace("replicas: 1", "replicas: 3"));
        assertThat(digest(request().build())).isNotEqualTo(unchanged);

        String edited = digest(request().build());
        Files.move(deployment, manifests.resolve("basket.yaml"));
        String renamed = digest(request().build());
        assertThat(renamed).isNotEqualTo(edited);
        Files.writeString(manifests.resolve("extra.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: extra\n");
        assertThat(digest(request().build())).isNotEqualTo(renamed);
    }

    @Test
    void theNamesAndDomainArePartOfIt() {
        DeployRequest request = request().build();
        String unchanged = digest(request);
        NamingPolicy otherHosts = new NamingPolicy(DOMAIN, NamingPolicy.DEFAULT_NAMESPACE_TEMPLATE, "{branch}.{app}.{domain}");

        assertThat(InputDigest.of(InputDigest.ofManifests(request), request, otherHosts.names(BRANCH), DOMAIN).orElseThrow())
                .isNotEqualTo(unchanged);
        assertThat(InputDigest.of(InputDigest.ofManifests(request), request, NAMING.names(BRANCH), "other.example.dev").orElseThrow())
                .isNotEqualTo(unchanged);
    }

    @Test
    void aChartAnOverlayAndAnArgoCdHandOffHaveNone() throws IOException {
        Path chart = Files.createDirectories(dir.resolve("chart"));
        Files.writeString(chart.resolve("Chart.yaml"), "apiVersion: v2\nname: shop\nversion: 0.1.0\n");
        Path overlay = Files.createDirectories(dir.resolve("overlay"));
        Files.writeString(overlay.resolve("kustomization.yaml"), "resources:\n  - ../shop\n");
        DeployRequest argoCd = request().applyWith(ApplyWith.ArgoCd.of(null, null, "https://git.example.dev/shop.git", "deploy",
                null, List.of(), "main", null, null)).build();

        assertThat(digestOf(DeployRequest.builder(BRANCH, chart).build())).isEmpty();
        assertThat(digestOf(DeployRequest.builder(BRANCH, overlay).build())).isEmpty();
        assertThat(digestOf(argoCd)).isEmpty();
        assertThat(digestOf(DeployRequest.builder(BRANCH, null).build())).isEmpty();
    }

    @Test
    void aValueWithNoCanonicalTextIsRefusedRatherThanGuessed() {
        assertThatThrownBy(() -> InputDigest.canonical(new StringBuilder("x")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("java.lang.StringBuilder");
        assertThat(InputDigest.canonical(new ChangeRequest(42, "main", false, Instant.parse("2026-12-01T10:00:00Z"), "ana")))
                .contains("number=42", "2026-12-01T10:00:00Z", "3:ana");
    }

    private DeployRequest.Builder request() {
        return DeployRequest.builder(BRANCH, manifests);
    }

    private String digest(DeployRequest request) {
        return digestOf(request).orElseThrow();
    }

    private Optional<String> digestOf(DeployRequest request) {
        return InputDigest.of(InputDigest.ofManifests(request), request, NAMING.names(request.branch()), DOMAIN);
    }

    private static Path copy(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(from)) {
            for (Path file : files.toList()) {
                Files.copy(file, to.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        return to;
    }
}
