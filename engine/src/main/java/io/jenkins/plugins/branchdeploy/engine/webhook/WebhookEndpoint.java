package io.jenkins.plugins.branchdeploy.engine.webhook;

import io.jenkins.plugins.branchdeploy.engine.naming.EnvironmentNames;
import io.jenkins.plugins.branchdeploy.engine.request.Webhooks;

/**
 * Where one environment's webhooks arrive: {@code https://HOST/ENVIRONMENT}; the environment's Service
 * gets what follows, from {@code /} on.
 *
 * @param host the app's webhook host, e.g. {@code hooks--shop.preview.example.dev}
 * @param prefix the environment's path on it, e.g. {@code /feature-cart}
 * @param url the environment's webhook base URL, what {@code ${WEBHOOK_URL}} is, e.g.
 *     {@code https://hooks--shop.preview.example.dev/feature-cart}
 */
public record WebhookEndpoint(String host, String prefix, String url) {

    /**
     * @param domain the domain of hosts
     * @throws io.jenkins.plugins.branchdeploy.engine.InvalidInputException when the host template makes no host name
     */
    public static WebhookEndpoint of(Webhooks webhooks, EnvironmentNames names, String domain) {
        String host = WebhookHost.of(webhooks.hostTemplate(), names.app(), domain);
        String prefix = "/" + names.environment();
        // a Gateway's listener serves https, an Ingress only with a certificate
        boolean https = webhooks.target().gateway() != null || webhooks.target().tlsSecret() != null;
        return new WebhookEndpoint(host, prefix, (https ? "https://" : "http://") + host + prefix);
    }
}
