package io.jenkins.plugins.branchdeploy.engine.shaping;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.networking.v1.IngressBuilder;
import io.jenkins.plugins.branchdeploy.engine.InvalidInputException;
import io.jenkins.plugins.branchdeploy.engine.manifest.RenderedManifest;
import io.jenkins.plugins.branchdeploy.engine.request.Exposure;
import io.jenkins.plugins.branchdeploy.engine.naming.EnvironmentNames;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The Ingress or HTTPRoute an {@link Exposure} adds: the environment's host, every path, to the
 * exposed Service's port.
 */
final class ExposedRoute {

    static final String GATEWAY_API_VERSION = "gateway.networking.k8s.io/v1";

    private ExposedRoute() {}

    /**
     * @param labels the labels of what the deploy adds, e.g. {@code app.kubernetes.io/managed-by}
     * @throws InvalidInputException (field {@code expose}) when the manifests have no such Service or port,
     *     or already have an object of the route's name
     */
    static RenderedManifest of(Exposure exposure, List<RenderedManifest> manifests, EnvironmentNames names,
            Map<String, String> labels) {
        Service service = manifests.stream().map(RenderedManifest::resource).filter(Service.class::isInstance)
                .map(Service.class::cast).filter(s -> exposure.service().equals(s.getMetadata().getName()))
                .findFirst().orElseThrow(() -> new InvalidInputException("expose", "the manifests have no Service '"
                        + exposure.service() + "'; expose one of " + serviceNames(manifests)));
        int port = port(exposure, service);
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
        Map<String, Object> parent = new LinkedHashMap<>();
        parent.put("group", "gateway.networking.k8s.io");
        parent.put("kind", "Gateway");
        parent.put("namespace", exposure.gateway().namespace());
        parent.put("name", exposure.gateway().name());
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("parentRefs", List.of(parent));
        spec.put("hostnames", List.of(names.host()));
        spec.put("rules", List.of(Map.of("backendRefs", List.of(Map.of("name", exposure.service(), "port", port)))));
        return new GenericKubernetesResourceBuilder().withApiVersion(GATEWAY_API_VERSION).withKind("HTTPRoute")
                .withNewMetadata().withName(Exposure.ROUTE_NAME).withLabels(labels).endMetadata()
                .withAdditionalProperties(Map.of("spec", spec)).build();
    }

    private static int port(Exposure exposure, Service service) {
        List<ServicePort> ports = service.getSpec() == null || service.getSpec().getPorts() == null ? List.of()
                : service.getSpec().getPorts();
        if (exposure.port() == null && ports.size() == 1) {
            return ports.get(0).getPort();
        }
        for (ServicePort port : ports) {
            if (exposure.port() != null && (exposure.port().equals(String.valueOf(port.getPort())) || exposure.port().equals(port.getName()))) {
                return port.getPort();
            }
        }
        String name = service.getMetadata().getName();
        if (ports.isEmpty()) {
            throw new InvalidInputException("expose", "Service '" + name + "' has no ports; give it the port the app listens on");
        }
        String choices = ports.stream().map(p -> p.getPort() + (p.getName() == null ? "" : " (" + p.getName() + ")"))
                .collect(Collectors.joining(", "));
        throw new InvalidInputException("expose", "Service '" + name + "' has " + (exposure.port() == null
                ? "several ports, " + choices + "; say which, e.g. " + name + ":" + ports.get(0).getPort()
                : "no port " + exposure.port() + "; it has " + choices));
    }

    private static String serviceNames(List<RenderedManifest> manifests) {
        List<String> services = manifests.stream().filter(m -> m.resource() instanceof Service).map(RenderedManifest::name).sorted().toList();
        return services.isEmpty() ? "them, but they have none: add a Service for the app" : String.join(", ", services);
    }
}
