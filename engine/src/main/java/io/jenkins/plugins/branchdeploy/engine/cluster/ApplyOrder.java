package io.jenkins.plugins.branchdeploy.engine.cluster;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.jenkins.plugins.branchdeploy.engine.manifest.RenderedManifest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The order a deploy applies objects in, as Helm does: isolation before anything runs, then what others refer to. */
final class ApplyOrder {

    private static final List<String> KIND_ORDER = List.of(
            "NetworkPolicy", "ResourceQuota", "LimitRange", "ServiceAccount", "Secret", "ConfigMap", "PersistentVolumeClaim",
            "Role", "RoleBinding", "Service", "DaemonSet", "Pod", "ReplicaSet", "Deployment", "StatefulSet",
            "HorizontalPodAutoscaler", "Job", "CronJob", "Ingress", "PodDisruptionBudget");

    private ApplyOrder() {
    }

    /** The limits, the Secrets and the manifests' objects, in the order to apply them; kinds not listed go last. */
    static List<HasMetadata> of(List<HasMetadata> limits, List<Secret> secrets, List<RenderedManifest> manifests) {
        List<HasMetadata> objects = new ArrayList<>(limits);
        objects.addAll(secrets);
        manifests.forEach(m -> objects.add(m.resource()));
        objects.sort(Comparator.comparingInt(ApplyOrder::rank));
        return objects;
    }

    private static int rank(HasMetadata object) {
        int index = KIND_ORDER.indexOf(object.getKind());
        return index < 0 ? KIND_ORDER.size() : index;
    }
}
