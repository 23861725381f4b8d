package io.jenkins.plugins.branchdeploy.engine.lifecycle;

import io.jenkins.plugins.branchdeploy.engine.ProgressListener;
import io.jenkins.plugins.branchdeploy.engine.cluster.Environment;
import java.util.ArrayList;
import java.util.List;

/**
 * Applies a cleanup plan through {@link EnvironmentActions}. One failed action does not stop the
 * others; a dry run changes nothing. Running the same plan again is harmless, since every action is
 * idempotent.
 */
public final class CleanupExecutor {

    private final EnvironmentActions actions;
    private final ProgressListener listener;

    public CleanupExecutor(EnvironmentActions actions, ProgressListener listener) {
        this.actions = actions;
        this.listener = listener;
    }

    public CleanupReport execute(CleanupPlan plan) {
        List<EnvironmentResult> results = new ArrayList<>(plan.actions().size());
        for (PlannedAction planned : plan.actions()) {
            results.add(apply(planned, plan.dryRun()));
        }
        plan.brakesHeld().forEach(b -> listener.warn("brake held: " + b.description() + "; " + (b.wanted() - b.allowed())
                + " of " + b.wanted() + " teardowns wait for the next run"));
        return new CleanupReport(plan.at(), plan.dryRun(), plan.counts(), results, plan.brakesHeld(), plan.unknownApps(),
                plan.ignoredNamespaces());
    }

    private EnvironmentResult apply(PlannedAction planned, boolean dryRun) {
        Environment env = planned.environment();
        LifecycleAction action = planned.action();
        if (action == LifecycleAction.KEEP || action == LifecycleAction.WARN) {
            if (action == LifecycleAction.WARN) {
                listener.warn(env.namespace() + ": " + planned.reason());
            }
            return result(planned, ActionOutcome.NOTHING_TO_DO, null);
        }
        if (dryRun) {
            listener.info("dry run: would " + action.value() + " " + env.namespace() + ": " + planned.reason());
            return result(planned, ActionOutcome.DRY_RUN, null);
        }
        try {
            switch (action) {
                case TEARDOWN -> actions.teardown(env, planned.teardownCause());
                case SCALE_DOWN -> actions.scaleDown(env, planned.scaleDownCause());
                case WAKE -> actions.wake(env);
                default -> throw new IllegalStateException("no cluster change for " + action);
            }
        } catch (RuntimeException e) {
            String message = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
            listener.warn(action.value() + " " + env.namespace() + " failed: " + message);
            return result(planned, ActionOutcome.FAILED, message);
        }
        listener.info(action.value() + " " + env.namespace() + ": " + planned.reason());
        return result(planned, ActionOutcome.DONE, null);
    }

    private static EnvironmentResult result(PlannedAction planned, ActionOutcome outcome, String message) {
        Environment env = planned.environment();
        return new EnvironmentResult(env.namespace(), env.app(), env.environment(), env.branch(), env.change(),
                planned.action(), planned.reason(), outcome, message);
    }
}
