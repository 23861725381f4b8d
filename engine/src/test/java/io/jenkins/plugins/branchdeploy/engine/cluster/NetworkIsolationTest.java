package io.jenkins.plugins.branchdeploy.engine.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.jenkins.plugins.branchdeploy.engine.InvalidInputException;
import io.jenkins.plugins.branchdeploy.engine.ProgressListener;
import io.jenkins.plugins.branchdeploy.engine.branch.BranchRef;
import io.jenkins.plugins.branchdeploy.engine.naming.EnvironmentNames;
import io.jenkins.plugins.branchdeploy.engine.naming.NamingPolicy;
import io.jenkins.plugins.branchdeploy.engine.request.DeployRequest;
import io.jenkins.plugins.branchdeploy.engine.request.NetworkIsolation;
import io.jenkins.plugins.branchdeploy.engine.request.SecretEntry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Each environment's pods accept connections from their own namespace and the ingress controller's only, unless opted out. */
class NetworkIsolationTest {

    private final NamingPolicy naming = NamingPolicy.withDefaults("preview.example.dev");
    private final BranchRef cart = BranchRef.of("shop", "feature/cart").withCommit("4f2a9c1");
    private final EnvironmentNames names = naming.names(cart);

    @RegisterExtension
    final SandboxEnvironments sandbox = new SandboxEnvironments(naming);

    @Test
    void anEnvironmentIsIsolatedByDefaultAndAnUnchangedRedeployWritesNothing() {
        assertThat(sandbox.environments().deploys().deploy(shop(null), ProgressListener.SILENT).succeeded()).isTrue();

        NetworkPolicy policy = policy();
        assertThat(policy.getSpec().getPodSelector().getMatchLabels()).isNullOrEmpty();
        assertThat(policy.getSpec().getPolicyTypes()).containsExactly("Ingress");
        List<NetworkPolicyPeer> from = policy.getSpec().getIngress().get(0).getFrom();
        assertThat(from).hasSize(2);
        assertThat(from.get(0).getPodSelector()).isNotNull();
        assertThat(from.get(0).getNamespaceSelector()).isNull();
        assertThat(from.get(1).getNamespaceSelector().getMatchLabels())
                .isEqualTo(Map.of("kubernetes.io/metadata.name", "ingress-nginx"));

        sandbox.cluster().requests().clear();
        assertThat(sandbox.environments().deploys().deploy(shop(null), ProgressListener.SILENT).unchanged()).isTrue();
        assertThat(sandbox.cluster().requests().writes()).isEmpty();
    }

    @Test
    void theIngressNamespacesAreChosenByLabelAndTheOptOutRemovesThePolicy() {
        sandbox.environments().deploys().deploy(shop(NetworkIsolation.allowingFrom(List.of("team=edge", "kubernetes.io/metadata.name=traefik"))),
                ProgressListener.SILENT);
        assertThat(policy().getSpec().getIngress().get(0).getFrom()).extracting(p -> p.getNamespaceSelector() == null
                ? null : p.getNamespaceSelector().getMatchLabels())
                .containsExactly(null, Map.of("team", "edge"), Map.of("kubernetes.io/metadata.name", "traefik"));

        assertThat(sandbox.environments().deploys().deploy(shop(NetworkIsolation.NONE), ProgressListener.SILENT).succeeded()).isTrue();
        assertThat(sandbox.client().network().v1().networkPolicies().inNamespace(names.namespace()).list().getItems()).isEmpty();
    }

    @Test
    void aLabelThatIsNotKeyEqualsValueIsRefusedNamingTheField() {
        assertThatThrownBy(() -> NetworkIsolation.allowingFrom(List.of("ingress-nginx")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("allowFromNamespace: 'ingress-nginx' is not a namespace label KEY=VALUE; "
                        + "write e.g. kubernetes.io/metadata.name=ingress-nginx");
    }

    private NetworkPolicy policy() {
        return sandbox.client().network().v1().networkPolicies().inNamespace(names.namespace()).withName(EnvironmentResources.NAME).get();
    }

    private DeployRequest shop(NetworkIsolation isolation) {
        return DeployRequest.builder(cart, BranchEnvironmentsTest.SHOP).variables(Map.of("IMAGE_TAG", "1.4.2"))
                .secrets(List.of(new SecretEntry("shop-db", "password", "s3cret"))).timeout(Duration.ofSeconds(30))
                .networkIsolation(isolation).build();
    }
}
