package io.jenkins.plugins.branchdeploy.engine.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.jenkins.plugins.branchdeploy.engine.cluster.ClusterContract;
import java.util.List;
import java.util.Map;

/**
 * A resource as a JSON tree holding only what its author wrote: without metadata, status, and the
 * values the API server assigns per namespace (cluster IPs, node ports, Job selectors), so that two
 * live environments compare equal when their manifests are equal. Typed resources and
 * {@code GenericKubernetesResource} give the same tree for the same content.
 */
final class ResourceTree {

    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

    /** Labels the Job controller adds to each Job's pod template. */
    private static final List<String> JOB_CONTROLLER_LABELS = List.of(
            "controller-uid", "job-name", "batch.kubernetes.io/controller-uid", "batch.kubernetes.io/job-name");

    private ResourceTree() {}

    static ObjectNode of(HasMetadata resource) {
        ObjectNode tree = SERIALIZATION.convertValue(resource, ObjectNode.class);
        tree.remove(List.of("apiVersion", "kind", "metadata", "status"));
        String kind = resource.getKind();
        if ("Service".equals(kind)) {
            removeServiceAssignments(tree);
        }
        if ("Job".equals(kind) && tree.get("spec") instanceof ObjectNode spec) {
            spec.remove("selector");
        }
        PodTemplates.find(kind, tree).ifPresent(template -> removeOwnLabels(template, kind));
        return tree;
    }

    private static void removeServiceAssignments(ObjectNode tree) {
        if (tree.get("spec") instanceof ObjectNode spec) {
            spec.remove(List.of("clusterIP", "clusterIPs", "healthCheckNodePort"));
            spec.path("ports").forEach(port -> ((ObjectNode) port).remove("nodePort"));
        }
    }

    /** Drops what this engine and the Job controller write into pod templates. */
    private static void removeOwnLabels(ObjectNode template, String kind) {
        for (String section : List.of("labels", "annotations")) {
            if (template.path("metadata").get(section) instanceof ObjectNode entries) {
                List<String> added = entries.propertyStream()
                        .map(Map.Entry::getKey)
                        .filter(key -> key.startsWith(ClusterContract.PREFIX)
                                || ("Job".equals(kind) && JOB_CONTROLLER_LABELS.contains(key)))
                        .toList();
                entries.remove(added);
            }
        }
    }

    /** The text of a scalar field, or {@code null} when it is absent. */
    static String text(JsonNode node) {
        return node == null || node.isNull() || node.isMissingNode() ? null : node.asText();
    }
}
