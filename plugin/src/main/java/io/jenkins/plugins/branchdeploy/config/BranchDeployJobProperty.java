package io.jenkins.plugins.branchdeploy.config;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.model.Job;
import hudson.model.JobProperty;
import jenkins.model.OptionalJobProperty;
import net.sf.json.JSONObject;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.StaplerRequest2;

/**
 * Branch deployment settings of one job, over those of its folders. Drawn inside General as a
 * checkbox, as "Discard old builds" is: its fields show only when it is switched on.
 */
public class BranchDeployJobProperty extends OptionalJobProperty<Job<?, ?>> {

    private final ProjectSettings settings;

    @DataBoundConstructor
    public BranchDeployJobProperty(ProjectSettings settings) {
        this.settings = settings == null ? new ProjectSettings() : settings;
    }

    public ProjectSettings getSettings() {
        return settings;
    }

    @Extension
    @Symbol("branchDeploySettings")
    public static class DescriptorImpl extends OptionalJobPropertyDescriptor {

        @NonNull
        @Override
        public String getDisplayName() {
            return "Override branch deployment settings";
        }

        /** A job whose box is off, or that overrides nothing, keeps no property. */
        @Override
        public JobProperty<?> newInstance(StaplerRequest2 req, JSONObject formData) throws FormException {
            JobProperty<?> property = super.newInstance(req, formData);
            return property instanceof BranchDeployJobProperty p && p.settings.isEmpty() ? null : property;
        }
    }
}
