package io.jenkins.plugins.branchdeploy.engine.cluster;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.jenkins.plugins.branchdeploy.engine.ProgressListener;
import io.jenkins.plugins.branchdeploy.engine.argocd.ArgoCdApplication;
import java.time.Duration;
import java.util.Map;

/**
 * Where an environment's Argo CD Application is ({@link ClusterContract#ARGOCD_APPLICATION} on its
 * namespace, {@code NAMESPACE/NAME}) and whether this installation owns it.
 *
 * @param namespace the namespace Argo CD watches
 * @param name the Application's name, the environment's namespace
 */
record ArgoCdApplications(String namespace, String name) {

    /** The Application recorded on an environment's namespace, or {@code null} for one applied directly. */
    static ArgoCdApplications recordedOn(Namespace live) {
        String recorded = live == null ? null : EnvironmentNamespace.annotation(live, ClusterContract.ARGOCD_APPLICATION);
        if (recorded == null || !recorded.contains("/")) {
            return null;
        }
        return new ArgoCdApplications(recorded.substring(0, recorded.indexOf('/')), recorded.substring(recorded.indexOf('/') + 1));
    }

    String describe() {
        return namespace + "/" + name;
    }

    Resource<GenericKubernetesResource> resource(KubernetesClient client) {
        return client.genericKubernetesResources(ArgoCdApplication.API_VERSION, ArgoCdApplication.KIND).inNamespace(namespace).withName(name);
    }

    GenericKubernetesResource read(KubernetesClient client, ApiCalls api, ProgressListener progress) {
        return api.call("read Argo CD Application " + describe(), progress, () -> resource(client).get());
    }

    /** Waits {@code duration} between two reads of an Application. */
    static void pause(Duration duration, String waitingFor) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeployFailure("interrupted while waiting for " + waitingFor);
        }
    }

    /** Whether this installation made the Application: it carries the cluster contract's ownership labels. */
    static boolean isOwnedBy(GenericKubernetesResource application, String installation) {
        Map<String, String> labels = application.getMetadata().getLabels();
        return labels != null && ClusterContract.MANAGED_BY_VALUE.equals(labels.get(ClusterContract.MANAGED_BY))
                && installation.equals(labels.get(ClusterContract.INSTALLATION));
    }
}
