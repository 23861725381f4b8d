package io.jenkins.plugins.branchdeploy.engine.shaping;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.networking.v1.IngressBuilder;
import io.jenkins.plugins.branchdeploy.engine.InvalidInputException;
import io.jenkins.plugins.branchdeploy.engine.manifest.RenderedManifest;
import io.jenkins.plugins.branchdeploy.engine.request.Exposure;
import io.jenkins.plugins.branchdeploy.engine.naming.EnvironmentNames;
import java.util.List;
import java.util.Map;

/**
 * The Ingress or HTTPRoute an {@link Exposure} adds: the environment's host, every path, to the
 * exposed Service's port.
 */
final class ExposedRoute {

    private ExposedRoute() {}

    /**
     * @param labels the labels of what the deploy adds, e.g. {@code app.kubernetes.io/managed-by}
     * @throws InvalidInputException (field {@code expose}) when the manifests have no such Service or port,
     *     or already have an object of the route's name
     */
    static RenderedManifest of(Exposure exposure, List<RenderedManifest> manifests, EnvironmentNames names,
            Map<String, String> labels) {
        int port = ServicePorts.of("expose", "expose", exposure, manifests);
        String kind = exposure.gateway() == null ? "Ingress" : "HTTPRoute";
        manifests.stream().filter(m -> m.kind().equals(kind) && m.name().equals(Exposure.ROUTE_NAME)).findFirst()
                .ifPresent(m -> {
                    throw new InvalidInputException("expose", m.describe() + " has the name of the " + kind
                            + " that expose adds; rename it, or drop expose and route with it");
                });
        HasMetadata route = exposure.gateway() == null ? ingress(exposure, port, names, labels)
                : httpRoute(exposure, port, names, labels);
        route.getMetadata().setNamespace(names.namespace());
        return new RenderedManifest(route, "expose " + exposure);
    }

    private static HasMetadata ingress(Exposure exposure, int port, EnvironmentNames names, Map<String, String> labels) {
        IngressBuilder ingress = new IngressBuilder().withNewMetadata().withName(Exposure.ROUTE_NAME).withLabels(labels).endMetadata()
                .withNewSpec().withIngressClassName(exposure.ingressClass())
                .addNewRule().withHost(names.host()).withNewHttp().addNewPath().withPath("/").withPathType("Prefix")
                .withNewBackend().withNewService().withName(exposure.service()).withNewPort().withNumber(port).endPort()
                .endService().endBackend().endPath().endHttp().endRule().endSpec();
        if (exposure.tlsSecret() != null) {
            ingress.editSpec().addNewTl().withHosts(names.host()).withSecretName(exposure.tlsSecret()).endTl().endSpec();
        }
        return ingress.build();
    }

    private static GenericKubernetesResource httpRoute(Exposure exposure, int port, EnvironmentNames names,
            Map<String, String> labels) {
        return GatewayApi.httpRoute(Exposure.ROUTE_NAME, labels, exposure.gateway(), names.host(),
                List.of(Map.of("backendRefs", List.of(Map.of("name", exposure.service(), "port", port)))));
    }
}
