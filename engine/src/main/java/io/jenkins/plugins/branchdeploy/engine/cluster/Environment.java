package io.jenkins.plugins.branchdeploy.engine.cluster;

import java.time.Instant;

/**
 * One environment of this installation as its namespace records it (docs/cluster-contract.md). Read from the
 * cluster by the inventory; the input of the lifecycle policy.
 *
 * @param namespace the namespace name
 * @param app the app slug (label)
 * @param environment the environment id (label)
 * @param branch the original branch name (annotation)
 * @param change the pull request number, or {@code null}
 * @param commit the deployed commit, or {@code null}
 * @param url the live URL, or {@code null}
 * @param status the recorded status, or {@code null} when missing or unreadable
 * @param createdAt when the environment was first deployed, or {@code null}
 * @param deployedAt when it was last deployed, or {@code null}
 * @param expiresAt when its time-to-live runs out, or {@code null}
 * @param keepUntil an extension set by "extend", or {@code null}
 * @param scaledDownBy why it is scaled down, or {@code null} when it is not (or the cause is not recorded)
 * @param owner the project that owns it ({@link ClusterContract#OWNER}), or {@code null}
 * @param deployedBy the run whose deploy the environment holds ({@link ClusterContract#DEPLOYED_BY}), or {@code null}
 * @param databaseBranch its database branch ({@link ClusterContract#DATABASE_BRANCH}), or {@code null}
 * @param variant what a variant was copied from and who made it, or {@code null} for a branch's or pull request's environment
 */
public record Environment(
        String namespace,
        String app,
        String environment,
        String branch,
        Integer change,
        String commit,
        String url,
        EnvironmentStatus status,
        Instant createdAt,
        Instant deployedAt,
        Instant expiresAt,
        Instant keepUntil,
        ScaleDownCause scaledDownBy,
        String owner,
        String deployedBy,
        String databaseBranch,
        VariantOf variant) {

    /** Whether this is a variant, copied from another environment rather than deployed from a branch. */
    public boolean isVariant() {
        return variant != null;
    }
}
