package io.jenkins.plugins.branchdeploy.config;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.Util;
import hudson.model.Describable;
import hudson.model.Descriptor;
import hudson.model.Item;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.branchdeploy.facade.JenkinsFacade;
import java.util.Objects;
import java.util.stream.Stream;
import jenkins.model.Jenkins;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * Settings a folder, multibranch project or job may override. A blank (null) value inherits from
 * the enclosing folder, and in the end from the global configuration.
 */
public class ProjectSettings extends ProjectApplyDefaults implements Describable<ProjectSettings> {

    private static final JenkinsFacade JENKINS = new JenkinsFacade();

    private String cluster;
    private String domain;
    private String namespaceTemplate;
    private String hostTemplate;
    private String ttl;
    private String quotaCpu;
    private String quotaMemory;
    private String quotaPods;
    private String trustedForks;
    private String ingressClass;
    private String tlsSecret;
    private String allowFromNamespaces;
    private String webhookHostTemplate;

    @DataBoundConstructor
    public ProjectSettings() {}

    /** This layer's values where it sets them, {@code base}'s elsewhere. */
    ProjectSettings over(ProjectSettings base) {
        ProjectSettings merged = withArgoCdOver(base, new ProjectSettings());
        merged.cluster = either(cluster, base.cluster);
        merged.domain = either(domain, base.domain);
        merged.namespaceTemplate = either(namespaceTemplate, base.namespaceTemplate);
        merged.hostTemplate = either(hostTemplate, base.hostTemplate);
        merged.ttl = either(ttl, base.ttl);
        merged.quotaCpu = either(quotaCpu, base.quotaCpu);
        merged.quotaMemory = either(quotaMemory, base.quotaMemory);
        merged.quotaPods = either(quotaPods, base.quotaPods);
        merged.trustedForks = either(trustedForks, base.trustedForks);
        merged.ingressClass = either(ingressClass, base.ingressClass);
        merged.tlsSecret = either(tlsSecret, base.tlsSecret);
        merged.allowFromNamespaces = either(allowFromNamespaces, base.allowFromNamespaces);
        merged.webhookHostTemplate = either(webhookHostTemplate, base.webhookHostTemplate);
        return merged;
    }

    private static String either(String own, String inherited) {
        return own != null ? own : inherited;
    }

    /** True when nothing is overridden: the property is then not worth keeping. */
    boolean isEmpty() {
        return Stream.of(cluster, domain, namespaceTemplate, hostTemplate, ttl, quotaCpu, quotaMemory, quotaPods, trustedForks,
                        ingressClass, tlsSecret, allowFromNamespaces, webhookHostTemplate, getArgoCd())
                .allMatch(Objects::isNull);
    }

    @CheckForNull
    public String getCluster() {
        return cluster;
    }

    @DataBoundSetter
    public void setCluster(String cluster) {
        this.cluster = Util.fixEmptyAndTrim(cluster);
    }

    @CheckForNull
    public String getDomain() {
        return domain;
    }

    @DataBoundSetter
    public void setDomain(String domain) {
        this.domain = Util.fixEmptyAndTrim(domain);
    }

    @CheckForNull
    public String getNamespaceTemplate() {
        return namespaceTemplate;
    }

    @DataBoundSetter
    public void setNamespaceTemplate(String namespaceTemplate) {
        this.namespaceTemplate = Util.fixEmptyAndTrim(namespaceTemplate);
    }

    @CheckForNull
    public String getHostTemplate() {
        return hostTemplate;
    }

    @DataBoundSetter
    public void setHostTemplate(String hostTemplate) {
        this.hostTemplate = Util.fixEmptyAndTrim(hostTemplate);
    }

    /** The class of the Ingress that {@code expose} adds, e.g. {@code nginx}. */
    @CheckForNull
    public String getIngressClass() {
        return ingressClass;
    }

    @DataBoundSetter
    public void setIngressClass(String ingressClass) {
        this.ingressClass = Util.fixEmptyAndTrim(ingressClass);
    }

    /** The Secret, in each environment's namespace, with the certificate of the host that {@code expose} routes. */
    @CheckForNull
    public String getTlsSecret() {
        return tlsSecret;
    }

    @DataBoundSetter
    public void setTlsSecret(String tlsSecret) {
        this.tlsSecret = Util.fixEmptyAndTrim(tlsSecret);
    }

    /** The labels, one {@code KEY=VALUE} a line, of the namespaces besides its own that may reach an environment. */
    @CheckForNull
    public String getAllowFromNamespaces() {
        return allowFromNamespaces;
    }

    @DataBoundSetter
    public void setAllowFromNamespaces(String allowFromNamespaces) {
        this.allowFromNamespaces = Util.fixEmptyAndTrim(allowFromNamespaces);
    }

    /** The webhook host of each app, with {@code {app}} and {@code {domain}}. */
    @CheckForNull
    public String getWebhookHostTemplate() {
        return webhookHostTemplate;
    }

    @DataBoundSetter
    public void setWebhookHostTemplate(String webhookHostTemplate) {
        this.webhookHostTemplate = Util.fixEmptyAndTrim(webhookHostTemplate);
    }

    @CheckForNull
    public String getTtl() {
        return ttl;
    }

    @DataBoundSetter
    public void setTtl(String ttl) {
        this.ttl = Util.fixEmptyAndTrim(ttl);
    }

    @CheckForNull
    public String getQuotaCpu() {
        return quotaCpu;
    }

    @DataBoundSetter
    public void setQuotaCpu(String quotaCpu) {
        this.quotaCpu = Util.fixEmptyAndTrim(quotaCpu);
    }

    @CheckForNull
    public String getQuotaMemory() {
        return quotaMemory;
    }

    @DataBoundSetter
    public void setQuotaMemory(String quotaMemory) {
        this.quotaMemory = Util.fixEmptyAndTrim(quotaMemory);
    }

    @CheckForNull
    public String getQuotaPods() {
        return quotaPods;
    }

    @DataBoundSetter
    public void setQuotaPods(String quotaPods) {
        this.quotaPods = Util.fixEmptyAndTrim(quotaPods);
    }

    @CheckForNull
    public String getTrustedForks() {
        return trustedForks;
    }

    @DataBoundSetter
    public void setTrustedForks(String trustedForks) {
        this.trustedForks = Util.fixEmptyAndTrim(trustedForks);
    }

    @Extension
    public static class DescriptorImpl extends Descriptor<ProjectSettings> {

        @NonNull
        @Override
        public String getDisplayName() {
            return "Branch deployment settings";
        }

        /** Configuring a folder or job is what lets one see how its settings check out. */
        private static void checkConfigure(@CheckForNull Item item) {
            if (item == null) {
                JENKINS.checkPermission(Jenkins.ADMINISTER);
            } else {
                item.checkPermission(Item.CONFIGURE);
            }
        }

        @POST
        public ListBoxModel doFillClusterItems(@AncestorInPath Item item) {
            checkConfigure(item);
            ListBoxModel items = new ListBoxModel();
            items.add("(inherit)", "");
            BranchDeployConfiguration.get().getClusters().forEach(c -> items.add(c.getName()));
            return items;
        }

        @POST
        public FormValidation doCheckDomain(@AncestorInPath Item item, @QueryParameter String value) {
            checkConfigure(item);
            return FieldChecks.domain(value);
        }

        @POST
        public FormValidation doCheckNamespaceTemplate(@AncestorInPath Item item, @QueryParameter String value) {
            checkConfigure(item);
            return FieldChecks.namespaceTemplate(value);
        }

        @POST
        public FormValidation doCheckHostTemplate(
                @AncestorInPath Item item, @QueryParameter String value, @QueryParameter String domain) {
            checkConfigure(item);
            return FieldChecks.hostTemplate(value, FieldChecks.blank(domain) ? BranchDeployConfiguration.get().getDomain() : domain);
        }

        @POST
        public FormValidation doCheckWebhookHostTemplate(
                @AncestorInPath Item item, @QueryParameter String value, @QueryParameter String domain) {
            checkConfigure(item);
            return FieldChecks.webhookHostTemplate(value, FieldChecks.blank(domain) ? BranchDeployConfiguration.get().getDomain() : domain);
        }

        @POST
        public FormValidation doCheckTtl(@AncestorInPath Item item, @QueryParameter String value) {
            checkConfigure(item);
            return FieldChecks.duration("ttl", value);
        }

        @POST
        public FormValidation doCheckQuotaCpu(@AncestorInPath Item item, @QueryParameter String value) {
            checkConfigure(item);
            return FieldChecks.cpu(value);
        }

        @POST
        public FormValidation doCheckQuotaMemory(@AncestorInPath Item item, @QueryParameter String value) {
            checkConfigure(item);
            return FieldChecks.memory(value);
        }

        @POST
        public FormValidation doCheckQuotaPods(@AncestorInPath Item item, @QueryParameter String value) {
            checkConfigure(item);
            return FieldChecks.pods(value);
        }

        @POST
        public FormValidation doCheckTrustedForks(@AncestorInPath Item item, @QueryParameter String value) {
            checkConfigure(item);
            return FieldChecks.trustedForks(value);
        }

        @POST
        public FormValidation doCheckAllowFromNamespaces(@AncestorInPath Item item, @QueryParameter String value) {
            checkConfigure(item);
            return FieldChecks.allowFromNamespaces(value);
        }
    }
}
