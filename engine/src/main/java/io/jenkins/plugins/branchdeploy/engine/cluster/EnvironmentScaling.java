package io.jenkins.plugins.branchdeploy.engine.cluster;

import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.jenkins.plugins.branchdeploy.engine.ProgressListener;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Scale-to-zero of one environment: its Deployments and StatefulSets go to zero replicas, each
 * keeping its previous count in the {@link ClusterContract#REPLICAS} annotation, and wake restores
 * exactly those counts. The namespace records the state ({@code status: scaled-down}, why, and the
 * status before).
 *
 * <p>Both are idempotent and safe to interrupt: scale-down marks the namespace first, so an
 * environment with some workloads still up is never taken for a running one (a deploy would skip
 * it as unchanged); wake restores the workloads first and clears the mark last, so running it
 * again finishes the job. A workload that already carries a saved count is not scaled again, which
 * would overwrite its count with zero.
 *
 * <p>A workload with a HorizontalPodAutoscaler stays at zero: the autoscaler stops scaling a
 * target whose replica count is zero, and resumes after wake.
 */
final class EnvironmentScaling {

    /** A Deployment or StatefulSet as read, with the way to patch it. */
    private record Workload(String kind, ObjectMeta metadata, int replicas, Consumer<String> patcher) {

        String describe() {
            return kind + "/" + metadata.getName();
        }

        String saved() {
            return metadata.getAnnotations() == null ? null : metadata.getAnnotations().get(ClusterContract.REPLICAS);
        }
    }

    private final KubernetesClient client;
    private final ApiCalls api;

    EnvironmentScaling(KubernetesClient client, ApiCalls api) {
        this.client = client;
        this.api = api;
    }

    /**
     * Scales the workloads of an owned namespace to zero.
     *
     * @return how many workloads were scaled down by this call
     */
    int scaleDown(Namespace live, ScaleDownCause cause, ProgressListener progress) {
        String namespace = live.getMetadata().getName();
        EnvironmentStatus status = EnvironmentNamespace.status(live);
        JsonPatch record = new JsonPatch(live.getMetadata());
        if (status != EnvironmentStatus.SCALED_DOWN) {
            record.annotate(ClusterContract.STATUS, EnvironmentStatus.SCALED_DOWN.value())
                    .annotate(ClusterContract.SCALED_DOWN_BY, cause.value());
            if (status != null) {
                record.annotate(ClusterContract.SCALED_DOWN_FROM, status.value());
            }
        } else if (cause == ScaleDownCause.MANUAL) {
            // asked for by hand: from now on only a deploy or an explicit wake brings it back
            record.annotate(ClusterContract.SCALED_DOWN_BY, cause.value());
        }
        patchNamespace(namespace, record, progress);
        int scaled = 0;
        for (Workload workload : workloads(namespace, progress)) {
            if (workload.saved() != null) {
                continue;
            }
            patch(workload, new JsonPatch(workload.metadata())
                    .annotate(ClusterContract.REPLICAS, String.valueOf(workload.replicas())).replicas(0), namespace, progress);
            progress.info("Scaled " + workload.describe() + " in " + namespace + " from " + workload.replicas() + " to 0 replicas");
            scaled++;
        }
        return scaled;
    }

    /**
     * Restores the replica counts saved by {@link #scaleDown} and the status before it.
     *
     * @return how many workloads were restored by this call
     */
    int wake(Namespace live, ProgressListener progress) {
        String namespace = live.getMetadata().getName();
        int restored = 0;
        for (Workload workload : workloads(namespace, progress)) {
            String saved = workload.saved();
            if (saved == null) {
                continue;
            }
            Integer count = replicaCount(saved);
            if (count == null) {
                progress.warn("Cannot restore " + workload.describe() + " in " + namespace + ": its annotation " + ClusterContract.REPLICAS
                        + " is '" + saved + "', not a replica count; set its replicas yourself or deploy again");
                continue;
            }
            patch(workload, new JsonPatch(workload.metadata()).replicas(count).removeAnnotation(ClusterContract.REPLICAS), namespace, progress);
            progress.info("Restored " + workload.describe() + " in " + namespace + " to " + count + " replicas");
            restored++;
        }
        JsonPatch record = new JsonPatch(live.getMetadata());
        if (EnvironmentNamespace.status(live) == EnvironmentStatus.SCALED_DOWN) {
            EnvironmentStatus before = EnvironmentStatus.fromValue(EnvironmentNamespace.annotation(live, ClusterContract.SCALED_DOWN_FROM));
            record.annotate(ClusterContract.STATUS,
                    (before == null || before == EnvironmentStatus.SCALED_DOWN ? EnvironmentStatus.READY : before).value());
        }
        patchNamespace(namespace, record.removeAnnotation(ClusterContract.SCALED_DOWN_BY).removeAnnotation(ClusterContract.SCALED_DOWN_FROM),
                progress);
        return restored;
    }

    private List<Workload> workloads(String namespace, ProgressListener progress) {
        List<Workload> workloads = new ArrayList<>();
        api.call("list the deployments of " + namespace, progress, () -> client.apps().deployments().inNamespace(namespace).list().getItems())
                .forEach(d -> workloads.add(new Workload("Deployment", d.getMetadata(), replicas(d.getSpec() == null ? null : d.getSpec().getReplicas()),
                        patch -> client.apps().deployments().inNamespace(namespace).withName(d.getMetadata().getName())
                                .patch(JsonPatch.CONTEXT, patch))));
        api.call("list the statefulsets of " + namespace, progress, () -> client.apps().statefulSets().inNamespace(namespace).list().getItems())
                .forEach(s -> workloads.add(new Workload("StatefulSet", s.getMetadata(), replicas(s.getSpec() == null ? null : s.getSpec().getReplicas()),
                        patch -> client.apps().statefulSets().inNamespace(namespace).withName(s.getMetadata().getName())
                                .patch(JsonPatch.CONTEXT, patch))));
        return workloads;
    }

    private void patch(Workload workload, JsonPatch patch, String namespace, ProgressListener progress) {
        api.run("patch " + workload.describe() + " in " + namespace, progress, () -> workload.patcher().accept(patch.toJson()));
    }

    private void patchNamespace(String namespace, JsonPatch patch, ProgressListener progress) {
        if (!patch.isEmpty()) {
            api.run("patch namespace " + namespace, progress,
                    () -> client.namespaces().withName(namespace).patch(JsonPatch.CONTEXT, patch.toJson()));
        }
    }

    /** Kubernetes reads absent replicas as one. */
    private static int replicas(Integer replicas) {
        return replicas == null ? 1 : replicas;
    }

    private static Integer replicaCount(String text) {
        try {
            int count = Integer.parseInt(text);
            return count < 0 ? null : count;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
