package io.jenkins.plugins.branchdeploy.engine.cluster;

import java.util.List;

/**
 * Where an app's webhooks go.
 *
 * @param app the app slug
 * @param host the app's webhook host, or {@code null} when no environment has webhooks
 * @param routes each environment with webhooks, by namespace
 * @param defaultRoute the environment the bare host goes to, or {@code null} when there is no default route
 */
public record WebhookListing(String app, String host, List<Entry> routes, Entry defaultRoute) {

    public WebhookListing {
        routes = List.copyOf(routes);
    }

    /**
     * @param environment the environment as its namespace records it
     * @param route its webhook route
     */
    public record Entry(Environment environment, WebhookRoute route) {}
}
