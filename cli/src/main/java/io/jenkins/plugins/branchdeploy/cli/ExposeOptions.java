package io.jenkins.plugins.branchdeploy.cli;

import io.jenkins.plugins.branchdeploy.engine.InvalidInputException;
import io.jenkins.plugins.branchdeploy.engine.request.Webhooks;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * How the environment's host reaches the app, {@code --expose}, and the app's webhook host reaches it,
 * {@code --webhooks}: with an Ingress, or {@code --route-via} a Gateway.
 */
class ExposeOptions {

    @Option(names = "--expose", paramLabel = "SERVICE[:PORT]", description = "Add an Ingress for the environment's host to "
            + "this Service of the manifests (PORT: one of its ports, by number or name; needed when it has several).")
    String expose;

    @Option(names = "--route-via", paramLabel = "gateway:NAMESPACE/NAME", description = "With --expose or --webhooks: add "
            + "Gateway API HTTPRoutes attached to this Gateway instead of Ingresses.")
    String routeVia;

    @Option(names = "--ingress-class", paramLabel = "CLASS", description = "With --expose or --webhooks: the Ingress's class, "
            + "e.g. nginx (default: the cluster's default class).")
    String ingressClass;

    @Option(names = "--tls-secret", paramLabel = "SECRET", description = "With --expose or --webhooks: the Secret in the "
            + "environment's namespace with the host's certificate; the URL is https (default: none, http).")
    String tlsSecret;

    @Option(names = "--webhooks", paramLabel = "SERVICE[:PORT]", description = "Send the environment's webhooks, "
            + "https://WEBHOOK-HOST/ENVIRONMENT/..., to this Service of the manifests as /...; the manifests read the "
            + "base URL as ${WEBHOOK_URL}.")
    String webhooks;

    @Option(names = "--webhook-host-template", paramLabel = "PATTERN", description = "The app's webhook host with {app} and "
            + "{domain} (default: " + Webhooks.DEFAULT_HOST_TEMPLATE + ").")
    String webhookHostTemplate;

    @Option(names = "--webhook-ingress-annotation", paramLabel = "KEY=VALUE", description = "With --webhooks through an "
            + "Ingress: an annotation that makes its controller remove the prefix ({prefix}: the environment's path); "
            + "repeatable. See docs/webhooks.md for ingress-nginx and Traefik.")
    List<String> webhookIngressAnnotations = List.of();

    @Option(names = "--keep-load-balancers", description = "Keep LoadBalancer Services as they are (default: they become ClusterIP).")
    boolean keepLoadBalancers;

    /** The ingress class, refused where no Ingress is added. */
    String ingressClass() {
        return refuseWithoutIngress("ingress-class", ingressClass);
    }

    /** The TLS secret, refused where no Ingress is added. */
    String tlsSecret() {
        return refuseWithoutIngress("tls-secret", tlsSecret);
    }

    private String refuseWithoutIngress(String field, String value) {
        if (value != null && expose == null && webhooks == null) {
            throw new InvalidInputException(field, "applies to the Ingress that --expose or --webhooks adds; add --expose SERVICE[:PORT]");
        }
        if (value != null && routeVia != null) {
            throw new InvalidInputException(field, "applies to the Ingress that --expose or --webhooks adds, and --route-via adds an "
                    + "HTTPRoute instead (its Gateway terminates TLS); drop one of them");
        }
        return value;
    }
}
