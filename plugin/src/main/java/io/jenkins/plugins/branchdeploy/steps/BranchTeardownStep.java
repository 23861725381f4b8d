package io.jenkins.plugins.branchdeploy.steps;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.EnvVars;
import hudson.Extension;
import hudson.Util;
import hudson.model.Item;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.util.FormValidation;
import java.util.Set;
import org.jenkinsci.Symbol;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * {@code branchTeardown}: removes this branch's environment; an environment that is already gone
 * is success. The freestyle post-build "Tear down this branch's environment" wraps the same object.
 */
public final class BranchTeardownStep extends Step {

    private String app;
    private String cluster;
    private String checkName;
    private DatabaseOptions database;

    @DataBoundConstructor
    public BranchTeardownStep() {}

    public String getApp() { return app; }
    @DataBoundSetter public void setApp(String app) { this.app = Util.fixEmptyAndTrim(app); }

    public String getCluster() { return cluster; }
    @DataBoundSetter public void setCluster(String cluster) { this.cluster = Util.fixEmptyAndTrim(cluster); }

    /** Only its credential is used (not its strategy); without it, the global database admin credential when one is configured. */
    public DatabaseOptions getDatabase() { return database; }
    @DataBoundSetter public void setDatabase(DatabaseOptions database) { this.database = database; }

    public String getCheckName() { return checkName; }
    @DataBoundSetter public void setCheckName(String checkName) { this.checkName = Util.fixEmptyAndTrim(checkName); }

    @Override
    public StepExecution start(StepContext context) {
        return new BranchTeardownExecution(this, context);
    }

    @Extension
    @Symbol("branchTeardown")
    public static final class DescriptorImpl extends StepDescriptor {

        @Override
        public String getFunctionName() {
            return "branchTeardown";
        }

        @NonNull
        @Override
        public String getDisplayName() {
            return "Tear down this branch's environment";
        }

        @Override
        public Set<? extends Class<?>> getRequiredContext() {
            return Set.of(Run.class, EnvVars.class, TaskListener.class);
        }

        @POST
        public FormValidation doCheckCluster(@AncestorInPath Item item, @QueryParameter String value) {
            return StepForms.canValidate(item) ? StepForms.cluster(value) : FormValidation.ok();
        }
    }
}
