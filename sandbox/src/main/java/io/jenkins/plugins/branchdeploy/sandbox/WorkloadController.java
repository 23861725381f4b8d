package io.jenkins.plugins.branchdeploy.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.mockwebserver.dsl.HttpMethod;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Stands in for the controllers and nodes the sandbox does not have: whenever a Deployment,
 * StatefulSet, DaemonSet, Job or Pod is written, it writes the status a healthy cluster would reach,
 * ready (or complete, a Pod succeeded) at once. Workloads named with {@link #neverReady(String)} instead stay
 * unavailable, with the status a real cluster shows for pods that never pass their readiness probe;
 * Jobs and Pods named with {@link #failing(String)} fail as a container exiting non-zero makes them.
 */
public final class WorkloadController {

    private static final Map<String, String> PLURALS = Map.of(
            "Deployment", "deployments", "StatefulSet", "statefulsets", "DaemonSet", "daemonsets", "Job", "jobs", "Pod", "pods");

    private final SandboxStore store;
    private final Set<String> neverReady = ConcurrentHashMap.newKeySet();
    private final Set<String> failing = ConcurrentHashMap.newKeySet();

    WorkloadController(SandboxStore store) {
        this.store = store;
    }

    /** Workloads with this name (in any namespace) never become ready. */
    public WorkloadController neverReady(String name) {
        neverReady.add(name);
        return this;
    }

    /** Jobs and Pods with this name (in any namespace) fail. */
    public WorkloadController failing(String name) {
        failing.add(name);
        return this;
    }

    /** Called with every object a client wrote; reconciles it if it is a workload. */
    void written(ObjectNode object) {
        String kind = object.path("kind").asText();
        String plural = PLURALS.get(kind);
        JsonNode metadata = object.path("metadata");
        if (plural == null || metadata.path("deletionTimestamp").isTextual()) {
            return;
        }
        String name = metadata.path("name").asText();
        String path = SandboxPaths.objectPath(object.path("apiVersion").asText(), plural, metadata.path("namespace").asText(), name);
        String stored = store.get(path);
        if (stored == null) {
            return;
        }
        ObjectNode current = SandboxJson.parse(stored);
        ObjectNode status = failing.contains(name) ? failedStatus(kind) : statusOf(kind, current, !neverReady.contains(name));
        if (status.equals(current.get("status"))) {
            return;
        }
        current.set("status", status);
        store.call(HttpMethod.PUT, path + "/status", "application/json", SandboxJson.write(current));
    }

    private static ObjectNode statusOf(String kind, ObjectNode workload, boolean ready) {
        long generation = workload.path("metadata").path("generation").asLong(1);
        int replicas = workload.path("spec").path("replicas").asInt(1);
        ObjectNode status = SandboxJson.object();
        switch (kind) {
            case "Deployment" -> {
                status.put("observedGeneration", generation).put("replicas", replicas).put("updatedReplicas", replicas);
                ArrayNode conditions = status.putArray("conditions");
                if (ready) {
                    status.put("readyReplicas", replicas).put("availableReplicas", replicas);
                    condition(conditions, "Available", "True", "MinimumReplicasAvailable", "Deployment has minimum availability.");
                    condition(conditions, "Progressing", "True", "NewReplicaSetAvailable", "ReplicaSet has successfully progressed.");
                } else {
                    status.put("unavailableReplicas", replicas);
                    condition(conditions, "Available", "False", "MinimumReplicasUnavailable", "Deployment does not have minimum availability.");
                    condition(conditions, "Progressing", "True", "ReplicaSetUpdated", "ReplicaSet is progressing.");
                }
            }
            case "StatefulSet" -> {
                status.put("observedGeneration", generation).put("replicas", replicas)
                        .put("currentReplicas", replicas).put("updatedReplicas", replicas)
                        .put("currentRevision", "rev-" + generation).put("updateRevision", "rev-" + generation);
                if (ready) {
                    status.put("readyReplicas", replicas).put("availableReplicas", replicas);
                }
            }
            case "DaemonSet" -> {
                status.put("observedGeneration", generation).put("desiredNumberScheduled", 1)
                        .put("currentNumberScheduled", 1).put("updatedNumberScheduled", 1);
                if (ready) {
                    status.put("numberReady", 1).put("numberAvailable", 1);
                } else {
                    status.put("numberReady", 0).put("numberUnavailable", 1);
                }
            }
            case "Pod" -> status.put("phase", ready ? "Succeeded" : "Running");
            default -> { // Job
                if (ready) {
                    status.put("succeeded", workload.path("spec").path("completions").asInt(1));
                    condition(status.putArray("conditions"), "Complete", "True", null, null);
                } else {
                    status.put("active", 1);
                }
            }
        }
        return status;
    }

    private static ObjectNode failedStatus(String kind) {
        ObjectNode status = SandboxJson.object();
        if (kind.equals("Pod")) {
            return status.put("phase", "Failed");
        }
        status.put("failed", 1);
        ArrayNode conditions = status.putArray("conditions");
        condition(conditions, "Failed", "True", "BackoffLimitExceeded", "Job has reached the specified backoff limit");
        return status;
    }

    private static void condition(ArrayNode conditions, String type, String value, String reason, String message) {
        ObjectNode condition = conditions.addObject().put("type", type).put("status", value);
        if (reason != null) {
            condition.put("reason", reason).put("message", message);
        }
    }
}
