package io.jenkins.plugins.branchdeploy.engine.shaping;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.jenkins.plugins.branchdeploy.engine.request.Exposure;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The Gateway API objects the engine writes: HTTPRoutes attached to a Gateway of the cluster. */
public final class GatewayApi {

    public static final String GROUP = "gateway.networking.k8s.io";
    public static final String API_VERSION = GROUP + "/v1";

    private GatewayApi() {}

    /**
     * An HTTPRoute for one host, attached to {@code gateway}.
     *
     * @param rules the route's rules (matches, filters, backendRefs) as the API spells them
     */
    public static GenericKubernetesResource httpRoute(String name, Map<String, String> labels, Exposure.Gateway gateway,
            String host, List<Map<String, Object>> rules) {
        Map<String, Object> parent = new LinkedHashMap<>();
        parent.put("group", GROUP);
        parent.put("kind", "Gateway");
        parent.put("namespace", gateway.namespace());
        parent.put("name", gateway.name());
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("parentRefs", List.of(parent));
        spec.put("hostnames", List.of(host));
        spec.put("rules", rules);
        return new GenericKubernetesResourceBuilder().withApiVersion(API_VERSION).withKind("HTTPRoute")
                .withNewMetadata().withName(name).withLabels(labels).endMetadata()
                .withAdditionalProperties(new LinkedHashMap<>(Map.of("spec", spec))).build();
    }
}
