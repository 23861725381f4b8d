package io.jenkins.plugins.branchdeploy.engine.manifest;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;

/**
 * One Kubernetes object rendered from the manifests, ready to apply: placeholders replaced and its
 * namespace set to the environment's.
 *
 * @param resource the object: a typed fabric8 model for Kubernetes' own kinds, a
 *        {@link GenericKubernetesResource} for custom resources
 * @param origin where it came from, e.g. {@code web/deployment.yaml, document 2}
 */
public record RenderedManifest(HasMetadata resource, String origin) {

    public String kind() {
        return resource.getKind();
    }

    public String name() {
        return resource.getMetadata().getName();
    }

    /** {@code Kind/name}, e.g. {@code Deployment/web}. */
    public String kindAndName() {
        return kind() + "/" + name();
    }

    /** Whether this is a custom resource (a kind Kubernetes itself does not define). */
    public boolean isCustomResource() {
        return resource instanceof GenericKubernetesResource;
    }

    /** The origin and the object, for error messages: {@code web.yaml, document 2 (Deployment/web)}. */
    public String describe() {
        return origin + " (" + kindAndName() + ")";
    }
}
