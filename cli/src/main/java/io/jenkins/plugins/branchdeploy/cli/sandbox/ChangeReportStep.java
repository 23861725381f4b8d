package io.jenkins.plugins.branchdeploy.cli.sandbox;

import io.jenkins.plugins.branchdeploy.engine.report.ChangeReport;
import io.jenkins.plugins.branchdeploy.engine.report.ChangeReportText;
import io.jenkins.plugins.branchdeploy.engine.report.ChangeReporter;

/**
 * Shows what a branch changes versus main, as a reviewer sees it: both branches' manifests
 * rendered as their deploys render them, compared resource by resource.
 */
record ChangeReportStep(ExampleBranch branch, ExampleBranch main) implements SandboxStep {

    @Override
    public String title() {
        return "What " + branch.describe() + " changes versus " + main.describe();
    }

    @Override
    public void run(SandboxTour tour) {
        ChangeReport report = ChangeReporter.compare(tour.render(branch), tour.ownValues(branch), tour.render(main),
                tour.ownValues(main), main.describe());
        ChangeReportText.render(report).lines().forEach(tour::show);
        tour.show("(the host, URL and branch name of each environment are compared as ${HOST}, ${URL} and ${BRANCH}: "
                + "only the branch's own change is left)");
    }
}
