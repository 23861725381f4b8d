package io.jenkins.plugins.branchdeploy.engine.cluster;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.IngressTLS;
import io.jenkins.plugins.branchdeploy.engine.naming.EnvironmentNames;
import java.util.List;
import java.util.Objects;

/**
 * The URL an environment is reached at: the host of its Ingress (preferring the environment's own
 * host), {@code https} when the Ingress has TLS for it; without an Ingress, the host template's URL.
 */
final class LiveUrl {

    private LiveUrl() {}

    static String of(List<HasMetadata> applied, EnvironmentNames names) {
        List<Ingress> ingresses = applied.stream().filter(Ingress.class::isInstance).map(Ingress.class::cast).toList();
        Ingress chosen = null;
        String host = null;
        for (Ingress ingress : ingresses) {
            for (String candidate : hosts(ingress)) {
                if (host == null || candidate.equals(names.host()) && !host.equals(names.host())) {
                    chosen = ingress;
                    host = candidate;
                }
            }
        }
        if (host == null) {
            return names.url();
        }
        return (hasTls(chosen, host) ? "https://" : "http://") + host;
    }

    private static List<String> hosts(Ingress ingress) {
        if (ingress.getSpec() == null || ingress.getSpec().getRules() == null) {
            return List.of();
        }
        return ingress.getSpec().getRules().stream().map(IngressRule::getHost).filter(Objects::nonNull).toList();
    }

    private static boolean hasTls(Ingress ingress, String host) {
        List<IngressTLS> tls = ingress.getSpec().getTls();
        if (tls == null) {
            return false;
        }
        return tls.stream().anyMatch(t -> t.getHosts() == null || t.getHosts().isEmpty() || t.getHosts().contains(host));
    }
}
