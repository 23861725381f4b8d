package io.jenkins.plugins.branchdeploy.engine.lifecycle;

import io.jenkins.plugins.branchdeploy.engine.ProgressListener;
import io.jenkins.plugins.branchdeploy.engine.cluster.BranchEnvironments;
import java.time.Clock;
import java.util.Objects;

/**
 * One cleanup run against a cluster: one inventory call, the plan for the time now, and its
 * execution. The rules read only what the namespaces record, so runs may come from anywhere and
 * survive restarts.
 */
public final class Cleanup {

    private final BranchEnvironments environments;
    private final EnvironmentActions actions;
    private final CleanupPlanner planner;
    private final Clock clock;

    /**
     * @param environments where the inventory comes from
     * @param actions how the plan's changes are made, usually {@code BranchDeployer#cleanupActions} of a deployer on the same environments
     * @param policy the rules' settings, brakes and dry run
     * @param clock the time the plan is made for
     */
    public Cleanup(BranchEnvironments environments, EnvironmentActions actions, CleanupPolicy policy, Clock clock) {
        this.environments = Objects.requireNonNull(environments, "environments");
        this.actions = Objects.requireNonNull(actions, "actions");
        this.planner = new CleanupPlanner(Objects.requireNonNull(policy, "policy"));
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * @param scm what source control says about each app
     * @param progress where each action and each brake that held is reported
     * @return what was done; a failed action is in the report, it does not stop the run
     * @throws io.jenkins.plugins.branchdeploy.engine.cluster.ClusterApiException when the inventory cannot be read (nothing is changed then)
     */
    public CleanupReport run(ScmState scm, ProgressListener progress) {
        CleanupPlan plan = planner.plan(environments.inventory().all(), scm, clock.instant());
        progress.info("Cleanup of " + plan.actions().size() + " environments of installation " + environments.installation()
                + (plan.dryRun() ? " (dry run)" : ""));
        return new CleanupExecutor(actions, progress).execute(plan);
    }
}
