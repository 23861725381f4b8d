package io.jenkins.plugins.branchdeploy.engine.cluster;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.jenkins.plugins.branchdeploy.engine.ProgressListener;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Waits until every Deployment, StatefulSet, DaemonSet and Job of a deploy is ready, polling with
 * one list call per kind and reporting progress at least every {@code progressEvery}. Fails with
 * a {@link DeployFailure} that names every workload that is not ready and what its status says.
 */
final class RolloutWait {

    private final KubernetesClient client;
    private final ApiCalls api;
    private final Duration pollEvery;
    private final Duration progressEvery;

    RolloutWait(KubernetesClient client, ApiCalls api, Duration pollEvery, Duration progressEvery) {
        this.client = client;
        this.api = api;
        this.pollEvery = pollEvery;
        this.progressEvery = progressEvery;
    }

    void await(String namespace, List<HasMetadata> applied, Duration timeout, ProgressListener progress) {
        await(namespace, applied.stream().filter(WorkloadStatus::isWorkload).toList(), timeout, progress, "rollout failed: ");
    }

    /** Waits until a Helm hook (a Job or a Pod) completed; other hook kinds are done once applied. */
    void awaitHook(String namespace, HasMetadata hook, Duration timeout, ProgressListener progress) {
        if (WorkloadStatus.isWorkload(hook) || WorkloadStatus.isPod(hook)) {
            await(namespace, List.of(hook), timeout, progress, "");
        }
    }

    private void await(String namespace, List<HasMetadata> awaited, Duration timeout, ProgressListener progress, String failurePrefix) {
        Map<String, Set<String>> workloads = new LinkedHashMap<>();
        awaited.forEach(r -> workloads.computeIfAbsent(r.getKind(), k -> new TreeSet<>()).add(r.getMetadata().getName()));
        int total = workloads.values().stream().mapToInt(Set::size).sum();
        if (total == 0) {
            return;
        }
        progress.info("Waiting for " + total + " workload" + (total == 1 ? "" : "s") + " to be ready (timeout " + timeout.toSeconds() + " s)");
        long started = System.nanoTime();
        long lastReport = started;
        while (true) {
            List<WorkloadStatus> pending = pending(namespace, workloads, progress);
            List<String> failed = pending.stream().filter(WorkloadStatus::failed).map(WorkloadStatus::description).toList();
            if (!failed.isEmpty()) {
                throw new DeployFailure(failurePrefix + String.join("; ", failed));
            }
            if (pending.isEmpty()) {
                progress.info("All " + total + " workloads are ready");
                return;
            }
            long now = System.nanoTime();
            if (Duration.ofNanos(now - started).compareTo(timeout) >= 0) {
                throw new DeployFailure("timed out after " + timeout.toSeconds() + " s waiting for " + pending.size() + " of " + total
                        + " workloads to be ready: " + String.join("; ", descriptions(pending)));
            }
            if (Duration.ofNanos(now - lastReport).compareTo(progressEvery) >= 0) {
                progress.info((total - pending.size()) + " of " + total + " workloads ready; waiting for " + String.join("; ", descriptions(pending)));
                lastReport = now;
            }
            sleep(pollEvery);
        }
    }

    private List<WorkloadStatus> pending(String namespace, Map<String, Set<String>> workloads, ProgressListener progress) {
        List<WorkloadStatus> pending = new ArrayList<>();
        workloads.forEach((kind, names) -> {
            Map<String, HasMetadata> live = new LinkedHashMap<>();
            api.call("read " + kind + "s of " + namespace, progress, () -> list(kind, namespace))
                    .forEach(r -> live.put(r.getMetadata().getName(), r));
            for (String name : names) {
                HasMetadata workload = live.get(name);
                WorkloadStatus status = workload == null ? WorkloadStatus.missing(kind + "/" + name) : WorkloadStatus.of(workload);
                if (!status.ready()) {
                    pending.add(status);
                }
            }
        });
        return pending;
    }

    private List<? extends HasMetadata> list(String kind, String namespace) {
        return switch (kind) {
            case "Deployment" -> client.apps().deployments().inNamespace(namespace).list().getItems();
            case "StatefulSet" -> client.apps().statefulSets().inNamespace(namespace).list().getItems();
            case "DaemonSet" -> client.apps().daemonSets().inNamespace(namespace).list().getItems();
            case "Pod" -> client.pods().inNamespace(namespace).list().getItems();
            default -> client.batch().v1().jobs().inNamespace(namespace).list().getItems();
        };
    }

    private static List<String> descriptions(List<WorkloadStatus> statuses) {
        return statuses.stream().map(WorkloadStatus::description).toList();
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeployFailure("interrupted while waiting for the rollout");
        }
    }
}
