package io.jenkins.plugins.branchdeploy.engine.lifecycle;

import io.jenkins.plugins.branchdeploy.engine.ProgressListener;
import io.jenkins.plugins.branchdeploy.engine.cluster.Environment;
import java.util.ArrayList;
import java.util.List;

/**
 * Applies a cleanup plan through {@link EnvironmentActions}. One failed action does not stop the
 * others; a dry run changes nothing; every teardown passes the installation's {@link TeardownGate}.
 * Running the same plan again is harmless, since every action is idempotent.
 */
public final class CleanupExecutor {

    private final EnvironmentActions actions;
    private final ProgressListener listener;
    private final TeardownGate gate;
    private final CleanupPolicy policy;

    public CleanupExecutor(EnvironmentActions actions, ProgressListener listener, TeardownGate gate, CleanupPolicy policy) {
        this.actions = actions;
        this.listener = listener;
        this.gate = gate;
        this.policy = policy;
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
        if (action == LifecycleAction.TEARDOWN) {
            return tearDown(planned);
        }
        if (dryRun) {
            listener.info("dry run: would " + action.value() + " " + env.namespace() + ": " + planned.reason());
            return result(planned, ActionOutcome.DRY_RUN, null);
        }
        return change(planned, () -> {
            switch (action) {
                case SCALE_DOWN -> actions.scaleDown(env, planned.scaleDownCause());
                case WAKE -> actions.wake(env);
                default -> throw new IllegalStateException("no cluster change for " + action);
            }
        });
    }

    /** A teardown, if the gate lets it through: not in a dry run, not past the burst brake. */
    private EnvironmentResult tearDown(PlannedAction planned) {
        Environment env = planned.environment();
        TeardownGate.Admission admission = gate.admit(env.namespace(), planned.teardownCause(), planned.reason(), policy);
        if (admission instanceof TeardownGate.Admission.DryRun dryRun) {
            listener.info(dryRun.message());
            return result(planned, ActionOutcome.DRY_RUN, null);
        }
        if (admission instanceof TeardownGate.Admission.Held held) {
            listener.warn(env.namespace() + ": " + held.teardown().description());
            return result(planned, ActionOutcome.HELD, held.teardown().description());
        }
        TeardownGate.Admission.Granted granted = (TeardownGate.Admission.Granted) admission;
        EnvironmentResult result = change(planned, () -> actions.teardown(env, planned.teardownCause()));
        gate.finished(granted, result.outcome() == ActionOutcome.DONE);
        return result;
    }

    private EnvironmentResult change(PlannedAction planned, Runnable change) {
        String namespace = planned.environment().namespace();
        try {
            change.run();
        } catch (RuntimeException e) {
            String message = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
            listener.warn(planned.action().value() + " " + namespace + " failed: " + message);
            return result(planned, ActionOutcome.FAILED, message);
        }
        listener.info(planned.action().value() + " " + namespace + ": " + planned.reason());
        return result(planned, ActionOutcome.DONE, null);
    }

    private static EnvironmentResult result(PlannedAction planned, ActionOutcome outcome, String message) {
        Environment env = planned.environment();
        return new EnvironmentResult(env.namespace(), env.app(), env.environment(), env.branch(), env.change(),
                planned.action(), planned.reason(), outcome, message);
    }
}
