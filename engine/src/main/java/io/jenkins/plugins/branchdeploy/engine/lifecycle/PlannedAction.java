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
 */
public record PlannedAction(Environment environment, LifecycleAction action, String reason, ScaleDownCause scaleDownCause) {

    /** An action other than scale-down. */
    public PlannedAction(Environment environment, LifecycleAction action, String reason) {
        this(environment, action, reason, null);
    }
}
