package io.jenkins.plugins.branchdeploy.cli.sandbox;

import io.jenkins.plugins.branchdeploy.cli.output.EnvironmentTable;
import io.jenkins.plugins.branchdeploy.engine.cluster.Environment;
import java.util.List;

/** Shows every environment of the installation, read back from the cluster as {@code branch-deploy list} does. */
final class InventoryStep implements SandboxStep {

    @Override
    public String title() {
        return "Inventory: every environment of installation " + SandboxTour.INSTALLATION + ", from one list call";
    }

    @Override
    public void run(SandboxTour tour) {
        List<Environment> environments = tour.environments().inventory().all();
        EnvironmentTable.lines(environments).forEach(tour::show);
        tour.show(environments.size() + (environments.size() == 1 ? " environment" : " environments"));
    }
}
