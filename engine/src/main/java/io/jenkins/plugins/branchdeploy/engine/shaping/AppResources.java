package io.jenkins.plugins.branchdeploy.engine.shaping;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobSpec;
import io.jenkins.plugins.branchdeploy.engine.manifest.RenderedManifest;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What an app's pods ask for, from the pod templates of its workloads, as a ResourceQuota counts
 * it: each pod's CPU and memory requests and limits (the larger of its containers' sum and its
 * largest init container; a container without a request is given its limit, as Kubernetes does,
 * and the LimitRange's defaults fill in the rest), times its replicas. Deployments, StatefulSets
 * and ReplicaSets count their replicas (a HorizontalPodAutoscaler's {@code minReplicas} when it is
 * higher), Jobs and CronJobs their parallelism, a DaemonSet and a bare Pod one pod.
 */
final class AppResources {

    private AppResources() {}

    /** Sums the pod templates of {@code manifests}, with {@code defaults} for containers that set nothing. */
    static ResourceTotals of(List<RenderedManifest> manifests, ContainerDefaults defaults) {
        Map<String, Integer> autoscaledMinimum = autoscaledMinimum(manifests);
        ResourceTotals totals = ResourceTotals.NONE;
        for (RenderedManifest manifest : manifests) {
            HasMetadata resource = manifest.resource();
            Workload workload = workload(resource);
            if (workload == null || workload.pod == null) {
                continue;
            }
            int replicas = Math.max(workload.replicas, autoscaledMinimum.getOrDefault(manifest.kindAndName(), 0));
            totals = totals.plus(pod(workload.pod, defaults).times(replicas));
        }
        return totals;
    }

    private record Workload(PodSpec pod, int replicas) {}

    private static Workload workload(HasMetadata resource) {
        if (resource instanceof Deployment d && d.getSpec() != null) {
            return new Workload(spec(d.getSpec().getTemplate()), replicas(d.getSpec().getReplicas()));
        }
        if (resource instanceof StatefulSet s && s.getSpec() != null) {
            return new Workload(spec(s.getSpec().getTemplate()), replicas(s.getSpec().getReplicas()));
        }
        if (resource instanceof ReplicaSet r && r.getSpec() != null) {
            return new Workload(spec(r.getSpec().getTemplate()), replicas(r.getSpec().getReplicas()));
        }
        if (resource instanceof DaemonSet d && d.getSpec() != null) {
            return new Workload(spec(d.getSpec().getTemplate()), 1);
        }
        if (resource instanceof Job j && j.getSpec() != null) {
            return job(j.getSpec());
        }
        if (resource instanceof CronJob c && c.getSpec() != null && c.getSpec().getJobTemplate() != null
                && c.getSpec().getJobTemplate().getSpec() != null) {
            return job(c.getSpec().getJobTemplate().getSpec());
        }
        if (resource instanceof Pod p) {
            return new Workload(p.getSpec(), 1);
        }
        return null;
    }

    private static Workload job(JobSpec spec) {
        return new Workload(spec(spec.getTemplate()), replicas(spec.getParallelism()));
    }

    private static PodSpec spec(PodTemplateSpec template) {
        return template == null ? null : template.getSpec();
    }

    private static int replicas(Integer replicas) {
        return replicas == null ? 1 : replicas;
    }

    private static ResourceTotals pod(PodSpec pod, ContainerDefaults defaults) {
        ResourceTotals containers = ResourceTotals.NONE;
        for (Container container : Objects.requireNonNullElse(pod.getContainers(), List.<Container>of())) {
            containers = containers.plus(container(container, defaults));
        }
        BigDecimal[] init = {BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO};
        for (Container container : Objects.requireNonNullElse(pod.getInitContainers(), List.<Container>of())) {
            ResourceTotals one = container(container, defaults);
            init[0] = init[0].max(one.cpuRequests());
            init[1] = init[1].max(one.cpuLimits());
            init[2] = init[2].max(one.memoryRequests());
            init[3] = init[3].max(one.memoryLimits());
        }
        return new ResourceTotals(containers.cpuRequests().max(init[0]), containers.cpuLimits().max(init[1]),
                containers.memoryRequests().max(init[2]), containers.memoryLimits().max(init[3]), 1);
    }

    private static ResourceTotals container(Container container, ContainerDefaults defaults) {
        ResourceRequirements resources = container.getResources();
        Map<String, Quantity> requests = resources == null || resources.getRequests() == null ? Map.of() : resources.getRequests();
        Map<String, Quantity> limits = resources == null || resources.getLimits() == null ? Map.of() : resources.getLimits();
        Quantity cpuLimit = limits.getOrDefault("cpu", defaults.cpuLimit());
        Quantity memoryLimit = limits.getOrDefault("memory", defaults.memoryLimit());
        Quantity cpuRequest = requests.getOrDefault("cpu", limits.getOrDefault("cpu", defaults.cpuRequest()));
        Quantity memoryRequest = requests.getOrDefault("memory", limits.getOrDefault("memory", defaults.memoryRequest()));
        return new ResourceTotals(amount(cpuRequest), amount(cpuLimit), amount(memoryRequest), amount(memoryLimit), 0);
    }

    private static BigDecimal amount(Quantity quantity) {
        return Quantity.getAmountInBytes(quantity);
    }

    /** HorizontalPodAutoscalers' {@code minReplicas} by their target, as {@code Kind/name}. */
    private static Map<String, Integer> autoscaledMinimum(List<RenderedManifest> manifests) {
        Map<String, Integer> minimum = new HashMap<>();
        for (RenderedManifest manifest : manifests) {
            if (manifest.resource() instanceof io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler hpa
                    && hpa.getSpec() != null && hpa.getSpec().getScaleTargetRef() != null) {
                minimum.merge(hpa.getSpec().getScaleTargetRef().getKind() + "/" + hpa.getSpec().getScaleTargetRef().getName(),
                        replicas(hpa.getSpec().getMinReplicas()), Math::max);
            } else if (manifest.resource() instanceof io.fabric8.kubernetes.api.model.autoscaling.v1.HorizontalPodAutoscaler hpa
                    && hpa.getSpec() != null && hpa.getSpec().getScaleTargetRef() != null) {
                minimum.merge(hpa.getSpec().getScaleTargetRef().getKind() + "/" + hpa.getSpec().getScaleTargetRef().getName(),
                        replicas(hpa.getSpec().getMinReplicas()), Math::max);
            }
        }
        return minimum;
    }
}
