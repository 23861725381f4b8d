package io.jenkins.plugins.branchdeploy.engine.cluster;

import io.jenkins.plugins.branchdeploy.engine.ProgressListener;
import io.jenkins.plugins.branchdeploy.engine.lifecycle.EnvironmentActions;

/** The cleanup's cluster changes, made through {@link BranchEnvironments} (ownership checked on every one). */
public final class KubernetesEnvironmentActions implements EnvironmentActions {

    private final BranchEnvironments environments;
    private final ProgressListener progress;

    /** @param progress where each step of each change is reported (deleted namespaces, scaled workloads, retries) */
    public KubernetesEnvironmentActions(BranchEnvironments environments, ProgressListener progress) {
        this.environments = environments;
        this.progress = progress;
    }

    @Override
    public void teardown(Environment environment) {
        environments.teardown(environment, progress);
    }

    @Override
    public void scaleDown(Environment environment, ScaleDownCause cause) {
        environments.scaleDown(environment, cause, progress);
    }

    @Override
    public void wake(Environment environment) {
        environments.wake(environment, progress);
    }
}
