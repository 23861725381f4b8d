package io.jenkins.plugins.branchdeploy.engine.deploy;

import io.jenkins.plugins.branchdeploy.engine.ProgressListener;
import io.jenkins.plugins.branchdeploy.engine.cluster.BranchEnvironments;
import io.jenkins.plugins.branchdeploy.engine.cluster.Environment;
import io.jenkins.plugins.branchdeploy.engine.cluster.EnvironmentRef;
import io.jenkins.plugins.branchdeploy.engine.cluster.ScaleDownCause;
import io.jenkins.plugins.branchdeploy.engine.lifecycle.EnvironmentActions;
import io.jenkins.plugins.branchdeploy.engine.lifecycle.TeardownCause;

/** See {@link BranchDeployer#cleanupActions}: teardowns through the deployer, scaling straight on the cluster. */
final class DeployerActions implements EnvironmentActions {

    private final BranchDeployer deployer;
    private final BranchEnvironments environments;
    private final ProgressListener progress;

    DeployerActions(BranchDeployer deployer, BranchEnvironments environments, ProgressListener progress) {
        this.deployer = deployer;
        this.environments = environments;
        this.progress = progress;
    }

    @Override
    public void teardown(Environment environment, TeardownCause cause) {
        deployer.teardown(environment, cause, progress);
    }

    @Override
    public void scaleDown(Environment environment, ScaleDownCause cause) {
        environments.lifecycle().scaleDown(EnvironmentRef.of(environment), cause, progress);
    }

    @Override
    public void wake(Environment environment) {
        environments.lifecycle().wake(EnvironmentRef.of(environment), progress);
    }
}
