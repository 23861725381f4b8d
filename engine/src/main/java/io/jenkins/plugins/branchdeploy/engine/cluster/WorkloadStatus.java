package io.jenkins.plugins.branchdeploy.engine.cluster;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentCondition;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobCondition;
import java.util.List;
import java.util.Objects;

/**
 * Whether one workload is ready, in the words of its status: a Deployment, StatefulSet or
 * DaemonSet when the controller has seen its latest spec and all replicas are updated and ready;
 * a Job when it completed.
 *
 * @param ready whether it is ready (or complete)
 * @param failed whether it can never become ready (a failed Job, a Deployment past its progress deadline)
 * @param description what its status says, e.g. {@code Deployment/web: 1/2 ready}
 */
record WorkloadStatus(boolean ready, boolean failed, String description) {

    static boolean isWorkload(HasMetadata resource) {
        return resource instanceof Deployment || resource instanceof StatefulSet || resource instanceof DaemonSet || resource instanceof Job;
    }

    /** A bare Pod: awaited only as a Helm hook, until it succeeded. */
    static boolean isPod(HasMetadata resource) {
        return resource instanceof Pod;
    }

    static WorkloadStatus missing(String kindAndName) {
        return new WorkloadStatus(false, false, kindAndName + ": not found");
    }

    static WorkloadStatus of(HasMetadata workload) {
        String id = workload.getKind() + "/" + workload.getMetadata().getName();
        if (workload instanceof Deployment d) {
            return deployment(id, d);
        }
        if (workload instanceof StatefulSet s) {
            return statefulSet(id, s);
        }
        if (workload instanceof DaemonSet d) {
            return daemonSet(id, d);
        }
        if (workload instanceof Pod p) {
            String phase = p.getStatus() == null ? null : p.getStatus().getPhase();
            return new WorkloadStatus("Succeeded".equals(phase), "Failed".equals(phase), id + ": " + (phase == null ? "pending" : phase.toLowerCase(java.util.Locale.ROOT)));
        }
        return job(id, (Job) workload);
    }

    private static WorkloadStatus deployment(String id, Deployment d) {
        int wanted = orZero(d.getSpec().getReplicas(), 1);
        var status = d.getStatus();
        if (status == null) {
            return new WorkloadStatus(false, false, id + ": no status yet");
        }
        boolean observed = observed(d, status.getObservedGeneration());
        int ready = orZero(status.getReadyReplicas(), 0);
        int updated = orZero(status.getUpdatedReplicas(), 0);
        int available = orZero(status.getAvailableReplicas(), 0);
        List<DeploymentCondition> conditions = status.getConditions() == null ? List.of() : status.getConditions();
        DeploymentCondition stalled = conditions.stream()
                .filter(c -> "Progressing".equals(c.getType()) && "ProgressDeadlineExceeded".equals(c.getReason())).findFirst().orElse(null);
        String detail = id + ": " + ready + "/" + wanted + " ready, " + updated + " updated, " + available + " available"
                + (observed ? "" : ", latest spec not yet observed") + conditionsText(conditions.stream()
                        .filter(c -> !"True".equals(c.getStatus()) || stalled == c)
                        .map(c -> c.getType() + "=" + c.getStatus() + " " + Objects.toString(c.getReason(), "") + ": "
                                + Objects.toString(c.getMessage(), ""))
                        .toList());
        boolean isReady = observed && ready >= wanted && updated >= wanted && available >= wanted;
        return new WorkloadStatus(isReady, !isReady && stalled != null, detail);
    }

    private static WorkloadStatus statefulSet(String id, StatefulSet s) {
        int wanted = orZero(s.getSpec().getReplicas(), 1);
        var status = s.getStatus();
        if (status == null) {
            return new WorkloadStatus(false, false, id + ": no status yet");
        }
        boolean observed = observed(s, status.getObservedGeneration());
        int ready = orZero(status.getReadyReplicas(), 0);
        boolean onDelete = s.getSpec().getUpdateStrategy() != null && "OnDelete".equals(s.getSpec().getUpdateStrategy().getType());
        int updated = onDelete ? wanted : orZero(status.getUpdatedReplicas(), 0);
        String detail = id + ": " + ready + "/" + wanted + " ready, " + updated + " updated" + (observed ? "" : ", latest spec not yet observed");
        return new WorkloadStatus(observed && ready >= wanted && updated >= wanted, false, detail);
    }

    private static WorkloadStatus daemonSet(String id, DaemonSet d) {
        var status = d.getStatus();
        if (status == null) {
            return new WorkloadStatus(false, false, id + ": no status yet");
        }
        boolean observed = observed(d, status.getObservedGeneration());
        int wanted = orZero(status.getDesiredNumberScheduled(), 0);
        int ready = orZero(status.getNumberReady(), 0);
        int updated = orZero(status.getUpdatedNumberScheduled(), 0);
        String detail = id + ": " + ready + "/" + wanted + " ready, " + updated + " updated" + (observed ? "" : ", latest spec not yet observed");
        return new WorkloadStatus(observed && ready >= wanted && updated >= wanted, false, detail);
    }

    private static WorkloadStatus job(String id, Job j) {
        var status = j.getStatus();
        List<JobCondition> conditions = status == null || status.getConditions() == null ? List.of() : status.getConditions();
        for (JobCondition c : conditions) {
            if ("True".equals(c.getStatus()) && "Complete".equals(c.getType())) {
                return new WorkloadStatus(true, false, id + ": complete");
            }
            if ("True".equals(c.getStatus()) && "Failed".equals(c.getType())) {
                return new WorkloadStatus(false, true, id + ": failed (" + Objects.toString(c.getReason(), "") + ": "
                        + Objects.toString(c.getMessage(), "") + ")");
            }
        }
        int active = status == null ? 0 : orZero(status.getActive(), 0);
        int failedPods = status == null ? 0 : orZero(status.getFailed(), 0);
        return new WorkloadStatus(false, false, id + ": not complete (" + active + " active, " + failedPods + " failed pods)");
    }

    private static boolean observed(HasMetadata workload, Long observedGeneration) {
        Long generation = workload.getMetadata().getGeneration();
        return generation == null || observedGeneration != null && observedGeneration >= generation;
    }

    private static String conditionsText(List<String> conditions) {
        return conditions.isEmpty() ? "" : " (" + String.join("; ", conditions) + ")";
    }

    private static int orZero(Integer value, int fallback) {
        return value == null ? fallback : value;
    }
}
