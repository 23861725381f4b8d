package io.jenkins.plugins.branchdeploy.cli.sandbox;

import io.jenkins.plugins.branchdeploy.engine.cluster.DeployResult;
import io.jenkins.plugins.branchdeploy.sandbox.RequestLog;

/** Deploys a branch again with nothing changed, and counts what that wrote to the API server: nothing. */
record RedeployStep(ExampleBranch branch) implements SandboxStep {

    @Override
    public String title() {
        return "Redeploy " + branch.describe() + " with no change";
    }

    @Override
    public void run(SandboxTour tour) {
        RequestLog requests = tour.cluster().requests();
        int requestsBefore = requests.count();
        int writesBefore = requests.writes().size();
        DeployResult result = tour.deploy(branch);
        int writes = requests.writes().size() - writesBefore;
        int reads = requests.count() - requestsBefore - writes;
        tour.show((result.unchanged() ? "Unchanged: " : "Redeployed: ") + result.url());
        tour.show((result.unchanged() ? "unchanged, " : "changed, ") + writes + (writes == 1 ? " write" : " writes")
                + " to the API server (" + reads + (reads == 1 ? " read" : " reads") + ")");
    }
}
