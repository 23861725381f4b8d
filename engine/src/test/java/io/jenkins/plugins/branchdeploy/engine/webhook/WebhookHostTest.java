package io.jenkins.plugins.branchdeploy.engine.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.branchdeploy.engine.InvalidInputException;
import io.jenkins.plugins.branchdeploy.engine.branch.BranchRef;
import io.jenkins.plugins.branchdeploy.engine.naming.EnvironmentNames;
import io.jenkins.plugins.branchdeploy.engine.naming.NamingPolicy;
import io.jenkins.plugins.branchdeploy.engine.request.Exposure;
import io.jenkins.plugins.branchdeploy.engine.request.Webhooks;
import org.junit.jupiter.api.Test;

/** The app's webhook host and an environment's webhook URL under it. */
class WebhookHostTest {

    private final NamingPolicy naming = NamingPolicy.withDefaults("preview.example.dev");

    @Test
    void oneHostPerAppWhateverTheBranch() {
        assertThat(WebhookHost.of(null, "shop", "preview.example.dev")).isEqualTo("hooks--shop.preview.example.dev");
        assertThat(WebhookHost.of(" Webhooks-{app}.{domain} ", "shop", "preview.example.dev")).isEqualTo("webhooks-shop.preview.example.dev");
    }

    @Test
    void aTemplateThatMakesNoCertifiableHostOrNamesTheBranchIsRefused() {
        assertThatThrownBy(() -> WebhookHost.check("hooks_{app}.{domain}"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("webhookHostTemplate: 'hooks_{app}.{domain}' makes 'hooks_app.example.dev', which is not a host name "
                        + "a public certificate authority issues for; use letters, digits, hyphens and dots, e.g. hooks--{app}.{domain}");
        assertThatThrownBy(() -> WebhookHost.check("{app}"))
                .as("a single label is no public host").hasMessageContaining("makes 'app'");
        assertThatThrownBy(() -> WebhookHost.check("ho--{app}.{domain}"))
                .as("hyphens in the third and fourth place are reserved").hasMessageContaining("makes 'ho--app.example.dev'");
        assertThatThrownBy(() -> WebhookHost.check("{branch}--{app}.{domain}"))
                .hasMessageStartingWith("webhookHostTemplate: '{branch}--{app}.{domain}' has {branch}; a webhook host is one per app");
    }

    @Test
    void theWebhookUrlIsTheEnvironmentsPathOnTheHostHttpsThroughAGateway() {
        EnvironmentNames cart = naming.names(BranchRef.of("shop", "feature/cart"));
        Webhooks throughGateway = Webhooks.of("webhooks", "api:8080")
                .routedAs(Exposure.of("expose", "web").withRouteVia("route-via", "gateway:gateways/preview"));

        WebhookEndpoint endpoint = WebhookEndpoint.of(throughGateway, cart, "preview.example.dev");

        assertThat(endpoint.host()).isEqualTo("hooks--shop.preview.example.dev");
        assertThat(endpoint.prefix()).isEqualTo("/" + cart.environment());
        assertThat(endpoint.url()).isEqualTo("https://hooks--shop.preview.example.dev/" + cart.environment());
        assertThat(WebhookEndpoint.of(Webhooks.of("webhooks", "api:8080"), cart, "preview.example.dev").url())
                .as("an Ingress without a TLS secret").startsWith("http://");
    }
}
