package io.jenkins.plugins.branchdeploy.engine.report;

import java.util.Comparator;

/**
 * A resource's identity within one environment: its kind and name. Two environments' resources
 * with the same key are the same resource in two versions.
 *
 * @param kind the Kubernetes kind, e.g. {@code Deployment}
 * @param name the resource name, e.g. {@code frontend}
 */
public record ResourceKey(String kind, String name) implements Comparable<ResourceKey> {

    private static final Comparator<ResourceKey> ORDER =
            Comparator.comparing(ResourceKey::kind).thenComparing(ResourceKey::name);

    @Override
    public int compareTo(ResourceKey other) {
        return ORDER.compare(this, other);
    }

    /** {@code Kind/name}, as {@code kubectl} writes it. */
    @Override
    public String toString() {
        return kind + "/" + name;
    }
}
