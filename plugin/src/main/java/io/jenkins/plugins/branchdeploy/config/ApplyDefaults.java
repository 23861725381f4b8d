package io.jenkins.plugins.branchdeploy.config;

import org.kohsuke.stapler.DataBoundSetter;

/**
 * The global default of who applies an environment: when {@code argoCd} is set, Argo CD does (through
 * one Application per environment, with these fields where a folder or step gives none); else the step
 * itself. Part of {@link BranchDeployConfiguration}, which extends this class through {@link ExposureDefaults}.
 */
public abstract class ApplyDefaults extends ConfigurationValidators {

    private ArgoCdOptions argoCd;

    /** The Argo CD hand-off every environment gets by default, or {@code null} for a direct apply. */
    public ArgoCdOptions getArgoCd() {
        return argoCd;
    }

    /** Before a form is bound: a form without the Argo CD block binds nothing, which must mean none. */
    void forgetArgoCd() {
        argoCd = null;
    }

    @DataBoundSetter
    public void setArgoCd(ArgoCdOptions argoCd) {
        this.argoCd = argoCd;
        save();
    }
}
