package io.jenkins.plugins.branchdeploy.engine.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.jenkins.plugins.branchdeploy.engine.InvalidInputException;
import io.jenkins.plugins.branchdeploy.engine.ProgressListener;
import io.jenkins.plugins.branchdeploy.engine.branch.BranchRef;
import io.jenkins.plugins.branchdeploy.engine.request.DeployRequest;
import io.jenkins.plugins.branchdeploy.engine.cluster.DeployResult;
import io.jenkins.plugins.branchdeploy.engine.request.Quota;
import io.jenkins.plugins.branchdeploy.engine.naming.EnvironmentNames;
import io.jenkins.plugins.branchdeploy.engine.naming.NamingPolicy;
import io.jenkins.plugins.branchdeploy.engine.request.Exposure;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The real microservices-demo in the sandbox: its quota, its LoadBalancer, and a URL that routes only when exposed. */
class ShapedDeploysTest {

    private static final Path MICROSERVICES_DEMO = Path.of("src/test/resources/manifests/microservices-demo");

    private final NamingPolicy naming = NamingPolicy.withDefaults("preview.example.dev");
    private final BranchRef branch = BranchRef.of("boutique", "feature/cart");
    private final EnvironmentNames names = naming.names(branch);
    private final List<String> messages = new CopyOnWriteArrayList<>();
    private final ProgressListener progress = messages::add;

    @RegisterExtension
    final SandboxEnvironments sandbox = new SandboxEnvironments(naming);
    private BranchEnvironments environments;

    @BeforeEach
    void start() {
        environments = sandbox.environments();
    }

    @Test
    void anAppAboveTheQuotaIsRefusedBeforeAnyRequest() {
        assertThatThrownBy(() -> environments.deploys().deploy(request(Quota.DEFAULT, null), progress))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("CPU limits 2.825 > 2")
                .hasMessageContaining("Give quota cpu=4.3,memory=4Gi,pods=20, or auto");
        assertThat(sandbox.cluster().requests().count()).isZero();
    }

    @Test
    void exposingAServiceTheManifestsDoNotHaveSendsNothing() {
        assertThatThrownBy(() -> environments.deploys().deploy(request(auto(), Exposure.of("expose", "web")), progress))
                .hasMessageStartingWith("expose: the manifests have no Service 'web'");
        assertThat(sandbox.cluster().requests().count()).isZero();
    }

    @Test
    void exposedTheIngressIsAppliedOwnedAndPrunedLikeEverythingElse() {
        DeployResult exposed = environments.deploys().deploy(request(auto(), Exposure.of("expose", "frontend")), progress);

        assertThat(exposed.succeeded()).isTrue();
        assertThat(exposed.url()).isEqualTo("http://" + names.host());
        assertThat(exposed.appliedResources()).contains("Ingress/branch-deploy", "Service/frontend-external");
        Ingress ingress = sandbox.client().network().v1().ingresses().inNamespace(names.namespace()).withName("branch-deploy").get();
        assertThat(ingress.getSpec().getRules()).singleElement().satisfies(r -> assertThat(r.getHost()).isEqualTo(names.host()));
        assertThat(sandbox.client().services().inNamespace(names.namespace()).withName("frontend-external").get().getSpec().getType())
                .isEqualTo("ClusterIP");
        assertThat(sandbox.client().resourceQuotas().inNamespace(names.namespace()).withName("branch-deploy").get().getSpec().getHard())
                .containsEntry("limits.cpu", new Quantity("4.3")).containsEntry("pods", new Quantity("18"));
        assertThat(sandbox.client().namespaces().withName(names.namespace()).get().getMetadata().getAnnotations())
                .containsEntry(ClusterContract.URL, "http://" + names.host());

        sandbox.cluster().requests().clear();
        DeployResult again = environments.deploys().deploy(request(auto(), Exposure.of("expose", "frontend")), progress);
        assertThat(again.unchanged()).isTrue();
        assertThat(sandbox.cluster().requests().writes()).isEmpty();

        messages.clear();
        DeployResult unexposed = environments.deploys().deploy(request(auto(), null), progress);
        assertThat(unexposed.succeeded()).isTrue();
        assertThat(unexposed.url()).isNull();
        assertThat(sandbox.client().network().v1().ingresses().inNamespace(names.namespace()).withName("branch-deploy").get()).isNull();
        assertThat(sandbox.client().namespaces().withName(names.namespace()).get().getMetadata().getAnnotations())
                .doesNotContainKey(ClusterContract.URL);
        assertThat(messages).anySatisfy(m -> assertThat(m).startsWith("WARNING: Nothing routes to " + names.host()))
                .anySatisfy(m -> assertThat(m).isEqualTo("Pruned Ingress/branch-deploy, which this deploy no longer has"));

        assertThat(environments.lifecycle().teardown(EnvironmentRef.of(branch), progress)).isEqualTo(TeardownOutcome.DELETED);
    }

    @Test
    void routeViaAGatewayAppliesAnHttpRoute() {
        Exposure exposure = Exposure.of("expose", "frontend:80").withRouteVia("route-via", "gateway:gateways/preview");

        DeployResult result = environments.deploys().deploy(request(auto(), exposure), progress);

        assertThat(result.succeeded()).isTrue();
        assertThat(result.url()).isEqualTo("https://" + names.host());
        GenericKubernetesResource route = sandbox.client().genericKubernetesResources("gateway.networking.k8s.io/v1", "HTTPRoute")
                .inNamespace(names.namespace()).withName("branch-deploy").get();
        assertThat(route).isNotNull();
        assertThat(route.getMetadata().getLabels()).containsEntry(ClusterContract.MANAGED_BY, "branch-deploy");
        assertThat(sandbox.client().network().v1().ingresses().inNamespace(names.namespace()).list().getItems()).isEmpty();
    }

    @Test
    void keptLoadBalancersStaySo() {
        DeployRequest request = DeployRequest.builder(branch, MICROSERVICES_DEMO).quota(auto())
                .ttl(Duration.ofDays(3)).timeout(Duration.ofSeconds(30)).keepLoadBalancers(true).build();

        assertThat(environments.deploys().deploy(request, progress).succeeded()).isTrue();
        assertThat(sandbox.client().services().inNamespace(names.namespace()).withName("frontend-external").get().getSpec().getType())
                .isEqualTo("LoadBalancer");
    }

    private static Quota auto() {
        return Quota.DEFAULT.with("quota", "auto");
    }

    private DeployRequest request(Quota quota, Exposure exposure) {
        return DeployRequest.builder(branch, MICROSERVICES_DEMO).quota(quota).ttl(Duration.ofDays(3))
                .timeout(Duration.ofSeconds(30)).exposure(exposure).build();
    }
}
