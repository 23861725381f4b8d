package io.jenkins.plugins.branchdeploy.config;

import hudson.Util;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * The global defaults of how an environment is reached: the Ingress that {@code expose} adds and the
 * namespaces its NetworkPolicy admits. Part of {@link BranchDeployConfiguration}, which extends this
 * class; Stapler, Configuration-as-Code and XStream find these setters and fields in superclasses too.
 */
public abstract class ExposureDefaults extends ConfigurationValidators {

    private String ingressClass;
    private String tlsSecret;
    private String allowFromNamespaces;

    /** The class of the Ingress that {@code expose} adds, e.g. {@code nginx}; blank for the cluster's default class. */
    public String getIngressClass() {
        return ingressClass;
    }

    @DataBoundSetter
    public void setIngressClass(String ingressClass) {
        this.ingressClass = Util.fixEmptyAndTrim(ingressClass);
        save();
    }

    /** The Secret, in each environment's namespace, with the certificate of the host {@code expose} routes; blank for http. */
    public String getTlsSecret() {
        return tlsSecret;
    }

    @DataBoundSetter
    public void setTlsSecret(String tlsSecret) {
        this.tlsSecret = Util.fixEmptyAndTrim(tlsSecret);
        save();
    }

    /** The labels, one {@code KEY=VALUE} a line, of the namespaces besides its own that may reach an environment. */
    public String getAllowFromNamespaces() {
        return allowFromNamespaces;
    }

    @DataBoundSetter
    public void setAllowFromNamespaces(String allowFromNamespaces) {
        this.allowFromNamespaces = Util.fixEmptyAndTrim(allowFromNamespaces);
        save();
    }
}
