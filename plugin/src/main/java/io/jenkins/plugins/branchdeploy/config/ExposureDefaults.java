package io.jenkins.plugins.branchdeploy.config;

import hudson.Util;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * The global defaults of how an environment is reached: the Ingress that {@code expose} adds, the
 * namespaces its NetworkPolicy admits, each app's webhook host and the webhook Ingress's annotations.
 * Part of {@link BranchDeployConfiguration}, which extends this class; Stapler, Configuration-as-Code
 * and XStream find these setters and fields in superclasses too.
 */
public abstract class ExposureDefaults extends ApplyDefaults {

    private String ingressClass;
    private String tlsSecret;
    private String allowFromNamespaces;
    private String webhookHostTemplate;
    private String webhookIngressAnnotations;

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

    /** The webhook host of each app, with {@code {app}} and {@code {domain}}; blank for the engine's default. */
    public String getWebhookHostTemplate() {
        return webhookHostTemplate;
    }

    @DataBoundSetter
    public void setWebhookHostTemplate(String webhookHostTemplate) {
        this.webhookHostTemplate = Util.fixEmptyAndTrim(webhookHostTemplate);
        save();
    }

    /** The annotations, one {@code KEY=VALUE} a line, that make the ingress controller remove a webhook route's prefix. */
    public String getWebhookIngressAnnotations() {
        return webhookIngressAnnotations;
    }

    @DataBoundSetter
    public void setWebhookIngressAnnotations(String webhookIngressAnnotations) {
        this.webhookIngressAnnotations = Util.fixEmptyAndTrim(webhookIngressAnnotations);
        save();
    }
}
