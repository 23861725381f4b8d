package io.jenkins.plugins.branchdeploy.cli.sandbox;

import io.jenkins.plugins.branchdeploy.engine.branch.BranchRef;
import io.jenkins.plugins.branchdeploy.engine.cluster.DeployResult;

/**
 * Deploys the example Helm chart (docs/examples/chart) for a branch: rendered by Helm for the
 * sandbox's Kubernetes version, its migration hook run first and its Helm test after the rollout.
 */
record ChartStep() implements SandboxStep {

    static final BranchRef BRANCH = BranchRef.of("shop-chart", "feature/cart");

    @Override
    public String title() {
        return "Deploy the example Helm chart for " + BRANCH.branch() + " (docs/examples/chart), with its hook and Helm test";
    }

    @Override
    public void run(SandboxTour tour) {
        DeployResult result = tour.deployChart(BRANCH);
        tour.show("Ready: " + result.url());
        tour.show(result.appliedResources().size() + " resources in namespace " + result.names().namespace());
    }
}
