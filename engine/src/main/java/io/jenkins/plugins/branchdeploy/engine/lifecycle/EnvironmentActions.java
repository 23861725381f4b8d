package io.jenkins.plugins.branchdeploy.engine.lifecycle;

import io.jenkins.plugins.branchdeploy.engine.cluster.Environment;
import io.jenkins.plugins.branchdeploy.engine.cluster.ScaleDownCause;

/**
 * The cluster changes cleanup makes; {@code BranchDeployer#cleanupActions} makes them as a deploy
 * and a teardown do. Each is idempotent: tearing down an absent environment, scaling down a
 * scaled-down one or waking a running one succeeds and changes nothing. A failure is thrown as an
 * unchecked exception whose message says what went wrong (never a secret).
 */
public interface EnvironmentActions {

    /**
     * Deletes the environment's namespace (and what belongs to it: its database branch, where there
     * is a database server); absent means done.
     *
     * @param cause the category the installation's metrics count the teardown under
     */
    void teardown(Environment environment, TeardownCause cause);

    /**
     * Scales the environment's workloads to zero, recording the replica counts for {@link #wake}
     * and the cause, which decides whether cleanup may wake it.
     */
    void scaleDown(Environment environment, ScaleDownCause cause);

    /** Restores exactly the replica counts recorded by {@link #scaleDown}. */
    void wake(Environment environment);
}
