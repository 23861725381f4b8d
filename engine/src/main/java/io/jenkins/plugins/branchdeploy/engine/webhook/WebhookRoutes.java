package io.jenkins.plugins.branchdeploy.engine.webhook;

import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.networking.v1.IngressBuilder;
import io.jenkins.plugins.branchdeploy.engine.InvalidInputException;
import io.jenkins.plugins.branchdeploy.engine.manifest.RenderedManifest;
import io.jenkins.plugins.branchdeploy.engine.naming.EnvironmentNames;
import io.jenkins.plugins.branchdeploy.engine.request.Exposure;
import io.jenkins.plugins.branchdeploy.engine.request.Webhooks;
import io.jenkins.plugins.branchdeploy.engine.shaping.GatewayApi;
import io.jenkins.plugins.branchdeploy.engine.shaping.ServicePorts;
import io.jenkins.plugins.branchdeploy.engine.shaping.ShapedManifests;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The objects that route an environment's webhooks, added to its manifests so that they are applied,
 * pruned, owned and deleted with the environment like everything else: through a Gateway, an
 * HTTPRoute matching the environment's prefix on the app's webhook host whose URLRewrite filter
 * replaces the prefix with {@code /}, and a ReferenceGrant that lets the app's default route (in the
 * Gateway's namespace) reach the Service; else an Ingress for the prefix with the controller's rewrite
 * annotations. The body is not touched, so providers' signatures of the raw body hold.
 */
public final class WebhookRoutes {

    public static final String REFERENCE_GRANT_API_VERSION = GatewayApi.GROUP + "/v1beta1";
    /** With this ingress-nginx annotation set to {@code true}, the Ingress's path is a regular expression whose second group is the rest. */
    static final String NGINX_USE_REGEX = "nginx.ingress.kubernetes.io/use-regex";

    private WebhookRoutes() {}

    /**
     * The manifests with the webhook routes added.
     *
     * @param domain the domain of hosts
     * @param labels the labels of what the deploy adds itself
     * @throws InvalidInputException (field {@code webhooks}) when the manifests have no such Service or port, or
     *     already have an object of the routes' name; (field {@value WebhookHost#FIELD}) for a bad host template
     */
    public static ShapedManifests add(ShapedManifests shaped, Webhooks webhooks, EnvironmentNames names, String domain,
            Map<String, String> labels) {
        WebhookEndpoint endpoint = WebhookEndpoint.of(webhooks, names, domain);
        Exposure target = webhooks.target();
        int port = ServicePorts.of("webhooks", "send them to", target, shaped.manifests());
        shaped.manifests().stream().filter(m -> m.name().equals(Webhooks.ROUTE_NAME)).findFirst().ifPresent(m -> {
            throw new InvalidInputException("webhooks", m.describe() + " has the name of the route webhooks add; rename it");
        });
        List<HasMetadata> routes = target.gateway() != null
                ? List.of(httpRoute(target, port, endpoint, labels), referenceGrant(target, labels))
                : List.of(ingress(webhooks, port, endpoint, names.namespace(), labels));
        List<RenderedManifest> manifests = new ArrayList<>(shaped.manifests());
        for (HasMetadata route : routes) {
            route.getMetadata().setNamespace(names.namespace());
            manifests.add(new RenderedManifest(route, "webhooks " + target));
        }
        List<String> adjustments = new ArrayList<>(shaped.adjustments());
        adjustments.add("Webhooks: " + endpoint.url() + "/... reaches Service " + target + " as /..."
                + (target.gateway() == null ? " through an Ingress" : " through Gateway " + target.gateway()));
        return new ShapedManifests(manifests, shaped.quota(), shaped.url(), adjustments, shaped.warnings(), shaped.manifestsDigest());
    }

    private static HasMetadata httpRoute(Exposure target, int port, WebhookEndpoint endpoint, Map<String, String> labels) {
        Map<String, Object> rule = new LinkedHashMap<>();
        rule.put("matches", List.of(Map.of("path", Map.of("type", "PathPrefix", "value", endpoint.prefix()))));
        rule.put("filters", List.of(Map.of("type", "URLRewrite",
                "urlRewrite", Map.of("path", Map.of("type", "ReplacePrefixMatch", "replacePrefixMatch", "/")))));
        rule.put("backendRefs", List.of(Map.of("name", target.service(), "port", port)));
        return GatewayApi.httpRoute(Webhooks.ROUTE_NAME, labels, target.gateway(), endpoint.host(), List.of(rule));
    }

    /** Lets HTTPRoutes of the Gateway's namespace (the app's default route) reach the webhook Service. */
    private static HasMetadata referenceGrant(Exposure target, Map<String, String> labels) {
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("from", List.of(Map.of("group", GatewayApi.GROUP, "kind", "HTTPRoute", "namespace", target.gateway().namespace())));
        spec.put("to", List.of(Map.of("group", "", "kind", "Service", "name", target.service())));
        return new GenericKubernetesResourceBuilder().withApiVersion(REFERENCE_GRANT_API_VERSION).withKind("ReferenceGrant")
                .withNewMetadata().withName(Webhooks.ROUTE_NAME).withLabels(labels).endMetadata()
                .withAdditionalProperties(new LinkedHashMap<>(Map.of("spec", spec))).build();
    }

    private static HasMetadata ingress(Webhooks webhooks, int port, WebhookEndpoint endpoint, String namespace,
            Map<String, String> labels) {
        Map<String, String> annotations = new LinkedHashMap<>();
        webhooks.ingressAnnotations().forEach((key, value) -> annotations.put(key,
                value.replace("{prefix}", endpoint.prefix()).replace("{namespace}", namespace)));
        boolean regex = "true".equals(annotations.get(NGINX_USE_REGEX));
        Exposure target = webhooks.target();
        IngressBuilder ingress = new IngressBuilder().withNewMetadata().withName(Webhooks.ROUTE_NAME).withLabels(labels)
                .withAnnotations(annotations).endMetadata()
                .withNewSpec().withIngressClassName(target.ingressClass())
                .addNewRule().withHost(endpoint.host()).withNewHttp().addNewPath()
                .withPath(regex ? endpoint.prefix() + "(/|$)(.*)" : endpoint.prefix())
                .withPathType(regex ? "ImplementationSpecific" : "Prefix")
                .withNewBackend().withNewService().withName(target.service()).withNewPort().withNumber(port).endPort()
                .endService().endBackend().endPath().endHttp().endRule().endSpec();
        if (target.tlsSecret() != null) {
            ingress.editSpec().addNewTl().withHosts(endpoint.host()).withSecretName(target.tlsSecret()).endTl().endSpec();
        }
        return ingress.build();
    }
}
