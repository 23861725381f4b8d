package io.jenkins.plugins.branchdeploy.engine.cluster;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.jenkins.plugins.branchdeploy.engine.ProgressListener;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads resources back from the cluster to compare environments: those an environment's last deploy
 * applied, or all those of the same kinds in a reference namespace. Never writes. Left out on both
 * sides is what no manifest wrote: the environment's own ResourceQuota, LimitRange and
 * NetworkPolicy, and what Kubernetes puts into every namespace.
 */
final class LiveResources {

    private final KubernetesClient client;
    private final ApiCalls api;
    private final CustomKinds customKinds;

    LiveResources(KubernetesClient client, ApiCalls api) {
        this.client = client;
        this.api = api;
        this.customKinds = new CustomKinds(client, api);
    }

    /** The resources recorded as applied in {@code namespace}, as they are now; those gone since are left out. */
    List<HasMetadata> applied(String namespace, Collection<AppliedResource> applied, ProgressListener progress) {
        List<HasMetadata> resources = new ArrayList<>();
        for (AppliedResource resource : applied) {
            HasMetadata live = read(namespace, resource, progress);
            if (live != null && !isUnwritten(live)) {
                resources.add(live);
            }
        }
        return resources;
    }

    /** Every resource in {@code namespace} of the kinds (API version and kind) that {@code examples} have. */
    List<HasMetadata> ofKinds(String namespace, Collection<? extends HasMetadata> examples, ProgressListener progress) {
        Map<String, HasMetadata> kinds = new LinkedHashMap<>();
        examples.forEach(e -> kinds.putIfAbsent(e.getApiVersion() + "/" + e.getKind(), e));
        List<HasMetadata> resources = new ArrayList<>();
        for (HasMetadata example : kinds.values()) {
            String action = "list the " + example.getKind() + " resources of namespace " + namespace;
            List<? extends HasMetadata> items;
            if (isCustom(example.getApiVersion(), example.getKind())) {
                ResourceDefinitionContext kind = customKinds.definitionOf(example.getApiVersion(), example.getKind(), progress);
                if (kind == null) {
                    continue;
                }
                items = api.call(action, progress, () -> client.genericKubernetesResources(kind).inNamespace(namespace).list().getItems());
            } else {
                items = api.call(action, progress, () -> client.resources(example.getClass()).inNamespace(namespace).list().getItems());
            }
            items.stream().filter(r -> !isUnwritten(r)).forEach(resources::add);
        }
        return resources;
    }

    private HasMetadata read(String namespace, AppliedResource resource, ProgressListener progress) {
        String action = "read " + resource.kindAndName() + " in " + namespace;
        if (isCustom(resource.apiVersion(), resource.kind())) {
            ResourceDefinitionContext kind = customKinds.definitionOf(resource.apiVersion(), resource.kind(), progress);
            return kind == null ? null : api.call(action, progress,
                    () -> client.genericKubernetesResources(kind).inNamespace(namespace).withName(resource.name()).get());
        }
        HasMetadata typed = (HasMetadata) typed(resource.apiVersion(), resource.kind(), resource.name());
        return api.call(action, progress, () -> client.resource(typed).inNamespace(namespace).get());
    }

    /** Whether the kind has no fabric8 model class, so that it is read through API discovery. */
    private boolean isCustom(String apiVersion, String kind) {
        return typed(apiVersion, kind, "any") instanceof GenericKubernetesResource;
    }

    private KubernetesResource typed(String apiVersion, String kind, String name) {
        return client.getKubernetesSerialization().convertValue(
                Map.of("apiVersion", apiVersion, "kind", kind, "metadata", Map.of("name", name)), KubernetesResource.class);
    }

    /** What no manifest wrote: the environment's own limits and isolation, and what Kubernetes adds to every namespace. */
    private static boolean isUnwritten(HasMetadata resource) {
        String kind = resource.getKind();
        String name = resource.getMetadata().getName();
        return ("ResourceQuota".equals(kind) || "LimitRange".equals(kind) || "NetworkPolicy".equals(kind))
                        && EnvironmentResources.NAME.equals(name)
                || "ConfigMap".equals(kind) && "kube-root-ca.crt".equals(name)
                || "ServiceAccount".equals(kind) && "default".equals(name)
                || resource instanceof Secret secret && "kubernetes.io/service-account-token".equals(secret.getType());
    }
}
