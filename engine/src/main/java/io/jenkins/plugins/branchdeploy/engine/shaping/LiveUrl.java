package io.jenkins.plugins.branchdeploy.engine.shaping;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.IngressTLS;
import io.jenkins.plugins.branchdeploy.engine.naming.EnvironmentNames;
import io.jenkins.plugins.branchdeploy.engine.request.Webhooks;
import java.util.ArrayList;
import java.util.List;

/**
 * The URL an environment is reached at, only when something routes to it: the host of an Ingress
 * rule or an HTTPRoute (preferring the environment's own host; a rule without a host serves every
 * host, so the environment's too), {@code https} when the Ingress has TLS for it and always for an
 * HTTPRoute (its Gateway terminates TLS). Nothing routing means no URL. The webhook routes
 * ({@link Webhooks#ROUTE_NAME}) serve the app's webhook host, not the environment.
 */
public final class LiveUrl {

    private LiveUrl() {}

    /** @return the URL, or {@code null} when no Ingress or HTTPRoute of {@code objects} routes anywhere */
    public static String of(List<? extends HasMetadata> objects, EnvironmentNames names) {
        String url = null;
        for (HasMetadata object : objects) {
            if (Webhooks.ROUTE_NAME.equals(object.getMetadata().getName())) {
                continue;
            }
            for (String candidate : urls(object, names)) {
                if (url == null || candidate.endsWith("://" + names.host()) && !url.endsWith("://" + names.host())) {
                    url = candidate;
                }
            }
        }
        return url;
    }

    private static List<String> urls(HasMetadata object, EnvironmentNames names) {
        List<String> urls = new ArrayList<>();
        if (object instanceof Ingress ingress && ingress.getSpec() != null && ingress.getSpec().getRules() != null) {
            for (IngressRule rule : ingress.getSpec().getRules()) {
                String host = rule.getHost() == null ? names.host() : rule.getHost();
                urls.add((hasTls(ingress, host) ? "https://" : "http://") + host);
            }
        } else if (object instanceof GenericKubernetesResource route && "HTTPRoute".equals(route.getKind())
                && route.getApiVersion() != null && route.getApiVersion().startsWith("gateway.networking.k8s.io/")) {
            Object spec = route.getAdditionalProperties().get("spec");
            Object hostnames = spec instanceof java.util.Map<?, ?> map ? map.get("hostnames") : null;
            if (hostnames instanceof List<?> list && !list.isEmpty()) {
                list.forEach(host -> urls.add("https://" + host));
            } else {
                urls.add("https://" + names.host());
            }
        }
        return urls;
    }

    private static boolean hasTls(Ingress ingress, String host) {
        List<IngressTLS> tls = ingress.getSpec().getTls();
        if (tls == null) {
            return false;
        }
        return tls.stream().anyMatch(t -> t.getHosts() == null || t.getHosts().isEmpty() || t.getHosts().contains(host));
    }
}
