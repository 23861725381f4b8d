package io.jenkins.plugins.branchdeploy.config;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * Who applies the environments of a folder or job by default: Argo CD when {@code argoCd} is set here
 * or inherited. Part of {@link ProjectSettings}, which extends this class; Stapler, Configuration-as-Code
 * and XStream find these setters and fields in superclasses too.
 */
public abstract class ProjectApplyDefaults {

    private ArgoCdOptions argoCd;

    /** The Argo CD hand-off this layer gives, or {@code null} to inherit. */
    @CheckForNull
    public ArgoCdOptions getArgoCd() {
        return argoCd;
    }

    @DataBoundSetter
    public void setArgoCd(ArgoCdOptions argoCd) {
        this.argoCd = argoCd;
    }

    /** {@code merged}, given this layer's Argo CD fields where it sets them and {@code base}'s elsewhere. */
    <T extends ProjectApplyDefaults> T withArgoCdOver(ProjectApplyDefaults base, T merged) {
        merged.setArgoCd(argoCd == null ? base.argoCd : argoCd.over(base.argoCd));
        return merged;
    }
}
