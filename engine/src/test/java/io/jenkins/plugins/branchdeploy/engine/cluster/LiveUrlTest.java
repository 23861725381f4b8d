package io.jenkins.plugins.branchdeploy.engine.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.networking.v1.IngressBuilder;
import io.jenkins.plugins.branchdeploy.engine.branch.BranchRef;
import io.jenkins.plugins.branchdeploy.engine.naming.EnvironmentNames;
import io.jenkins.plugins.branchdeploy.engine.naming.NamingPolicy;
import java.util.List;
import org.junit.jupiter.api.Test;

class LiveUrlTest {

    private final EnvironmentNames names = NamingPolicy.withDefaults("preview.example.dev").names(BranchRef.of("shop", "main"));

    @Test
    void theIngressHostWithHttpsOnlyWhenItHasTls() {
        assertThat(LiveUrl.of(List.of(ingress("shop.internal", false)), names)).isEqualTo("http://shop.internal");
        assertThat(LiveUrl.of(List.of(ingress("shop.internal", true)), names)).isEqualTo("https://shop.internal");
    }

    @Test
    void prefersTheEnvironmentsOwnHostAndFallsBackToTheHostTemplate() {
        assertThat(LiveUrl.of(List.of(ingress("metrics.internal", false), ingress(names.host(), true)), names)).isEqualTo(names.url());
        assertThat(LiveUrl.of(List.of(), names)).isEqualTo(names.url());
    }

    private static HasMetadata ingress(String host, boolean tls) {
        IngressBuilder ingress = new IngressBuilder().withNewMetadata().withName(host).endMetadata()
                .withNewSpec().addNewRule().withHost(host).endRule().endSpec();
        if (tls) {
            ingress.editSpec().addNewTl().withHosts(host).withSecretName("tls").endTl().endSpec();
        }
        return ingress.build();
    }
}
