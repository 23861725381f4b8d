package io.jenkins.plugins.branchdeploy.overview;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.branchdeploy.engine.variant.VariantResult;

/** A variant just created, as its result page shows it: the link to share, where it comes from, until when it lives. */
public final class CreatedVariant {

    private final String cluster;
    private final VariantResult result;

    CreatedVariant(String cluster, VariantResult result) {
        this.cluster = cluster;
        this.result = result;
    }

    public boolean isReady() {
        return result.succeeded();
    }

    /** The link to share, or {@code null} when nothing routes to the variant. */
    @CheckForNull
    public String getUrl() {
        return result.url();
    }

    /** Why the variant's deploy failed, or {@code null}. */
    @CheckForNull
    public String getReason() {
        return result.deploy().failureReason();
    }

    public String getEnvironment() {
        return result.names().environment();
    }

    public String getNamespace() {
        return result.names().namespace();
    }

    public String getCluster() {
        return cluster;
    }

    /** The environment id of the environment it was copied from. */
    public String getSource() {
        return result.source().environment();
    }

    @CheckForNull
    public String getCreatedBy() {
        return result.createdBy();
    }

    /** When its time to live runs out, ISO-8601, or empty when not recorded. */
    public String getExpiresAt() {
        return result.expiresAt() == null ? "" : result.expiresAt().toString();
    }
}
