package io.jenkins.plugins.branchdeploy.engine.cluster;

import io.fabric8.kubernetes.api.model.HasMetadata;

/**
 * A resource a deploy applied into the environment's namespace, as recorded for pruning.
 *
 * @param apiVersion e.g. {@code apps/v1}
 * @param kind e.g. {@code Deployment}
 * @param name the object's name
 */
record AppliedResource(String apiVersion, String kind, String name) {

    static AppliedResource of(HasMetadata resource) {
        return new AppliedResource(resource.getApiVersion(), resource.getKind(), resource.getMetadata().getName());
    }

    /** Reads {@code apps/v1/Deployment/web}; {@code null} when malformed. */
    static AppliedResource parse(String text) {
        int nameAt = text.lastIndexOf('/');
        int kindAt = nameAt <= 0 ? -1 : text.lastIndexOf('/', nameAt - 1);
        if (kindAt <= 0) {
            return null;
        }
        return new AppliedResource(text.substring(0, kindAt), text.substring(kindAt + 1, nameAt), text.substring(nameAt + 1));
    }

    String kindAndName() {
        return kind + "/" + name;
    }

    @Override
    public String toString() {
        return apiVersion + "/" + kind + "/" + name;
    }
}
