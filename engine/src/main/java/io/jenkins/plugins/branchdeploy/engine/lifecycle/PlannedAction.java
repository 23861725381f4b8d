package io.jenkins.plugins.branchdeploy.engine.lifecycle;

import io.jenkins.plugins.branchdeploy.engine.cluster.Environment;

/**
 * The one thing cleanup does with an environment, and why.
 *
 * @param environment the environment as the inventory read it
 * @param action what to do
 * @param reason why, in words, e.g. {@code pull request #41 was merged}
 */
public record PlannedAction(Environment environment, LifecycleAction action, String reason) {}
