package io.jenkins.plugins.branchdeploy.config;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.Util;
import hudson.model.Describable;
import hudson.model.Descriptor;
import io.jenkins.plugins.branchdeploy.engine.deploy.ArgoCdInput;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * The Argo CD hand-off's fields as typed: in a {@code branchDeploy} step ({@code argoCd}), in a folder's
 * or job's settings and in the global configuration, where setting them makes Argo CD the default
 * applier. A blank field inherits; the engine's {@code DeployInput} checks them and fills in its defaults.
 */
public final class ArgoCdOptions implements Describable<ArgoCdOptions> {

    private String namespace;
    private String project;
    private String repoUrl;
    private String repoPath;
    private String revision;
    private String destination;

    @DataBoundConstructor
    public ArgoCdOptions() {}

    public String getNamespace() { return namespace; }
    @DataBoundSetter public void setNamespace(String namespace) { this.namespace = Util.fixEmptyAndTrim(namespace); }

    public String getProject() { return project; }
    @DataBoundSetter public void setProject(String project) { this.project = Util.fixEmptyAndTrim(project); }

    public String getRepoUrl() { return repoUrl; }
    @DataBoundSetter public void setRepoUrl(String repoUrl) { this.repoUrl = Util.fixEmptyAndTrim(repoUrl); }

    public String getRepoPath() { return repoPath; }
    @DataBoundSetter public void setRepoPath(String repoPath) { this.repoPath = Util.fixEmptyAndTrim(repoPath); }

    public String getRevision() { return revision; }
    @DataBoundSetter public void setRevision(String revision) { this.revision = Util.fixEmptyAndTrim(revision); }

    public String getDestination() { return destination; }
    @DataBoundSetter public void setDestination(String destination) { this.destination = Util.fixEmptyAndTrim(destination); }

    /** This layer's fields where it sets them, {@code base}'s elsewhere; {@code base} may be absent. */
    public ArgoCdOptions over(@CheckForNull ArgoCdOptions base) {
        if (base == null) {
            return this;
        }
        ArgoCdOptions merged = new ArgoCdOptions();
        merged.namespace = namespace != null ? namespace : base.namespace;
        merged.project = project != null ? project : base.project;
        merged.repoUrl = repoUrl != null ? repoUrl : base.repoUrl;
        merged.repoPath = repoPath != null ? repoPath : base.repoPath;
        merged.revision = revision != null ? revision : base.revision;
        merged.destination = destination != null ? destination : base.destination;
        return merged;
    }

    /** The fields as the engine takes them. */
    public ArgoCdInput input() {
        return new ArgoCdInput(namespace, project, repoUrl, repoPath, revision, destination);
    }

    @Extension
    public static final class DescriptorImpl extends Descriptor<ArgoCdOptions> {

        @NonNull
        @Override
        public String getDisplayName() {
            return "Argo CD";
        }
    }
}
