package io.jenkins.plugins.branchdeploy.engine.cluster;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.jenkins.plugins.branchdeploy.engine.ProgressListener;
import io.jenkins.plugins.branchdeploy.engine.branch.BranchRef;
import io.jenkins.plugins.branchdeploy.engine.request.Exposure;
import io.jenkins.plugins.branchdeploy.engine.request.Webhooks;
import io.jenkins.plugins.branchdeploy.engine.shaping.GatewayApi;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * An app's default webhook route: one HTTPRoute in the Gateway's namespace, named
 * {@code branch-deploy-webhooks-APP}, that sends the bare webhook host to one environment's webhook
 * Service (which that environment's ReferenceGrant allows). Moving it is one create or one update
 * carrying the resourceVersion read; a conflict (another process moved it first) reads it again, so
 * concurrent moves end with exactly one default, the last one's. Another installation's route of the
 * same name is never changed.
 */
final class WebhookDefault {

    /** The branch whose environment the default falls back to when its environment is torn down. */
    static final String FALLBACK_BRANCH = "main";

    /** Conflicts in a row before giving up: each one means another process moved the default meanwhile. */
    private static final int ATTEMPTS = 10;

    private final EnvironmentAccess access;

    WebhookDefault(EnvironmentAccess access) {
        this.access = access;
    }

    static String name(String app) {
        return Webhooks.ROUTE_NAME + "-" + app;
    }

    /**
     * An environment's webhook route, as its last deploy applied it: its HTTPRoute or its Ingress.
     *
     * @return {@code null} when the last deploy applied none (then without a request)
     */
    WebhookRoute route(Namespace environment, ProgressListener progress) {
        String namespace = environment.getMetadata().getName();
        Set<String> kinds = EnvironmentNamespace.applied(environment).stream().filter(r -> r.name().equals(Webhooks.ROUTE_NAME))
                .map(AppliedResource::kind).collect(Collectors.toSet());
        if (kinds.contains("HTTPRoute")) {
            GenericKubernetesResource route = access.api().call("read the webhook route of " + namespace, progress, () -> access.client()
                    .genericKubernetesResources(GatewayApi.API_VERSION, "HTTPRoute").inNamespace(namespace).withName(Webhooks.ROUTE_NAME).get());
            return route == null ? null : WebhookRoute.of(route);
        }
        if (kinds.contains("Ingress")) {
            Ingress ingress = access.api().call("read the webhook Ingress of " + namespace, progress, () -> access.client()
                    .network().v1().ingresses().inNamespace(namespace).withName(Webhooks.ROUTE_NAME).get());
            return ingress == null ? null : WebhookRoute.of(ingress);
        }
        return null;
    }

    /**
     * The app's default route on {@code gateway}'s namespace.
     *
     * @return {@code null} when there is none
     * @throws ForeignRouteException when a route of its name is not this installation's
     */
    GenericKubernetesResource read(String app, Exposure.Gateway gateway, ProgressListener progress) {
        GenericKubernetesResource live = access.api().call("read the default webhook route of " + app, progress, () -> access.client()
                .genericKubernetesResources(GatewayApi.API_VERSION, "HTTPRoute").inNamespace(gateway.namespace()).withName(name(app)).get());
        Map<String, String> labels = live == null ? null : live.getMetadata().getLabels();
        if (live != null && (labels == null || !ClusterContract.MANAGED_BY_VALUE.equals(labels.get(ClusterContract.MANAGED_BY))
                || !access.installation().equals(labels.get(ClusterContract.INSTALLATION)))) {
            throw new ForeignRouteException(gateway.namespace(), name(app), access.installation());
        }
        return live;
    }

    /** The namespace whose environment the default route sends to. */
    static String target(GenericKubernetesResource defaultRoute) {
        Object spec = defaultRoute.getAdditionalProperties().get("spec");
        Object rules = spec instanceof Map<?, ?> map ? map.get("rules") : null;
        Object rule = rules instanceof List<?> list && !list.isEmpty() ? list.get(0) : null;
        Object backends = rule instanceof Map<?, ?> map ? map.get("backendRefs") : null;
        Object backend = backends instanceof List<?> list && !list.isEmpty() ? list.get(0) : null;
        return backend instanceof Map<?, ?> map && map.get("namespace") != null ? map.get("namespace").toString() : null;
    }

    /** Points the app's default route at {@code to}'s environment. */
    void moveTo(String app, String environment, WebhookRoute to, ProgressListener progress) {
        for (int attempt = 1;; attempt++) {
            GenericKubernetesResource live = read(app, to.gateway(), progress);
            if (write(live, desired(app, environment, to), attempt, progress)) {
                return;
            }
        }
    }

    /**
     * Before {@code leaving}'s namespace is deleted, or a redeploy without webhooks prunes its webhook
     * route (so {@code leaving} is the namespace as read before that deploy): a default route sending to it falls back to the
     * app's {@value #FALLBACK_BRANCH} environment when that has webhooks through the same Gateway, else
     * it is deleted. A default route elsewhere, or another installation's, is left alone; an
     * environment whose last deploy applied no webhook HTTPRoute costs no request. When the API server
     * refuses, the teardown is warned and goes on.
     */
    void leaving(Namespace leaving, ProgressListener progress) {
        String namespace = leaving.getMetadata().getName();
        Map<String, String> labels = leaving.getMetadata().getLabels();
        String app = labels == null ? null : labels.get(ClusterContract.APP);
        if (app == null) {
            return;
        }
        try {
            WebhookRoute own = route(leaving, progress);
            if (own != null && own.gateway() != null) {
                fallBack(app, namespace, own.gateway(), progress);
            }
        } catch (ClusterApiException e) {
            // the teardown goes on: a default route left behind answers with an error, a namespace left behind costs more
            progress.warn("Could not move the default webhook route of " + app + " away from " + namespace + " (" + e.getMessage()
                    + "); if it sends to " + namespace + ", send it elsewhere with webhooks route");
        }
    }

    private void fallBack(String app, String namespace, Exposure.Gateway gateway, ProgressListener progress) {
        for (int attempt = 1;; attempt++) {
            GenericKubernetesResource live;
            try {
                live = read(app, gateway, progress);
            } catch (ForeignRouteException e) {
                return;
            }
            if (live == null || !namespace.equals(target(live))) {
                return;
            }
            Fallback fallback = fallback(app, namespace, gateway, progress);
            GenericKubernetesResource next = fallback == null ? null : desired(app, fallback.environment(), fallback.route());
            if (write(live, next, attempt, progress)) {
                progress.info(fallback == null ? "Removed the default webhook route of " + app + ", which went to " + namespace
                        : "The default webhook route of " + app + " falls back to " + fallback.route().namespace());
                return;
            }
        }
    }

    private record Fallback(String environment, WebhookRoute route) {}

    private Fallback fallback(String app, String leaving, Exposure.Gateway gateway, ProgressListener progress) {
        String namespace = access.naming().names(BranchRef.of(app, FALLBACK_BRANCH)).namespace();
        if (namespace.equals(leaving)) {
            return null;
        }
        Namespace main = access.api().call("read namespace " + namespace, progress, () -> access.client().namespaces().withName(namespace).get());
        if (main == null || !EnvironmentNamespace.isOwnedBy(main, access.installation()) || EnvironmentNamespace.isTerminating(main)) {
            return null;
        }
        WebhookRoute route = route(main, progress);
        return route == null || !gateway.equals(route.gateway()) ? null
                : new Fallback(main.getMetadata().getLabels().get(ClusterContract.ENVIRONMENT), route);
    }

    /**
     * Creates, updates (carrying the resourceVersion of {@code live}) or deletes ({@code wanted} null) the default route.
     *
     * @return {@code false} when another process changed it first: read it again
     */
    private boolean write(GenericKubernetesResource live, GenericKubernetesResource wanted, int attempt, ProgressListener progress) {
        try {
            access.api().run("write the default webhook route", progress, () -> {
                var routes = access.client().genericKubernetesResources(GatewayApi.API_VERSION, "HTTPRoute");
                if (wanted == null) {
                    routes.inNamespace(live.getMetadata().getNamespace()).resource(live)
                            .lockResourceVersion(live.getMetadata().getResourceVersion()).delete();
                } else if (live == null) {
                    routes.inNamespace(wanted.getMetadata().getNamespace()).resource(wanted).create();
                } else {
                    wanted.getMetadata().setResourceVersion(live.getMetadata().getResourceVersion());
                    routes.inNamespace(wanted.getMetadata().getNamespace()).resource(wanted).update();
                }
            });
            return true;
        } catch (ClusterApiException e) {
            if ((e.getCode() == 409 || e.getCode() == 404) && attempt < ATTEMPTS) {
                return false;
            }
            throw e;
        }
    }

    private GenericKubernetesResource desired(String app, String environment, WebhookRoute to) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put(ClusterContract.MANAGED_BY, ClusterContract.MANAGED_BY_VALUE);
        labels.put(ClusterContract.INSTALLATION, access.installation());
        labels.put(ClusterContract.APP, app);
        labels.put(ClusterContract.ENVIRONMENT, environment);
        Map<String, Object> backend = new LinkedHashMap<>();
        backend.put("name", to.service());
        backend.put("namespace", to.namespace());
        backend.put("port", to.port());
        GenericKubernetesResource route = GatewayApi.httpRoute(name(app), labels, to.gateway(), to.host(),
                List.of(Map.of("matches", List.of(Map.of("path", Map.of("type", "PathPrefix", "value", "/"))),
                        "backendRefs", List.of(backend))));
        route.getMetadata().setNamespace(to.gateway().namespace());
        return route;
    }
}
