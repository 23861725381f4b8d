package io.jenkins.plugins.branchdeploy.engine.cluster;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.jenkins.plugins.branchdeploy.engine.request.Exposure;
import java.util.List;
import java.util.Map;

/**
 * One environment's webhook route as it is live in its namespace.
 *
 * @param namespace the environment's namespace
 * @param host the app's webhook host
 * @param url the environment's webhook base URL, e.g. {@code https://hooks--shop.example.dev/feature-cart}
 * @param service the Service that gets the webhooks
 * @param port its port
 * @param gateway the Gateway the route is attached to, or {@code null} for an Ingress
 */
public record WebhookRoute(String namespace, String host, String url, String service, int port, Exposure.Gateway gateway) {

    /** E.g. {@code api:8080}. */
    public String target() {
        return service + ":" + port;
    }

    /** Reads an HTTPRoute that webhooks added; {@code null} when it is not shaped as they write it. */
    static WebhookRoute of(GenericKubernetesResource route) {
        Map<String, Object> spec = map(route.getAdditionalProperties().get("spec"));
        Map<String, Object> parent = first(spec.get("parentRefs"));
        Map<String, Object> rule = first(spec.get("rules"));
        Map<String, Object> backend = first(rule.get("backendRefs"));
        Map<String, Object> path = map(first(rule.get("matches")).get("path"));
        Object host = first(spec.get("hostnames"), Object.class);
        if (host == null || !(backend.get("port") instanceof Number port) || parent.get("name") == null) {
            return null;
        }
        String namespace = route.getMetadata().getNamespace();
        Object gatewayNamespace = parent.getOrDefault("namespace", namespace);
        return new WebhookRoute(namespace, host.toString(), "https://" + host + path.getOrDefault("value", "/"),
                String.valueOf(backend.get("name")), port.intValue(), new Exposure.Gateway(gatewayNamespace.toString(),
                        parent.get("name").toString()));
    }

    /** Reads an Ingress that webhooks added; {@code null} when it is not shaped as they write it. */
    static WebhookRoute of(Ingress ingress) {
        var rules = ingress.getSpec() == null ? null : ingress.getSpec().getRules();
        if (rules == null || rules.isEmpty() || rules.get(0).getHttp() == null || rules.get(0).getHttp().getPaths().isEmpty()) {
            return null;
        }
        var rule = rules.get(0);
        var path = rule.getHttp().getPaths().get(0);
        var service = path.getBackend().getService();
        if (service == null || service.getPort() == null || service.getPort().getNumber() == null) {
            return null;
        }
        boolean tls = ingress.getSpec().getTls() != null && !ingress.getSpec().getTls().isEmpty();
        // an ingress-nginx regular expression path: the prefix is the part before its groups
        String prefix = path.getPath().replace("(/|$)(.*)", "");
        return new WebhookRoute(ingress.getMetadata().getNamespace(), rule.getHost(), (tls ? "https://" : "http://")
                + rule.getHost() + prefix, service.getName(), service.getPort().getNumber(), null);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }

    private static Map<String, Object> first(Object list) {
        return map(first(list, Object.class));
    }

    private static <T> T first(Object list, Class<T> type) {
        return list instanceof List<?> items && !items.isEmpty() && type.isInstance(items.get(0)) ? type.cast(items.get(0)) : null;
    }
}
