package io.jenkins.plugins.branchdeploy.engine.variant;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One Kubernetes object as nested maps and lists, so that the copy and the overrides can change it
 * whatever its kind, and back.
 */
final class ObjectTree {

    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

    private final Map<String, Object> root;

    private ObjectTree(Map<String, Object> root) {
        this.root = root;
    }

    @SuppressWarnings("unchecked")
    static ObjectTree of(HasMetadata resource) {
        return new ObjectTree(SERIALIZATION.convertValue(resource, LinkedHashMap.class));
    }

    HasMetadata toResource() {
        return (HasMetadata) SERIALIZATION.convertValue(root, KubernetesResource.class);
    }

    String kind() {
        return String.valueOf(root.get("kind"));
    }

    String name() {
        return String.valueOf(map(root, "metadata").get("name"));
    }

    Map<String, Object> root() {
        return root;
    }

    /** The map under {@code key}, or an empty one (not added) when there is none. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Map<String, Object> parent, String key) {
        Object value = parent == null ? null : parent.get(key);
        return value instanceof Map<?, ?> m ? (Map<String, Object>) m : new LinkedHashMap<>();
    }

    /** The maps in the list under {@code key}; none when there is no such list. */
    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> maps(Map<String, Object> parent, String key) {
        Object value = parent == null ? null : parent.get(key);
        List<Map<String, Object>> maps = new ArrayList<>();
        if (value instanceof List<?> list) {
            list.stream().filter(Map.class::isInstance).forEach(m -> maps.add((Map<String, Object>) m));
        }
        return maps;
    }

    /**
     * The pod spec of a workload: a Pod's own, a Deployment's (StatefulSet, DaemonSet, ReplicaSet,
     * Job) template's, a CronJob's job template's; {@code null} for other kinds.
     */
    Map<String, Object> podSpec() {
        Map<String, Object> spec = map(root, "spec");
        return switch (kind()) {
            case "Pod" -> spec;
            case "Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "Job" -> map(map(spec, "template"), "spec");
            case "CronJob" -> map(map(map(map(spec, "jobTemplate"), "spec"), "template"), "spec");
            default -> null;
        };
    }

    /** The containers and init containers of a workload; none for other kinds. */
    List<Map<String, Object>> containers() {
        Map<String, Object> podSpec = podSpec();
        List<Map<String, Object>> containers = new ArrayList<>(maps(podSpec, "initContainers"));
        containers.addAll(maps(podSpec, "containers"));
        return containers;
    }
}
