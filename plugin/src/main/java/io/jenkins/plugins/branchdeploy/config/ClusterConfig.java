package io.jenkins.plugins.branchdeploy.config;

import com.cloudbees.plugins.credentials.CredentialsMatchers;
import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.common.StandardCredentials;
import com.cloudbees.plugins.credentials.common.StandardListBoxModel;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.Util;
import hudson.model.Describable;
import hudson.model.Descriptor;
import hudson.model.ItemGroup;
import hudson.model.Run;
import hudson.security.ACL;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.jenkins.plugins.branchdeploy.engine.InvalidInputException;
import io.jenkins.plugins.branchdeploy.facade.JenkinsFacade;
import java.util.List;
import jenkins.model.Jenkins;
import org.jenkinsci.plugins.plaincredentials.FileCredentials;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * One Kubernetes cluster environments can go to: where its API server is and which credentials
 * reach it. Holds only a credentials id; the secret is read when a client is made.
 */
public class ClusterConfig implements Describable<ClusterConfig> {

    private static final JenkinsFacade JENKINS = new JenkinsFacade();

    private final String name;
    private String serverUrl;
    private boolean inCluster;
    private String credentialsId;
    private String caCertificate;
    private boolean skipTlsVerify;
    private String context;

    @DataBoundConstructor
    public ClusterConfig(String name) {
        this.name = Util.fixEmptyAndTrim(name);
    }

    public String getName() {
        return name;
    }

    public String getServerUrl() {
        return serverUrl;
    }

    @DataBoundSetter
    public void setServerUrl(String serverUrl) {
        this.serverUrl = Util.fixEmptyAndTrim(serverUrl);
    }

    public boolean isInCluster() {
        return inCluster;
    }

    @DataBoundSetter
    public void setInCluster(boolean inCluster) {
        this.inCluster = inCluster;
    }

    public String getCredentialsId() {
        return credentialsId;
    }

    @DataBoundSetter
    public void setCredentialsId(String credentialsId) {
        this.credentialsId = Util.fixEmptyAndTrim(credentialsId);
    }

    public String getCaCertificate() {
        return caCertificate;
    }

    @DataBoundSetter
    public void setCaCertificate(String caCertificate) {
        this.caCertificate = Util.fixEmptyAndTrim(caCertificate);
    }

    public boolean isSkipTlsVerify() {
        return skipTlsVerify;
    }

    @DataBoundSetter
    public void setSkipTlsVerify(boolean skipTlsVerify) {
        this.skipTlsVerify = skipTlsVerify;
    }

    public String getContext() {
        return context;
    }

    @DataBoundSetter
    public void setContext(String context) {
        this.context = Util.fixEmptyAndTrim(context);
    }

    /**
     * A client for a build: the credentials are those the build may use (its job's folders, the
     * user who started it), and their use is recorded on the build.
     */
    public KubernetesClient connect(Run<?, ?> run) {
        StandardCredentials credentials = null;
        if (credentialsId != null) {
            credentials = CredentialsProvider.findCredentialById(credentialsId, StandardCredentials.class, run);
            requireFound(credentials, "this build");
            CredentialsProvider.track(run, credentials);
        }
        return ClusterClients.connect(this, credentials);
    }

    /**
     * A client for work that belongs to no build (cleanup, the overview page): credentials visible
     * in {@code context}, looked up as the system.
     */
    public KubernetesClient connect(ItemGroup<?> context) {
        StandardCredentials credentials = null;
        if (credentialsId != null) {
            credentials = CredentialsProvider.findCredentialByIdInItemGroup(
                    credentialsId, StandardCredentials.class, context, ACL.SYSTEM2, List.of());
            requireFound(credentials, context.getFullName().isEmpty() ? "Jenkins" : context.getFullName());
        }
        return ClusterClients.connect(this, credentials);
    }

    private void requireFound(@CheckForNull StandardCredentials credentials, String where) {
        if (credentials == null) {
            throw new InvalidInputException("credentialsId", "cluster '" + name + "': no credentials '" + credentialsId
                    + "' are available to " + where + "; add a secret file (kubeconfig) or secret text (token) with that id");
        }
    }

    @Override
    public String toString() {
        return "cluster " + name;
    }

    @Extension
    public static class DescriptorImpl extends Descriptor<ClusterConfig> {

        @NonNull
        @Override
        public String getDisplayName() {
            return "Kubernetes cluster";
        }

        @POST
        public FormValidation doCheckName(@QueryParameter String value) {
            JENKINS.checkPermission(Jenkins.ADMINISTER);
            return Util.fixEmptyAndTrim(value) == null
                    ? FormValidation.error("Give the cluster a name, e.g. staging; steps and folders refer to it by name")
                    : FormValidation.ok();
        }

        @POST
        public FormValidation doCheckServerUrl(
                @QueryParameter String value, @QueryParameter boolean inCluster, @QueryParameter String credentialsId) {
            JENKINS.checkPermission(Jenkins.ADMINISTER);
            return FieldChecks.serverUrl(value, inCluster, credentialsId);
        }

        @POST
        public FormValidation doCheckSkipTlsVerify(@QueryParameter boolean value) {
            JENKINS.checkPermission(Jenkins.ADMINISTER);
            return value
                    ? FormValidation.warning("Anyone between Jenkins and the API server can read the token; give the CA certificate instead")
                    : FormValidation.ok();
        }

        @POST
        public ListBoxModel doFillCredentialsIdItems(@QueryParameter String credentialsId) {
            // listing credentials reveals their ids and descriptions: only to those who configure the system
            JENKINS.checkPermission(Jenkins.ADMINISTER);
            return new StandardListBoxModel()
                    .includeEmptyValue()
                    .includeMatchingAs(ACL.SYSTEM2, JENKINS.root(), StandardCredentials.class, List.of(),
                            CredentialsMatchers.anyOf(
                                    CredentialsMatchers.instanceOf(FileCredentials.class),
                                    CredentialsMatchers.instanceOf(StringCredentials.class)))
                    .includeCurrentValue(Util.fixNull(credentialsId));
        }

        /** Connects with the values in the form and reports the API server's version. */
        @POST
        public FormValidation doTestConnection(
                @QueryParameter String name,
                @QueryParameter String serverUrl,
                @QueryParameter boolean inCluster,
                @QueryParameter String credentialsId,
                @QueryParameter String caCertificate,
                @QueryParameter boolean skipTlsVerify,
                @QueryParameter String context) {
            JENKINS.checkPermission(Jenkins.ADMINISTER);
            ClusterConfig cluster = new ClusterConfig(Util.fixEmptyAndTrim(name) == null ? "new" : name);
            cluster.setServerUrl(serverUrl);
            cluster.setInCluster(inCluster);
            cluster.setCredentialsId(credentialsId);
            cluster.setCaCertificate(caCertificate);
            cluster.setSkipTlsVerify(skipTlsVerify);
            cluster.setContext(context);
            try (KubernetesClient client = cluster.connect(JENKINS.root())) {
                String version = client.getKubernetesVersion().getGitVersion();
                return FormValidation.ok("Connected to the API server" + (version == null ? "" : ", Kubernetes " + version));
            } catch (RuntimeException e) {
                return FormValidation.error("Could not connect: " + e.getMessage());
            }
        }
    }
}
