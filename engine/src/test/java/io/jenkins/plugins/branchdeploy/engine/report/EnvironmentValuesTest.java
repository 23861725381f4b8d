package io.jenkins.plugins.branchdeploy.engine.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.networking.v1.IngressBuilder;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What differs only because every environment has its own host, URL, branch and namespace is no change. */
class EnvironmentValuesTest {

    private final EnvironmentValues main = EnvironmentValues.of(Map.of("BRANCH", "main", "HOST", "main--shop.preview.example.dev",
            "URL", "https://main--shop.preview.example.dev", "NAMESPACE", "shop-main", "ENVIRONMENT", "main", "IMAGE_TAG", "1.4.2"));
    private final EnvironmentValues cart = EnvironmentValues.of(Map.of("BRANCH", "feature/cart",
            "HOST", "feature-cart--shop.preview.example.dev", "URL", "https://feature-cart--shop.preview.example.dev",
            "NAMESPACE", "shop-feature-cart", "ENVIRONMENT", "feature-cart"));

    @Test
    void ownValuesBecomePlaceholdersWhereTheyStandOnTheirOwn() {
        assertThat(main.normalise("https://main--shop.preview.example.dev/api?branch=main&domain=x"))
                .isEqualTo("${URL}/api?branch=${BRANCH}&domain=x");
        assertThat(main.normalise("main--shop.preview.example.dev")).isEqualTo("${HOST}");
        assertThat(main.normalise("1.4.2")).as("a variable of the manifests' own stays").isEqualTo("1.4.2");
    }

    @Test
    void onlyTheBranchsOwnChangeIsReported() {
        List<HasMetadata> mainSide = List.of(ingress("main--shop.preview.example.dev"),
                config("main", "main", "https://main--shop.preview.example.dev", "main-cache", "blue"));
        List<HasMetadata> cartSide = List.of(ingress("feature-cart--shop.preview.example.dev"),
                config("feature/cart", "feature-cart", "https://feature-cart--shop.preview.example.dev", "main-cache", "green"));

        ChangeReport raw = ChangeReporter.compare(cartSide, mainSide, "main");
        ChangeReport report = ChangeReporter.compare(cartSide, cart, mainSide, main, "main");

        assertThat(raw.count(ChangeType.CHANGED)).isEqualTo(2);
        assertThat(report.differences()).singleElement().satisfies(change -> {
            assertThat(change.resource().toString()).isEqualTo("ConfigMap/shop");
            assertThat(change.fields()).extracting(FieldChange::field).containsExactly("data[COLOUR]");
        });
        assertThat(report.count(ChangeType.UNCHANGED)).isEqualTo(1);
    }

    private static HasMetadata ingress(String host) {
        return new IngressBuilder().withNewMetadata().withName("shop").endMetadata()
                .withNewSpec().addNewRule().withHost(host).endRule().addNewTl().withHosts(host).endTl().endSpec().build();
    }

    /**
     * {@code CACHE} is the same literal on both sides that happens to start with main's branch name;
     * main's {@code ENVIRONMENT} and {@code BRANCH} share the value {@code main}.
     */
    private static HasMetadata config(String branch, String environment, String url, String cache, String colour) {
        return new ConfigMapBuilder().withNewMetadata().withName("shop").endMetadata().withData(Map.of("BRANCH", branch,
                "ENVIRONMENT", environment, "PUBLIC_URL", url, "CACHE", cache, "COLOUR", colour)).build();
    }
}
