package io.jenkins.plugins.branchdeploy.cli;

import io.jenkins.plugins.branchdeploy.engine.ProgressListener;
import io.jenkins.plugins.branchdeploy.engine.cluster.BranchEnvironments;
import io.jenkins.plugins.branchdeploy.engine.cluster.Environment;
import picocli.CommandLine.Command;

/** {@code branch-deploy wake}: brings a scaled-down environment back. */
@Command(name = "wake", mixinStandardHelpOptions = true,
        description = "Wakes a scaled-down environment: restores exactly the replica counts its workloads had before. "
                + "Waking a running environment changes nothing.")
class WakeCommand extends EnvironmentCommand {

    @Override
    void change(BranchEnvironments environments, Environment environment, ProgressListener progress) {
        environments.wake(environment, progress);
    }

    @Override
    String done(Environment after) {
        return "Awake: " + after.namespace() + " (status " + (after.status() == null ? "unknown" : after.status().value()) + ")";
    }
}
