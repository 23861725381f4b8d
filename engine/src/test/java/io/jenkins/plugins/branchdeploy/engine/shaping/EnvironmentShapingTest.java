package io.jenkins.plugins.branchdeploy.engine.shaping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.jenkins.plugins.branchdeploy.engine.InvalidInputException;
import io.jenkins.plugins.branchdeploy.engine.branch.BranchRef;
import io.jenkins.plugins.branchdeploy.engine.request.Quota;
import io.jenkins.plugins.branchdeploy.engine.manifest.ManifestRenderer;
import io.jenkins.plugins.branchdeploy.engine.manifest.ManifestVariables;
import io.jenkins.plugins.branchdeploy.engine.manifest.RenderedManifest;
import io.jenkins.plugins.branchdeploy.engine.request.Exposure;
import io.jenkins.plugins.branchdeploy.engine.naming.EnvironmentNames;
import io.jenkins.plugins.branchdeploy.engine.naming.NamingPolicy;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Shaping the real microservices-demo manifests (a LoadBalancer, no Ingress, more CPU than the default quota) and the shop. */
class EnvironmentShapingTest {

    static final Path MICROSERVICES_DEMO = Path.of("src/test/resources/manifests/microservices-demo");
    static final Path SHOP = Path.of("../docs/examples/shop");

    private final BranchRef branch = BranchRef.of("boutique", "feature/cart");
    private final EnvironmentNames names = NamingPolicy.withDefaults("preview.example.dev").names(branch);
    private static final Map<String, String> LABELS = Map.of("app.kubernetes.io/managed-by", "branch-deploy");

    private final Quota auto = Quota.DEFAULT.with("quota", "auto");

    @Test
    void microservicesDemoExceedsTheDefaultQuotaAndTheErrorNamesTotalsQuotaAndAFit() {
        assertThatThrownBy(() -> shape(demo(), null, false, Quota.DEFAULT))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("quota: the app needs CPU limits 2.825 (requests 1.57)")
                .hasMessageContaining("more than quota cpu=2,memory=4Gi,pods=20 allows (CPU limits 2.825 > 2)")
                .hasMessageContaining("Give quota cpu=4.3,memory=4Gi,pods=20, or auto");
    }

    @Test
    void theSuggestedQuotaFitsAndAutoSizesFromTheAppWithHeadroom() {
        assertThat(shape(demo(), null, false, Quota.DEFAULT.with("quota", "cpu=4.3,memory=4Gi,pods=20")).warnings())
                .noneMatch(w -> w.contains("quota"));

        ShapedManifests shaped = shape(demo(), null, false, auto);

        assertThat(shaped.quota()).isEqualTo(new Quota("4.3", "3840Mi", 18));
        assertThat(shaped.adjustments()).contains("Quota auto: cpu=4.3,memory=3840Mi,pods=18 for CPU limits 2.825 (requests 1.57), "
                + "memory limits 2542Mi (requests 1368Mi), 12 pods, plus 50 % for rolling updates");
    }

    @Test
    void loadBalancersBecomeClusterIpUnlessKept() {
        ShapedManifests shaped = shape(demo(), null, false, auto);

        Service external = service(shaped.manifests(), "frontend-external");
        assertThat(external.getSpec().getType()).isEqualTo("ClusterIP");
        assertThat(external.getSpec().getPorts()).allSatisfy(p -> assertThat(p.getNodePort()).isNull());
        assertThat(shaped.adjustments()).contains("Service/frontend-external: LoadBalancer -> ClusterIP "
                + "(--keep-load-balancers or keepLoadBalancers: true keeps it)");

        ShapedManifests kept = shape(demo(), null, true, auto);
        assertThat(service(kept.manifests(), "frontend-external").getSpec().getType()).isEqualTo("LoadBalancer");
        assertThat(kept.adjustments()).noneMatch(a -> a.contains("LoadBalancer"));
    }

    @Test
    void withoutAnIngressNothingRoutesAndThereIsNoUrl() {
        ShapedManifests shaped = shape(demo(), null, false, auto);

        assertThat(shaped.url()).isNull();
        assertThat(shaped.warnings()).containsExactly("Nothing routes to " + names.host() + ": no Ingress or HTTPRoute of the "
                + "manifests serves it, so the environment has no URL. Expose a Service with --expose frontend "
                + "(Pipeline: expose: 'frontend'), or add an Ingress for ${HOST} to the manifests");
    }

    @Test
    void exposeAddsAnIngressForTheHostToTheServicesPort() {
        Exposure exposure = Exposure.of("expose", "frontend").withIngressClass("nginx").withTlsSecret("preview-tls");

        ShapedManifests shaped = shape(demo(), exposure, false, auto);

        Ingress ingress = (Ingress) shaped.manifests().get(shaped.manifests().size() - 1).resource();
        assertThat(ingress.getMetadata().getName()).isEqualTo("branch-deploy");
        assertThat(ingress.getMetadata().getNamespace()).isEqualTo(names.namespace());
        assertThat(ingress.getMetadata().getLabels()).isEqualTo(LABELS);
        assertThat(ingress.getSpec().getIngressClassName()).isEqualTo("nginx");
        assertThat(ingress.getSpec().getTls()).singleElement().satisfies(t -> {
            assertThat(t.getHosts()).containsExactly(names.host());
            assertThat(t.getSecretName()).isEqualTo("preview-tls");
        });
        assertThat(ingress.getSpec().getRules()).singleElement().satisfies(rule -> {
            assertThat(rule.getHost()).isEqualTo(names.host());
            assertThat(rule.getHttp().getPaths()).singleElement().satisfies(path -> {
                assertThat(path.getBackend().getService().getName()).isEqualTo("frontend");
                assertThat(path.getBackend().getService().getPort().getNumber()).isEqualTo(80);
            });
        });
        assertThat(shaped.url()).isEqualTo("https://" + names.host());
        assertThat(shaped.warnings()).isEmpty();
        assertThat(shaped.adjustments()).contains("Ingress/branch-deploy: added, routes " + names.host() + " to Service frontend");
    }

    @Test
    void withoutATlsSecretTheExposedUrlIsHttp() {
        assertThat(shape(demo(), Exposure.of("expose", "frontend:http"), false, auto).url()).isEqualTo("http://" + names.host());
    }

    @Test
    void routeViaAGatewayAddsAnHttpRouteInstead() {
        Exposure exposure = Exposure.of("expose", "frontend:80").withRouteVia("route-via", "gateway:gateways/preview");

        ShapedManifests shaped = shape(demo(), exposure, false, auto);

        RenderedManifest route = shaped.manifests().get(shaped.manifests().size() - 1);
        assertThat(route.kindAndName()).isEqualTo("HTTPRoute/branch-deploy");
        assertThat(route.resource().getApiVersion()).isEqualTo("gateway.networking.k8s.io/v1");
        assertThat(((GenericKubernetesResource) route.resource()).getAdditionalProperties().get("spec")).isEqualTo(Map.of(
                "parentRefs", List.of(Map.of("group", "gateway.networking.k8s.io", "kind", "Gateway", "namespace", "gateways", "name", "preview")),
                "hostnames", List.of(names.host()),
                "rules", List.of(Map.of("backendRefs", List.of(Map.of("name", "frontend", "port", 80))))));
        assertThat(shaped.manifests()).noneMatch(m -> m.resource() instanceof Ingress);
        assertThat(shaped.url()).isEqualTo("https://" + names.host());
        assertThat(shaped.adjustments()).contains("HTTPRoute/branch-deploy: added, routes " + names.host()
                + " to Service frontend:80 through Gateway gateways/preview");
    }

    @Test
    void exposingAServiceTheManifestsDoNotHaveNamesTheOnesTheyHave() {
        assertThatThrownBy(() -> shape(demo(), Exposure.of("expose", "web"), false, auto))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("expose: the manifests have no Service 'web'; expose one of adservice, cartservice,");
        assertThatThrownBy(() -> shape(demo(), Exposure.of("expose", "frontend:8080"), false, auto))
                .hasMessage("expose: Service 'frontend' has no port 8080; it has 80 (http)");
    }

    @Test
    void badExposeAndRouteViaTextIsRefusedNamingTheField() {
        assertThatThrownBy(() -> Exposure.of("expose", "Front End"))
                .hasMessage("expose: 'Front End' is not SERVICE[:PORT]; name a Service of the manifests, e.g. frontend or frontend:80");
        assertThatThrownBy(() -> Exposure.of("expose", "frontend").withRouteVia("route-via", "gateways/preview"))
                .hasMessageStartingWith("route-via: 'gateways/preview' is not gateway:NAMESPACE/NAME");
        assertThat(Exposure.of("expose", " ")).isNull();
    }

    @Test
    void theShopKeepsItsOwnIngressAndFitsTheDefaultQuota() {
        List<RenderedManifest> shop = render(SHOP, Map.of("IMAGE_TAG", "1.4.2"));

        ShapedManifests shaped = shape(shop, null, false, Quota.DEFAULT);

        assertThat(shaped.url()).isEqualTo("https://" + names.host());
        assertThat(shaped.warnings()).isEmpty();
        assertThat(shaped.adjustments()).isEmpty();
        assertThat(shaped.manifests()).hasSameSizeAs(shop);
    }

    @Test
    void exposingAnAppWhoseIngressAlreadyRoutesTheHostIsRefused() {
        List<RenderedManifest> shop = render(SHOP, Map.of("IMAGE_TAG", "1.4.2"));

        assertThatThrownBy(() -> shape(shop, Exposure.of("expose", "frontend"), false, Quota.DEFAULT))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("expose: ingress.yaml, document 1 (Ingress/shop) already routes " + names.host()
                        + "; drop expose, or that Ingress");
    }

    private ShapedManifests shape(List<RenderedManifest> manifests, Exposure exposure, boolean keepLoadBalancers, Quota quota) {
        return EnvironmentShaping.shape(manifests, exposure, keepLoadBalancers, quota, names, LABELS);
    }

    private List<RenderedManifest> demo() {
        return render(MICROSERVICES_DEMO, Map.of());
    }

    private List<RenderedManifest> render(Path manifests, Map<String, String> variables) {
        return new ManifestRenderer(ManifestVariables.forEnvironment(branch, names, variables), null).render(manifests, names.namespace());
    }

    private static Service service(List<RenderedManifest> manifests, String name) {
        return manifests.stream().filter(m -> m.kindAndName().equals("Service/" + name)).map(m -> (Service) m.resource())
                .findFirst().orElseThrow();
    }
}
