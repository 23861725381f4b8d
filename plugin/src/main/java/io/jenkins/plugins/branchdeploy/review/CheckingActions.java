package io.jenkins.plugins.branchdeploy.review;

import hudson.model.Job;
import hudson.model.TaskListener;
import io.jenkins.plugins.branchdeploy.engine.cluster.Environment;
import io.jenkins.plugins.branchdeploy.engine.cluster.ScaleDownCause;
import io.jenkins.plugins.branchdeploy.engine.deploy.DeployCheck;
import io.jenkins.plugins.branchdeploy.engine.lifecycle.EnvironmentActions;
import io.jenkins.plugins.branchdeploy.engine.lifecycle.TeardownCause;
import io.jenkins.plugins.branchdeploy.facade.JenkinsFacade;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Cleanup's changes, each followed by an update of the {@link BranchDeploymentCheck#DEFAULT_NAME}
 * check of the job that deployed the environment (its {@code deployed-by}): torn down, or scaled
 * down. A check that cannot be published is logged; the change stands.
 */
public final class CheckingActions implements EnvironmentActions {

    private static final Logger LOGGER = Logger.getLogger(CheckingActions.class.getName());
    private static final JenkinsFacade JENKINS = new JenkinsFacade();

    private final EnvironmentActions actions;
    private final TaskListener listener;

    public CheckingActions(EnvironmentActions actions, TaskListener listener) {
        this.actions = actions;
        this.listener = listener;
    }

    @Override
    public void teardown(Environment environment, TeardownCause cause) {
        actions.teardown(environment, cause);
        publish(environment, DeployCheck.tornDown(environment.namespace(), "cleanup (" + cause.value() + ")"));
    }

    @Override
    public void scaleDown(Environment environment, ScaleDownCause cause) {
        actions.scaleDown(environment, cause);
        publish(environment, DeployCheck.scaledDown(environment.namespace(), cause.value()));
    }

    @Override
    public void wake(Environment environment) {
        actions.wake(environment);
    }

    private void publish(Environment environment, DeployCheck check) {
        String run = environment.deployedBy();
        int hash = run == null ? -1 : run.lastIndexOf('#');
        if (hash <= 0) {
            return;
        }
        try {
            Job<?, ?> job = JENKINS.getItemByFullName(run.substring(0, hash), Job.class);
            if (job != null) {
                new BranchDeploymentCheck(null).changed(job, listener, check);
            }
        } catch (RuntimeException e) {
            LOGGER.log(Level.WARNING, "The check of " + run + " was not updated", e);
        }
    }
}
