package io.jenkins.plugins.branchdeploy.engine.lifecycle;

/**
 * One environment's line in the cleanup report.
 *
 * @param namespace the namespace
 * @param app the app slug
 * @param environment the environment id
 * @param branch the original branch name, or {@code null}
 * @param change the pull request number, or {@code null}
 * @param action what the plan said
 * @param reason why
 * @param outcome what came of it
 * @param message why it failed, or {@code null}
 */
public record EnvironmentResult(
        String namespace,
        String app,
        String environment,
        String branch,
        Integer change,
        LifecycleAction action,
        String reason,
        ActionOutcome outcome,
        String message) {}
