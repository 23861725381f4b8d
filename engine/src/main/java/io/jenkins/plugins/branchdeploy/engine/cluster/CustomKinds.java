package io.jenkins.plugins.branchdeploy.engine.cluster;

import io.fabric8.kubernetes.api.model.APIResource;
import io.fabric8.kubernetes.api.model.APIResourceList;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.jenkins.plugins.branchdeploy.engine.InvalidInputException;
import io.jenkins.plugins.branchdeploy.engine.ProgressListener;
import io.jenkins.plugins.branchdeploy.engine.manifest.RenderedManifest;
import java.util.HashMap;
import java.util.Map;

/**
 * What the cluster says about custom resource kinds (API discovery, one call per group version):
 * whether the kind is installed and whether it is namespaced.
 */
final class CustomKinds {

    private final KubernetesClient client;
    private final ApiCalls api;
    private final Map<String, APIResourceList> discovered = new HashMap<>();

    CustomKinds(KubernetesClient client, ApiCalls api) {
        this.client = client;
        this.api = api;
    }

    /** The definition of a rendered custom resource's kind; refuses kinds the cluster lacks or that are cluster-scoped. */
    ResourceDefinitionContext definitionOf(RenderedManifest manifest, ProgressListener progress) {
        String apiVersion = manifest.resource().getApiVersion();
        APIResource resource = find(apiVersion, manifest.kind(), progress);
        if (resource == null) {
            throw new InvalidInputException("manifests", manifest.describe() + ": the cluster has no kind " + manifest.kind()
                    + " in " + apiVersion + "; install its CustomResourceDefinition first, or remove the document");
        }
        if (!Boolean.TRUE.equals(resource.getNamespaced())) {
            throw new InvalidInputException("manifests", manifest.describe() + ": " + manifest.kind()
                    + " is cluster-scoped, and an environment holds only resources of its own namespace; remove the document");
        }
        return ResourceDefinitionContext.fromApiResource(apiVersion, resource);
    }

    /** The definition of a kind if the cluster still has it, else {@code null}. */
    ResourceDefinitionContext definitionOf(String apiVersion, String kind, ProgressListener progress) {
        APIResource resource = find(apiVersion, kind, progress);
        return resource == null ? null : ResourceDefinitionContext.fromApiResource(apiVersion, resource);
    }

    private APIResource find(String apiVersion, String kind, ProgressListener progress) {
        APIResourceList list = discovered.computeIfAbsent(apiVersion,
                v -> api.call("discover the kinds of " + v, progress, () -> client.getApiResources(v)));
        if (list == null || list.getResources() == null) {
            return null;
        }
        return list.getResources().stream()
                .filter(r -> kind.equals(r.getKind()) && !r.getName().contains("/"))
                .findFirst().orElse(null);
    }
}
