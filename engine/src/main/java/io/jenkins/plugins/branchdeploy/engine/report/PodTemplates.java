package io.jenkins.plugins.branchdeploy.engine.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;

/**
 * Finds the pod template ({@code metadata} and {@code spec} with containers) in any workload tree:
 * Deployments, StatefulSets, DaemonSets, ReplicaSets and Jobs keep it at {@code spec.template},
 * CronJobs at {@code spec.jobTemplate.spec.template}, custom workloads such as rollouts mostly at
 * {@code spec.template}; a Pod is its own template.
 */
final class PodTemplates {

    private static final List<String> WORKLOAD_PATHS = List.of("/spec/template", "/spec/jobTemplate/spec/template");
    private static final List<String> POD_PATH = List.of("");

    private PodTemplates() {}

    static Optional<ObjectNode> find(String kind, ObjectNode tree) {
        for (String path : "Pod".equals(kind) ? POD_PATH : WORKLOAD_PATHS) {
            JsonNode template = tree.at(path);
            if (template instanceof ObjectNode found && found.path("spec").path("containers").isArray()) {
                return Optional.of(found);
            }
        }
        return Optional.empty();
    }
}
