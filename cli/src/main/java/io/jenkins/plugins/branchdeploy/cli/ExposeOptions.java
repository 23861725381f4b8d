package io.jenkins.plugins.branchdeploy.cli;

import io.jenkins.plugins.branchdeploy.engine.InvalidInputException;
import picocli.CommandLine.Option;

/** How the environment's host reaches the app: {@code --expose} with an Ingress or {@code --route-via} a Gateway. */
class ExposeOptions {

    @Option(names = "--expose", paramLabel = "SERVICE[:PORT]", description = "Add an Ingress for the environment's host to "
            + "this Service of the manifests (PORT: one of its ports, by number or name; needed when it has several).")
    String expose;

    @Option(names = "--route-via", paramLabel = "gateway:NAMESPACE/NAME", description = "With --expose: add a Gateway API "
            + "HTTPRoute attached to this Gateway instead of an Ingress.")
    String routeVia;

    @Option(names = "--ingress-class", paramLabel = "CLASS", description = "With --expose: the Ingress's class, e.g. nginx "
            + "(default: the cluster's default class).")
    String ingressClass;

    @Option(names = "--tls-secret", paramLabel = "SECRET", description = "With --expose: the Secret in the environment's "
            + "namespace with the host's certificate; the URL is https (default: none, http).")
    String tlsSecret;

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
        if (value != null && expose == null) {
            throw new InvalidInputException(field, "applies to the Ingress that --expose adds; add --expose SERVICE[:PORT]");
        }
        if (value != null && routeVia != null) {
            throw new InvalidInputException(field, "applies to the Ingress that --expose adds, and --route-via adds an "
                    + "HTTPRoute instead (its Gateway terminates TLS); drop one of them");
        }
        return value;
    }
}
