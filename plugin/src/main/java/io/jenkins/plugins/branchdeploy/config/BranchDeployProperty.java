package io.jenkins.plugins.branchdeploy.config;

import com.cloudbees.hudson.plugins.folder.AbstractFolder;
import com.cloudbees.hudson.plugins.folder.AbstractFolderProperty;
import com.cloudbees.hudson.plugins.folder.AbstractFolderPropertyDescriptor;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import net.sf.json.JSONObject;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.StaplerRequest2;

/**
 * Branch deployment settings of a folder or multibranch project, for every job inside it. Folders
 * nearer the job win over folders further out. Drawn under the folder's Properties as a checkbox
 * whose fields show only when it is switched on.
 */
public class BranchDeployProperty extends AbstractFolderProperty<AbstractFolder<?>> {

    private final ProjectSettings settings;

    @DataBoundConstructor
    public BranchDeployProperty(ProjectSettings settings) {
        this.settings = settings == null ? new ProjectSettings() : settings;
    }

    public ProjectSettings getSettings() {
        return settings;
    }

    @Extension
    @Symbol("branchDeploySettings")
    public static class DescriptorImpl extends AbstractFolderPropertyDescriptor {

        @NonNull
        @Override
        public String getDisplayName() {
            return "Override branch deployment settings";
        }

        /** A folder whose box is off, or that overrides nothing, keeps no property. */
        @Override
        public AbstractFolderProperty<?> newInstance(StaplerRequest2 req, JSONObject formData) throws FormException {
            if (formData == null || !formData.optBoolean("specified")) {
                return null;
            }
            AbstractFolderProperty<?> property = super.newInstance(req, formData);
            return property instanceof BranchDeployProperty p && p.settings.isEmpty() ? null : property;
        }
    }
}
