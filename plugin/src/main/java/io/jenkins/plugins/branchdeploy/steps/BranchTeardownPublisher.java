package io.jenkins.plugins.branchdeploy.steps;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.EnvVars;
import hudson.Extension;
import hudson.model.AbstractProject;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.tasks.BuildStepDescriptor;
import hudson.tasks.BuildStepMonitor;
import hudson.tasks.Publisher;
import hudson.tasks.Recorder;
import java.io.IOException;
import jenkins.tasks.SimpleBuildStep;
import org.kohsuke.stapler.DataBoundConstructor;

/**
 * "Tear down this branch's environment" for jobs configured in the UI: the {@code branchTeardown}
 * step's parameters and work, as a post-build action. Needs no workspace.
 */
public final class BranchTeardownPublisher extends Recorder implements SimpleBuildStep {

    private final BranchTeardownStep teardown;

    @DataBoundConstructor
    public BranchTeardownPublisher(BranchTeardownStep teardown) {
        this.teardown = teardown;
    }

    public BranchTeardownStep getTeardown() {
        return teardown;
    }

    @Override
    public BuildStepMonitor getRequiredMonitorService() {
        return BuildStepMonitor.NONE;
    }

    @Override
    public boolean requiresWorkspace() {
        return false;
    }

    @Override
    public void perform(@NonNull Run<?, ?> run, @NonNull EnvVars env, @NonNull TaskListener listener)
            throws InterruptedException, IOException {
        new BuildDeployer(run, env, listener).teardown(teardown);
    }

    @Extension
    public static final class DescriptorImpl extends BuildStepDescriptor<Publisher> {

        @NonNull
        @Override
        public String getDisplayName() {
            return "Tear down this branch's environment";
        }

        @Override
        public boolean isApplicable(Class<? extends AbstractProject> jobType) {
            return true;
        }
    }
}
