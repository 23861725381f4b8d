package io.jenkins.plugins.branchdeploy.engine.cluster;

import io.jenkins.plugins.branchdeploy.engine.InvalidInputException;

/**
 * What a variant records about where it comes from ({@link ClusterContract#VARIANT_OF},
 * {@link ClusterContract#CREATED_BY}).
 *
 * @param source the environment id of the environment it was copied from, e.g. {@code main}
 * @param createdBy who created it, or {@code null} when unknown
 */
public record VariantOf(String source, String createdBy) {

    public VariantOf {
        if (source == null || source.isBlank()) {
            throw new InvalidInputException("source", "is empty; name the environment the variant is copied from");
        }
        createdBy = createdBy == null || createdBy.isBlank() ? null : createdBy.trim();
    }
}
