package io.jenkins.plugins.branchdeploy.engine.request;

import io.jenkins.plugins.branchdeploy.engine.InvalidInputException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which Service the environment's host routes to, and how: an Ingress (of an ingress class, with
 * a TLS secret, both optional) or a Gateway API HTTPRoute attached to a Gateway.
 *
 * @param service the Service of the manifests, e.g. {@code frontend}
 * @param port one of its ports, by number or name; {@code null} when it has only one
 * @param ingressClass the Ingress's {@code ingressClassName}, or {@code null} for the cluster's default class
 * @param tlsSecret the Secret in the environment's namespace holding the host's certificate, or {@code null} for plain http
 * @param gateway the Gateway to attach an HTTPRoute to instead of an Ingress, or {@code null}
 */
public record Exposure(String service, String port, String ingressClass, String tlsSecret, Gateway gateway) {

    /** Name of the Ingress or HTTPRoute the exposure adds. */
    public static final String ROUTE_NAME = "branch-deploy";

    private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");
    private static final Pattern EXPOSE = Pattern.compile("([^:]+)(?::([^:]+))?");
    private static final Pattern ROUTE_VIA = Pattern.compile("gateway:([^/]+)/([^/]+)");

    /**
     * A Gateway of the cluster.
     *
     * @param namespace e.g. {@code gateways}
     * @param name e.g. {@code preview}
     */
    public record Gateway(String namespace, String name) {

        @Override
        public String toString() {
            return namespace + "/" + name;
        }
    }

    /**
     * Reads {@code SERVICE[:PORT]}.
     *
     * @param field the option or parameter the text came from, named in errors
     * @return {@code null} for blank text: nothing exposed
     */
    public static Exposure of(String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        Matcher matcher = EXPOSE.matcher(text.trim());
        if (!matcher.matches() || !DNS_LABEL.matcher(matcher.group(1)).matches()) {
            throw new InvalidInputException(field, "'" + text.trim() + "' is not SERVICE[:PORT]; name a Service of the manifests, "
                    + "e.g. frontend or frontend:80");
        }
        return new Exposure(matcher.group(1), matcher.group(2), null, null, null);
    }

    /**
     * This exposure routed through a Gateway: reads {@code gateway:NAMESPACE/NAME}; blank text keeps the Ingress.
     *
     * @param field the option or parameter the text came from, named in errors
     */
    public Exposure withRouteVia(String field, String text) {
        if (text == null || text.isBlank()) {
            return this;
        }
        Matcher matcher = ROUTE_VIA.matcher(text.trim());
        if (!matcher.matches() || !DNS_LABEL.matcher(matcher.group(1)).matches()) {
            throw new InvalidInputException(field, "'" + text.trim() + "' is not gateway:NAMESPACE/NAME; name the Gateway "
                    + "the HTTPRoute attaches to, e.g. gateway:gateways/preview");
        }
        return new Exposure(service, port, ingressClass, tlsSecret, new Gateway(matcher.group(1), matcher.group(2)));
    }

    /** This exposure with an ingress class; blank keeps the cluster's default. */
    public Exposure withIngressClass(String newIngressClass) {
        return new Exposure(service, port, blankToNull(newIngressClass), tlsSecret, gateway);
    }

    /** This exposure with the TLS secret of the host's certificate; blank for plain http. */
    public Exposure withTlsSecret(String newTlsSecret) {
        return new Exposure(service, port, ingressClass, blankToNull(newTlsSecret), gateway);
    }

    /** E.g. {@code frontend:80}. */
    @Override
    public String toString() {
        return service + (port == null ? "" : ":" + port);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}
