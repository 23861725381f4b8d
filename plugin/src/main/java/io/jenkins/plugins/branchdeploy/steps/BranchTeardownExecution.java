package io.jenkins.plugins.branchdeploy.steps;

import hudson.EnvVars;
import hudson.model.Run;
import hudson.model.TaskListener;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.SynchronousNonBlockingStepExecution;

/** One run of {@code branchTeardown}, through {@link BuildDeployer}. */
final class BranchTeardownExecution extends SynchronousNonBlockingStepExecution<Void> {

    private static final long serialVersionUID = 1L;

    private final transient BranchTeardownStep step;

    BranchTeardownExecution(BranchTeardownStep step, StepContext context) {
        super(context);
        this.step = step;
    }

    @Override
    protected Void run() throws Exception {
        StepContext context = getContext();
        new BuildDeployer(context.get(Run.class), context.get(EnvVars.class), context.get(TaskListener.class)).teardown(step);
        return null;
    }
}
