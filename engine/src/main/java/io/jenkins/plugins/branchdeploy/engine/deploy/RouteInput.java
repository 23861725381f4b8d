package io.jenkins.plugins.branchdeploy.engine.deploy;

import io.jenkins.plugins.branchdeploy.engine.InvalidInputException;
import io.jenkins.plugins.branchdeploy.engine.request.Exposure;
import io.jenkins.plugins.branchdeploy.engine.request.Webhooks;

/**
 * What a user typed for how the routes a deploy adds reach the cluster's entry point, shared by the
 * exposure and the webhooks: a Gateway ({@code routeVia}), else Ingresses of a class with a TLS secret.
 */
public final class RouteInput {

    static final RouteInput NONE = new RouteInput(null, null, null);

    private final String routeVia;
    /** Only the routing: the Gateway, or the Ingress's class and TLS secret. */
    private final Exposure routing;

    /**
     * @param routeVia {@code gateway:NAMESPACE/NAME} for HTTPRoutes instead of Ingresses, or blank
     * @param ingressClass the Ingress's class (the configuration's, or the flag's), or blank for the cluster's default
     * @param tlsSecret the Secret with the host's certificate, or blank for plain http
     * @throws InvalidInputException when {@code routeVia} is not {@code gateway:NAMESPACE/NAME}
     */
    RouteInput(String routeVia, String ingressClass, String tlsSecret) {
        this.routeVia = routeVia;
        this.routing = new Exposure("routing", null, null, null, null).withRouteVia("route-via", routeVia)
                .withIngressClass(ingressClass).withTlsSecret(tlsSecret);
    }

    /**
     * @param service {@code SERVICE[:PORT]}, or blank to expose nothing
     * @return {@code null} when nothing is exposed
     */
    Exposure exposure(String service) {
        Exposure exposure = Exposure.of("expose", service);
        return exposure == null ? null : new Exposure(exposure.service(), exposure.port(), routing.ingressClass(),
                routing.tlsSecret(), routing.gateway());
    }

    /** @return {@code null} for no webhooks */
    Webhooks webhooks(Webhooks webhooks) {
        return webhooks == null ? null : webhooks.routedAs(routing);
    }

    /** As {@link #checkRouteVia}, for what this input routes. */
    void check(Exposure exposure, Webhooks webhooks) {
        checkRouteVia(routeVia, exposure == null ? null : exposure.toString(), webhooks == null ? null : webhooks.target().toString());
    }

    /**
     * Checks that a Gateway named for the routes has a route to carry: an exposure, or webhooks.
     *
     * @param routeVia {@code gateway:NAMESPACE/NAME}, or blank
     * @param expose {@code SERVICE[:PORT]}, or blank
     * @param webhooks {@code SERVICE[:PORT]}, or blank
     * @throws InvalidInputException (field {@code route-via}) when the Gateway is named alone, or not as {@code gateway:NAMESPACE/NAME}
     */
    public static void checkRouteVia(String routeVia, String expose, String webhooks) {
        new RouteInput(routeVia, null, null);
        if (given(routeVia) && !given(expose) && !given(webhooks)) {
            throw new InvalidInputException("route-via", "applies to the Service that expose or webhooks routes to; "
                    + "add expose SERVICE[:PORT] (--expose, Pipeline: expose) or webhooks (--webhooks, Pipeline: webhooks)");
        }
    }

    private static boolean given(String text) {
        return text != null && !text.isBlank();
    }
}
