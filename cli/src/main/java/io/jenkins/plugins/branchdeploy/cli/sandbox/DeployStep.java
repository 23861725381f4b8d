package io.jenkins.plugins.branchdeploy.cli.sandbox;

import io.jenkins.plugins.branchdeploy.engine.cluster.DeployResult;

/** Deploys one branch of the example shop into its own environment. */
record DeployStep(ExampleBranch branch) implements SandboxStep {

    @Override
    public String title() {
        return "Deploy " + branch.describe() + ", image tag " + branch.imageTag();
    }

    @Override
    public void run(SandboxTour tour) {
        DeployResult result = tour.deploy(branch);
        tour.show("Ready: " + result.url());
        tour.show(result.appliedResources().size() + " resources in namespace " + result.names().namespace());
    }
}
