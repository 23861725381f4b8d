package io.jenkins.plugins.branchdeploy.cli.sandbox;

import io.jenkins.plugins.branchdeploy.engine.deploy.BranchDeployer;
import io.jenkins.plugins.branchdeploy.engine.history.InMemoryMetricsStore;
import io.jenkins.plugins.branchdeploy.engine.lifecycle.ChangeState;
import io.jenkins.plugins.branchdeploy.engine.lifecycle.Cleanup;
import io.jenkins.plugins.branchdeploy.engine.lifecycle.CleanupPolicy;
import io.jenkins.plugins.branchdeploy.engine.lifecycle.CleanupReport;
import io.jenkins.plugins.branchdeploy.engine.lifecycle.ScmState;
import java.time.Clock;
import java.util.Map;
import java.util.Set;

/**
 * Merges the example pull request and runs cleanup as Jenkins' periodic task would: source control
 * now lists the two branches and pull request #42 as merged, so its environment goes and the
 * others stay.
 */
final class CleanupStep implements SandboxStep {

    private final ExampleBranch merged;

    CleanupStep(ExampleBranch merged) {
        this.merged = merged;
    }

    @Override
    public String title() {
        return "Merge " + merged.describe() + " and run cleanup";
    }

    @Override
    public void run(SandboxTour tour) {
        int change = merged.ref().change().number();
        ScmState scm = ScmState.builder("not scanned in the sandbox")
                .scanned(ExampleBranch.APP,
                        Set.of(ExampleBranch.MAIN.ref().branch(), ExampleBranch.FEATURE.ref().branch()),
                        Map.of(change, ChangeState.MERGED))
                .build();
        tour.show("Source control says: branches main and " + ExampleBranch.FEATURE.ref().branch()
                + " exist, pull request #" + change + " was merged");
        BranchDeployer deployer = new BranchDeployer(tour.environments(), new InMemoryMetricsStore());
        Cleanup cleanup = new Cleanup(tour.environments(), deployer.cleanupActions(tour.progress()),
                CleanupPolicy.defaults(), Clock.systemUTC());
        CleanupReport report = cleanup.run(scm, tour.progress());
        report.toText().lines().forEach(tour::show);
    }
}
