package io.jenkins.plugins.branchdeploy.steps;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.EnvVars;
import hudson.Extension;
import hudson.FilePath;
import hudson.Launcher;
import hudson.model.AbstractProject;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.tasks.BuildStepDescriptor;
import hudson.tasks.Builder;
import java.io.IOException;
import jenkins.tasks.SimpleBuildStep;
import org.kohsuke.stapler.DataBoundConstructor;

/**
 * "Deploy this branch" for jobs configured in the UI: the {@code branchDeploy} step's parameters
 * and work, as a freestyle build step.
 */
public final class BranchDeployBuilder extends Builder implements SimpleBuildStep {

    private final BranchDeployStep deploy;

    @DataBoundConstructor
    public BranchDeployBuilder(BranchDeployStep deploy) {
        this.deploy = deploy;
    }

    public BranchDeployStep getDeploy() {
        return deploy;
    }

    @Override
    public void perform(
            @NonNull Run<?, ?> run,
            @NonNull FilePath workspace,
            @NonNull EnvVars env,
            @NonNull Launcher launcher,
            @NonNull TaskListener listener)
            throws InterruptedException, IOException {
        new BuildDeployer(run, env, listener).deploy(deploy, workspace);
    }

    @Extension
    public static final class DescriptorImpl extends BuildStepDescriptor<Builder> {

        @NonNull
        @Override
        public String getDisplayName() {
            return "Deploy this branch";
        }

        @Override
        public boolean isApplicable(Class<? extends AbstractProject> jobType) {
            return true;
        }
    }
}
