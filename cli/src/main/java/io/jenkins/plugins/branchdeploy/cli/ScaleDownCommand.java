package io.jenkins.plugins.branchdeploy.cli;

import io.jenkins.plugins.branchdeploy.engine.ProgressListener;
import io.jenkins.plugins.branchdeploy.engine.cluster.Environment;
import io.jenkins.plugins.branchdeploy.engine.cluster.EnvironmentLifecycle;
import io.jenkins.plugins.branchdeploy.engine.cluster.EnvironmentRef;
import io.jenkins.plugins.branchdeploy.engine.cluster.ScaleDownCause;
import picocli.CommandLine.Command;

/** {@code branch-deploy scale-down}: scales an environment to zero by hand. */
@Command(name = "scale-down", mixinStandardHelpOptions = true,
        description = "Scales a branch's environment to zero: every Deployment and StatefulSet goes to 0 replicas, keeping its count for wake. "
                + "Cleanup never wakes it; the next deploy or 'wake' does.")
class ScaleDownCommand extends EnvironmentCommand {

    @Override
    void change(EnvironmentLifecycle lifecycle, EnvironmentRef environment, ProgressListener progress) {
        lifecycle.scaleDown(environment, ScaleDownCause.MANUAL, progress);
    }

    @Override
    String done(Environment after) {
        return "Scaled down " + after.namespace() + "; the next deploy or 'branch-deploy wake' brings it back";
    }
}
