package io.jenkins.plugins.branchdeploy.cli;

import io.jenkins.plugins.branchdeploy.engine.ProgressListener;
import io.jenkins.plugins.branchdeploy.engine.cluster.Environment;
import io.jenkins.plugins.branchdeploy.engine.cluster.EnvironmentLifecycle;
import io.jenkins.plugins.branchdeploy.engine.cluster.EnvironmentRef;
import picocli.CommandLine.Command;

/** {@code branch-deploy wake}: brings a scaled-down environment back. */
@Command(name = "wake", mixinStandardHelpOptions = true,
        description = "Wakes a scaled-down environment: restores exactly the replica counts its workloads had before. "
                + "Waking a running environment changes nothing.")
class WakeCommand extends EnvironmentCommand {

    @Override
    void change(EnvironmentLifecycle lifecycle, EnvironmentRef environment, ProgressListener progress) {
        lifecycle.wake(environment, progress);
    }

    @Override
    String done(Environment after) {
        return "Awake: " + after.namespace() + " (status " + (after.status() == null ? "unknown" : after.status().value()) + ")";
    }
}
