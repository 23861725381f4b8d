package io.jenkins.plugins.branchdeploy.engine.cluster;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.NonDeletingOperation;
import io.jenkins.plugins.branchdeploy.engine.manifest.RenderedManifest;
import io.jenkins.plugins.branchdeploy.engine.request.Quota;
import io.jenkins.plugins.branchdeploy.engine.request.SecretEntry;
import java.util.ArrayList;
import java.util.List;

/**
 * The baseline of {@link DeployBenchmark}: what a hand-written deploy script does with the fabric8
 * client. It creates-or-replaces the namespace and every object one by one (create; on a conflict
 * read the live object and replace it), then reads each workload by name until it is ready. No
 * server-side apply, no record of what was deployed, no check whether anything changed.
 */
final class NaiveDeploy {

    private final KubernetesClient client;

    NaiveDeploy(KubernetesClient client) {
        this.client = client;
    }

    /** The same objects the engine deploys: quota, limit range, secrets and the rendered manifests. */
    static List<HasMetadata> objects(List<RenderedManifest> manifests, List<SecretEntry> secrets) {
        List<HasMetadata> objects = new ArrayList<>(EnvironmentResources.limits(Quota.DEFAULT));
        objects.addAll(EnvironmentResources.secrets(secrets));
        manifests.forEach(m -> objects.add(m.resource()));
        return objects;
    }

    void deploy(String namespace, List<HasMetadata> objects) {
        client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(namespace).endMetadata().build())
                .createOr(NonDeletingOperation::update);
        for (HasMetadata object : objects) {
            object.getMetadata().setNamespace(namespace);
            object.getMetadata().setResourceVersion(null);
            client.resource(object).inNamespace(namespace).createOr(NonDeletingOperation::update);
        }
        for (HasMetadata object : objects) {
            if (WorkloadStatus.isWorkload(object)) {
                while (!WorkloadStatus.of(client.resource(object).inNamespace(namespace).get()).ready()) {
                    Thread.onSpinWait();
                }
            }
        }
    }
}
