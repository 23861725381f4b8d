package io.jenkins.plugins.branchdeploy.engine.request;

import io.jenkins.plugins.branchdeploy.engine.InvalidInputException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Webhooks of third-party services (Stripe, Twilio, GitHub) for one environment: the app's stable
 * webhook host sends {@code /ENVIRONMENT/...} to a Service of the manifests, the prefix removed.
 *
 * @param target the Service and port that receive the webhooks, and how they are routed: through
 *     its Gateway (an HTTPRoute), else through an Ingress of its ingress class
 * @param hostTemplate the webhook host of an app, with {@code {app}} and {@code {domain}}
 * @param ingressAnnotations the annotations an Ingress controller needs to remove the prefix (with
 *     {@code {prefix}} for the environment's path, e.g. {@code /feature-cart}); unused through a Gateway
 */
public record Webhooks(Exposure target, String hostTemplate, Map<String, String> ingressAnnotations) {

    /** The app's webhook host unless configured: one per app, so that a wildcard certificate of the domain covers it. */
    public static final String DEFAULT_HOST_TEMPLATE = "hooks--{app}.{domain}";

    /** The name of the webhook routes (HTTPRoute and ReferenceGrant, or Ingress) in the environment's namespace. */
    public static final String ROUTE_NAME = "branch-deploy-webhooks";

    public Webhooks {
        Objects.requireNonNull(target, "target");
        hostTemplate = hostTemplate == null || hostTemplate.isBlank() ? DEFAULT_HOST_TEMPLATE : hostTemplate.trim();
        ingressAnnotations = ingressAnnotations == null ? Map.of() : Map.copyOf(ingressAnnotations);
    }

    /**
     * Reads {@code SERVICE[:PORT]} as {@link Exposure#of} does.
     *
     * @return {@code null} for blank text: no webhooks
     */
    public static Webhooks of(String field, String text) {
        Exposure target = Exposure.of(field, text);
        return target == null ? null : new Webhooks(target, null, null);
    }

    /** These webhooks routed as {@code routing} is: through its Gateway, or an Ingress of its class with its TLS secret. */
    public Webhooks routedAs(Exposure routing) {
        return new Webhooks(new Exposure(target.service(), target.port(), routing.ingressClass(), routing.tlsSecret(),
                routing.gateway()), hostTemplate, ingressAnnotations);
    }

    /** These webhooks on the host of {@code template}; blank keeps {@value #DEFAULT_HOST_TEMPLATE}. */
    public Webhooks withHostTemplate(String template) {
        return new Webhooks(target, template, ingressAnnotations);
    }

    /**
     * These webhooks with the Ingress annotations that remove the prefix.
     *
     * @param field the option or setting the lines came from, named in errors
     * @param lines {@code KEY=VALUE} each
     */
    public Webhooks withIngressAnnotations(String field, List<String> lines) {
        Map<String, String> annotations = new LinkedHashMap<>();
        for (String line : lines == null ? List.<String>of() : lines) {
            if (line == null || line.isBlank()) {
                continue;
            }
            int equals = line.indexOf('=');
            if (equals <= 0) {
                throw new InvalidInputException(field, "'" + line.trim() + "' is not KEY=VALUE; e.g. "
                        + "nginx.ingress.kubernetes.io/rewrite-target=/$2");
            }
            annotations.put(line.substring(0, equals).trim(), line.substring(equals + 1).trim());
        }
        return new Webhooks(target, hostTemplate, annotations);
    }
}
