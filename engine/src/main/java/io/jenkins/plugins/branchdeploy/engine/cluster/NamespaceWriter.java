package io.jenkins.plugins.branchdeploy.engine.cluster;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.jenkins.plugins.branchdeploy.engine.ProgressListener;
import io.jenkins.plugins.branchdeploy.engine.manifest.HelmHooks;
import java.util.Map;

/**
 * Writes into exactly one namespace: server-side applies objects (field manager
 * {@value ClusterContract#FIELD_MANAGER}) and deletes them, whatever their kind. Every object is
 * put into the namespace before it is sent, so nothing lands anywhere else.
 */
final class NamespaceWriter {

    private final KubernetesClient client;
    private final ApiCalls api;
    private final CustomKinds customKinds;
    private final String namespace;

    NamespaceWriter(KubernetesClient client, ApiCalls api, CustomKinds customKinds, String namespace) {
        this.client = client;
        this.api = api;
        this.customKinds = customKinds;
        this.namespace = namespace;
    }

    /** Applies one object; custom resources need their kind's definition. */
    void apply(HasMetadata resource, ResourceDefinitionContext customKind, ProgressListener progress) {
        resource.getMetadata().setNamespace(namespace);
        String action = "apply " + resource.getKind() + "/" + resource.getMetadata().getName() + " in " + namespace;
        if (resource instanceof GenericKubernetesResource generic) {
            api.run(action, progress, () -> client.genericKubernetesResources(customKind).inNamespace(namespace).resource(generic)
                    .fieldManager(ClusterContract.FIELD_MANAGER).forceConflicts().serverSideApply());
        } else {
            api.run(action, progress, () -> client.resource(resource).inNamespace(namespace)
                    .fieldManager(ClusterContract.FIELD_MANAGER).forceConflicts().serverSideApply());
        }
    }

    /** Whether the live object asks to be kept ({@code helm.sh/resource-policy: keep}) when its chart drops it. */
    boolean isKept(AppliedResource applied, ProgressListener progress) {
        HasMetadata typed = typed(applied);
        if (typed == null) {
            return false;
        }
        HasMetadata live = api.call("read " + applied.kindAndName() + " in " + namespace, progress,
                () -> client.resource(typed).inNamespace(namespace).get());
        return live != null && HelmHooks.isKept(live);
    }

    private HasMetadata typed(AppliedResource applied) {
        KubernetesResource typed = client.getKubernetesSerialization().convertValue(Map.of(
                "apiVersion", applied.apiVersion(), "kind", applied.kind(),
                "metadata", Map.of("name", applied.name(), "namespace", namespace)), KubernetesResource.class);
        return typed instanceof GenericKubernetesResource ? null : (HasMetadata) typed;
    }

    /** Deletes one object recorded by an earlier deploy; an object already gone is fine. */
    void delete(AppliedResource applied, ProgressListener progress) {
        String action = "prune " + applied.kindAndName() + " in " + namespace;
        KubernetesResource typed = client.getKubernetesSerialization().convertValue(Map.of(
                "apiVersion", applied.apiVersion(), "kind", applied.kind(),
                "metadata", Map.of("name", applied.name(), "namespace", namespace)), KubernetesResource.class);
        if (typed instanceof GenericKubernetesResource) {
            ResourceDefinitionContext kind = customKinds.definitionOf(applied.apiVersion(), applied.kind(), progress);
            if (kind == null) {
                progress.warn("cannot prune " + applied.kindAndName() + ": the cluster no longer has kind " + applied.kind()
                        + " in " + applied.apiVersion());
                return;
            }
            api.run(action, progress, () -> client.genericKubernetesResources(kind).inNamespace(namespace).withName(applied.name()).delete());
        } else {
            api.run(action, progress, () -> client.resource((HasMetadata) typed).inNamespace(namespace).delete());
        }
    }
}
