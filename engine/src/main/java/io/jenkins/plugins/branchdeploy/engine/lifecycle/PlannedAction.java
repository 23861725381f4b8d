package io.jenkins.plugins.branchdeploy.engine.lifecycle;

import io.jenkins.plugins.branchdeploy.engine.cluster.Environment;
import io.jenkins.plugins.branchdeploy.engine.cluster.ScaleDownCause;

/**
 * The one thing cleanup does with an environment, and why.
 *
 * @param environment the environment as the inventory read it
 * @param action what to do
 * @param reason why, in words, e.g. {@code pull request #41 was merged}
 * @param scaleDownCause for a scale-down, whether the idle rule or the schedule asked for it; otherwise {@code null}
 * @param teardownCause for a teardown, its category for the metrics; otherwise {@code null}
 */
public record PlannedAction(Environment environment, LifecycleAction action, String reason, ScaleDownCause scaleDownCause,
        TeardownCause teardownCause) {

    public PlannedAction {
        if ((action == LifecycleAction.SCALE_DOWN) != (scaleDownCause != null)) {
            throw new IllegalArgumentException("a scale-down, and only a scale-down, has a scale-down cause: " + action);
        }
        if ((action == LifecycleAction.TEARDOWN) != (teardownCause != null)) {
            throw new IllegalArgumentException("a teardown, and only a teardown, has a teardown cause: " + action);
        }
    }

    /** Keep, warn or wake. */
    public PlannedAction(Environment environment, LifecycleAction action, String reason) {
        this(environment, action, reason, null, null);
    }

    public static PlannedAction teardown(Environment environment, TeardownCause cause, String reason) {
        return new PlannedAction(environment, LifecycleAction.TEARDOWN, reason, null, cause);
    }

    public static PlannedAction scaleDown(Environment environment, ScaleDownCause cause, String reason) {
        return new PlannedAction(environment, LifecycleAction.SCALE_DOWN, reason, cause, null);
    }
}
