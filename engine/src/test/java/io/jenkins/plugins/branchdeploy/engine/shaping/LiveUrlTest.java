package io.jenkins.plugins.branchdeploy.engine.shaping;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.IngressBuilder;
import io.jenkins.plugins.branchdeploy.engine.branch.BranchRef;
import io.jenkins.plugins.branchdeploy.engine.naming.EnvironmentNames;
import io.jenkins.plugins.branchdeploy.engine.naming.NamingPolicy;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LiveUrlTest {

    private final EnvironmentNames names = NamingPolicy.withDefaults("preview.example.dev").names(BranchRef.of("shop", "main"));

    @Test
    void theIngressHostWithHttpsOnlyWhenItHasTls() {
        assertThat(LiveUrl.of(List.of(ingress("shop.internal", false)), names)).isEqualTo("http://shop.internal");
        assertThat(LiveUrl.of(List.of(ingress("shop.internal", true)), names)).isEqualTo("https://shop.internal");
    }

    @Test
    void prefersTheEnvironmentsOwnHost() {
        assertThat(LiveUrl.of(List.of(ingress("metrics.internal", false), ingress(names.host(), true)), names)).isEqualTo(names.url());
    }

    @Test
    void aRuleWithoutAHostServesTheEnvironmentsHost() {
        assertThat(LiveUrl.of(List.of(ingress(null, false)), names)).isEqualTo("http://" + names.host());
    }

    @Test
    void anHttpRouteServesItsHostnamesOverHttps() {
        HasMetadata route = new GenericKubernetesResourceBuilder().withApiVersion("gateway.networking.k8s.io/v1").withKind("HTTPRoute")
                .withNewMetadata().withName("web").endMetadata()
                .withAdditionalProperties(Map.of("spec", Map.of("hostnames", List.of(names.host())))).build();
        assertThat(LiveUrl.of(List.of(route), names)).isEqualTo("https://" + names.host());
    }

    @Test
    void withoutAnIngressOrHttpRouteThereIsNoUrl() {
        HasMetadata service = new ServiceBuilder().withNewMetadata().withName("web").endMetadata().build();
        assertThat(LiveUrl.of(List.of(service), names)).isNull();
        assertThat(LiveUrl.of(List.of(), names)).isNull();
    }

    private static HasMetadata ingress(String host, boolean tls) {
        IngressBuilder ingress = new IngressBuilder().withNewMetadata().withName(host == null ? "any" : host).endMetadata()
                .withNewSpec().addNewRule().withHost(host).endRule().endSpec();
        if (tls) {
            ingress.editSpec().addNewTl().withHosts(host).withSecretName("tls").endTl().endSpec();
        }
        return ingress.build();
    }
}
