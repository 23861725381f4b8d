package io.jenkins.plugins.branchdeploy.engine.cluster;

/**
 * The labels and annotations every environment namespace carries (docs/cluster-contract.md). Cleanup and
 * teardown act only on namespaces whose {@link #MANAGED_BY} and {@link #INSTALLATION} labels both
 * match; anything else is foreign and never modified.
 */
public final class ClusterContract {

    public static final String PREFIX = "branchdeploy.jenkins.io/";

    public static final String MANAGED_BY = "app.kubernetes.io/managed-by";
    public static final String MANAGED_BY_VALUE = "branch-deploy";

    public static final String INSTALLATION = PREFIX + "installation";
    public static final String APP = PREFIX + "app";
    public static final String ENVIRONMENT = PREFIX + "environment";

    public static final String BRANCH = PREFIX + "branch";
    public static final String CHANGE = PREFIX + "change";
    public static final String COMMIT = PREFIX + "commit";
    public static final String DEPLOYED_AT = PREFIX + "deployed-at";
    public static final String CREATED_AT = PREFIX + "created-at";
    public static final String EXPIRES_AT = PREFIX + "expires-at";
    public static final String URL = PREFIX + "url";
    public static final String STATUS = PREFIX + "status";
    public static final String KEEP_UNTIL = PREFIX + "keep-until";
    /**
     * The project that owns the environment, e.g. a Jenkins multibranch project's full name; absent
     * for environments deployed without one (the command line). A deploy, teardown, extend,
     * scale-down or wake scoped to a project ({@link BranchEnvironments#ownedBy}) refuses an
     * environment whose owner is another project; a scoped deploy of an environment without an
     * owner adopts it.
     */
    public static final String OWNER = PREFIX + "owner";
    /**
     * The run whose deploy the environment holds, as the front end names it (a Jenkins build's
     * {@code folder/project/PR-42#7}), so that a page can link to it; absent when the deploy named
     * none (the command line). An unchanged redeploy writes nothing and so keeps it.
     */
    public static final String DEPLOYED_BY = PREFIX + "deployed-by";

    /**
     * The database branch a deploy created for the environment: the name of its database (or
     * schema) and role on the PostgreSQL server. Kept by later deploys without one, so that every
     * teardown knows what to drop, or to report as left behind when it has no admin connection.
     */
    public static final String DATABASE_BRANCH = PREFIX + "database-branch";

    /**
     * On a variant: the environment id of the environment it was copied from. Cleanup never tears a
     * variant down for branch state, only when its time to live runs out. Written with the creator
     * under {@link #VARIANT_FIELD_MANAGER} before anything else of the variant.
     */
    public static final String VARIANT_OF = PREFIX + "variant-of";
    /** On a variant: who created it (a Jenkins user id, or the command line's {@code --created-by}), or absent. */
    public static final String CREATED_BY = PREFIX + "created-by";

    /**
     * While the status is {@code deploying}: when that deploy ends at the latest (its start, its
     * rollout timeout and {@code DeployRun}'s allowance for the other phases). Past it, the
     * environment reads as {@code interrupted}.
     */
    public static final String DEPLOY_DEADLINE = PREFIX + "deploy-deadline";

    /** Why the environment is scaled down (with status {@code scaled-down}): {@code idle}, {@code schedule} or {@code manual}. */
    public static final String SCALED_DOWN_BY = PREFIX + "scaled-down-by";
    /** The status before the scale-down, which wake restores. */
    public static final String SCALED_DOWN_FROM = PREFIX + "scaled-down-from";
    /** On a Deployment or StatefulSet: the replica count before the scale-down, which wake restores. */
    public static final String REPLICAS = PREFIX + "replicas";

    /** Why the last deploy failed (with status {@code failed}). */
    public static final String STATUS_REASON = PREFIX + "status-reason";
    /** What the last deploy applied, for pruning: a JSON array of {@code apiVersion/Kind/name}. */
    public static final String APPLIED = PREFIX + "applied";
    /** A digest of the last successful deploy's input (never of secret values), to skip unchanged redeploys. */
    public static final String FINGERPRINT = PREFIX + "fingerprint";
    /**
     * With the fingerprint, when the deploy was of plain YAML: a digest of everything it was given
     * ({@code InputDigest}), so that a redeploy given the same is decided without rendering.
     */
    public static final String INPUT_DIGEST = PREFIX + "input-digest";
    /** With the input digest: what that deploy changed and warned about, as a JSON object of two arrays. */
    public static final String DEPLOY_NOTES = PREFIX + "deploy-notes";
    /** The environment's last deploys as compact JSON ({@code DeployHistoryJson}), newest first, bounded. */
    public static final String HISTORY = PREFIX + "history";

    /**
     * Who opened the environment's review link and when ({@code ReviewOpensJson}): a Jenkins user id
     * or {@code --user}, none when anonymous; newest first, bounded. Written under
     * {@link #OPENS_FIELD_MANAGER}, so that deploys leave it alone.
     */
    public static final String OPENS = PREFIX + "opens";

    /**
     * The {@code coordination.k8s.io/v1} Lease in an environment's namespace that one process at a
     * time holds while it changes the environment ({@link EnvironmentLease}).
     */
    public static final String LEASE = "branch-deploy";

    /**
     * On the namespace of an environment applied by Argo CD: its {@code Application}, as
     * {@code NAMESPACE/NAME}, which teardown deletes first. Written under {@link #ARGOCD_FIELD_MANAGER}.
     */
    public static final String ARGOCD_APPLICATION = PREFIX + "argocd-application";

    /** Server-side apply field manager for everything the engine writes. */
    public static final String FIELD_MANAGER = "branch-deploy";
    /**
     * Field manager of the {@link #HISTORY} annotation alone. A manager of its own, because a
     * server-side apply drops every field its manager applied before and leaves out now: the deploy
     * record, applied by {@link #FIELD_MANAGER}, would otherwise remove the history each time.
     */
    public static final String HISTORY_FIELD_MANAGER = "branch-deploy-history";
    /** Field manager of the {@link #OPENS} annotation alone, for the same reason as {@link #HISTORY_FIELD_MANAGER}. */
    public static final String OPENS_FIELD_MANAGER = "branch-deploy-opens";

    /** Field manager of a variant's {@link #VARIANT_OF} and {@link #CREATED_BY}, so that deploys leave them alone. */
    public static final String VARIANT_FIELD_MANAGER = "branch-deploy-variant";

    /** Field manager of the {@link #ARGOCD_APPLICATION} annotation alone, for the same reason as {@link #HISTORY_FIELD_MANAGER}. */
    public static final String ARGOCD_FIELD_MANAGER = "branch-deploy-argocd";

    private ClusterContract() {}

    /** The label selector that finds exactly this installation's environments. */
    public static String ownedBy(String installation) {
        return MANAGED_BY + "=" + MANAGED_BY_VALUE + "," + INSTALLATION + "=" + installation;
    }
}
