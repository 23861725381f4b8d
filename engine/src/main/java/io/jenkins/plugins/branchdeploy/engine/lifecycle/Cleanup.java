package io.jenkins.plugins.branchdeploy.engine.lifecycle;

import io.jenkins.plugins.branchdeploy.engine.ProgressListener;
import io.jenkins.plugins.branchdeploy.engine.cluster.BranchEnvironments;
import io.jenkins.plugins.branchdeploy.engine.cluster.Environment;
import java.time.Clock;
import java.util.List;
import java.util.Objects;

/**
 * One cleanup run against a cluster: one inventory call, the plan for the time now, and its
 * execution. The rules read only what the namespaces record, so runs may come from anywhere and
 * survive restarts.
 */
public final class Cleanup {

    private final BranchEnvironments environments;
    private final EnvironmentActions actions;
    private final CleanupPolicy policy;
    private final CleanupPlanner planner;
    private final Clock clock;
    private final TeardownGate gate;

    /**
     * @param environments where the inventory comes from
     * @param actions how the plan's changes are made, usually {@code BranchDeployer#cleanupActions} of a deployer on the same environments
     * @param policy the rules' settings, brakes and dry run
     * @param clock the time the plan is made for
     */
    public Cleanup(BranchEnvironments environments, EnvironmentActions actions, CleanupPolicy policy, Clock clock) {
        this(environments, actions, policy, clock, new TeardownGate(clock));
    }

    private Cleanup(BranchEnvironments environments, EnvironmentActions actions, CleanupPolicy policy, Clock clock, TeardownGate gate) {
        this.environments = Objects.requireNonNull(environments, "environments");
        this.actions = Objects.requireNonNull(actions, "actions");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.planner = new CleanupPlanner(policy);
        this.clock = Objects.requireNonNull(clock, "clock");
        this.gate = Objects.requireNonNull(gate, "gate");
    }

    /**
     * This run's teardowns pass {@code installationGate}, shared with every other path that tears
     * down the installation's environments, and it retries the teardowns that gate held. Without
     * one, the run has a gate of its own.
     */
    public Cleanup withGate(TeardownGate installationGate) {
        return new Cleanup(environments, actions, policy, clock, installationGate);
    }

    /**
     * @param scm what source control says about each app
     * @param progress where each action and each brake that held is reported
     * @return what was done; a failed action is in the report, it does not stop the run
     * @throws io.jenkins.plugins.branchdeploy.engine.cluster.ClusterApiException when the inventory cannot be read (nothing is changed then)
     */
    public CleanupReport run(ScmState scm, ProgressListener progress) {
        List<Environment> inventory = environments.inventory().all();
        CleanupPlan plan = planner.plan(inventory, scm, clock.instant(), gate.held());
        forgetUnwantedHolds(inventory, scm);
        progress.info("Cleanup of " + plan.actions().size() + " environments of installation " + environments.installation()
                + (plan.dryRun() ? " (dry run)" : ""));
        return new CleanupExecutor(actions, progress, gate, policy).execute(plan);
    }

    /** A held teardown whose environment is gone, or whose branch or pull request is live again, is no longer wanted. */
    private void forgetUnwantedHolds(List<Environment> inventory, ScmState scm) {
        gate.keepOnly(inventory.stream().map(Environment::namespace).toList());
        inventory.stream().filter(e -> CleanupPlanner.isLive(e, scm)).forEach(e -> gate.forget(e.namespace()));
    }
}
