package io.jenkins.plugins.branchdeploy.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cloudbees.plugins.credentials.Credentials;
import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.SecretBytes;
import com.cloudbees.plugins.credentials.SystemCredentialsProvider;
import hudson.model.FreeStyleBuild;
import hudson.util.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.jenkins.plugins.branchdeploy.KubernetesApi;
import io.jenkins.plugins.branchdeploy.engine.InvalidInputException;
import java.nio.charset.StandardCharsets;
import jenkins.model.Jenkins;
import org.jenkinsci.plugins.plaincredentials.impl.FileCredentialsImpl;
import org.jenkinsci.plugins.plaincredentials.impl.StringCredentialsImpl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

@WithJenkins
class ClusterConfigITest {

    private JenkinsRule r;
    private KubernetesApi api;

    @BeforeEach
    void start(JenkinsRule rule) {
        r = rule;
        api = new KubernetesApi();
    }

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void aTokenCredentialSignsInToTheApiServer() throws Exception {
        add(new StringCredentialsImpl(CredentialsScope.GLOBAL, "k8s-token", "token", Secret.fromString("s3cret-t0ken")));
        ClusterConfig cluster = new ClusterConfig("staging");
        cluster.setServerUrl(api.url());
        cluster.setCredentialsId("k8s-token");

        try (KubernetesClient client = cluster.connect(Jenkins.get())) {
            client.namespaces().list();
        }

        assertThat(api.lastAuthorization()).isEqualTo("Bearer s3cret-t0ken");
    }

    @Test
    void aKubeconfigCredentialUsesTheChosenContext() throws Exception {
        String kubeconfig = """
                apiVersion: v1
                kind: Config
                current-context: elsewhere
                clusters:
                - name: elsewhere
                  cluster: {server: "https://unreachable.invalid:6443"}
                - name: mock
                  cluster: {server: "%s"}
                users:
                - name: nobody
                  user: {token: "wrong"}
                - name: deployer
                  user: {token: "kubeconfig-t0ken"}
                contexts:
                - name: elsewhere
                  context: {cluster: elsewhere, user: nobody}
                - name: preview
                  context: {cluster: mock, user: deployer}
                """.formatted(api.url());
        add(new FileCredentialsImpl(CredentialsScope.GLOBAL, "kubeconfig", "kubeconfig", "config",
                SecretBytes.fromRawBytes(kubeconfig.getBytes(StandardCharsets.UTF_8))));
        ClusterConfig cluster = new ClusterConfig("preview");
        cluster.setCredentialsId("kubeconfig");
        cluster.setContext("preview");

        try (KubernetesClient client = cluster.connect(Jenkins.get())) {
            client.namespaces().list();
        }

        assertThat(api.lastAuthorization()).isEqualTo("Bearer kubeconfig-t0ken");

        cluster.setContext("missing");
        assertThatThrownBy(() -> cluster.connect(Jenkins.get()))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("has no context 'missing'")
                .hasMessageNotContaining("kubeconfig-t0ken");
    }

    @Test
    void aBuildUsesCredentialsAvailableToItAndRecordsTheUse() throws Exception {
        StringCredentialsImpl token =
                new StringCredentialsImpl(CredentialsScope.GLOBAL, "k8s-token", "token", Secret.fromString("s3cret-t0ken"));
        add(token);
        ClusterConfig cluster = new ClusterConfig("staging");
        cluster.setServerUrl(api.url());
        cluster.setCredentialsId("k8s-token");
        FreeStyleBuild build = r.buildAndAssertSuccess(r.createFreeStyleProject("shop"));

        try (KubernetesClient client = cluster.connect(build)) {
            client.namespaces().list();
        }

        assertThat(api.lastAuthorization()).isEqualTo("Bearer s3cret-t0ken");
        assertThat(CredentialsProvider.getFingerprintOf(token)).isNotNull();
        assertThat(CredentialsProvider.getFingerprintOf(token).getJobs()).contains("shop");
    }

    @Test
    void missingCredentialsNameTheFieldAndNoSecret() {
        ClusterConfig cluster = new ClusterConfig("staging");
        cluster.setServerUrl(api.url());
        cluster.setCredentialsId("nowhere");

        assertThatThrownBy(() -> cluster.connect(Jenkins.get()))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("credentialsId: cluster 'staging': no credentials 'nowhere'");
    }

    @Test
    void aClusterWithoutServerUrlOrCredentialsSaysWhatIsMissing() {
        ClusterConfig cluster = new ClusterConfig("staging");

        assertThatThrownBy(() -> cluster.connect(Jenkins.get()))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("serverUrl: cluster 'staging' has no API server URL");
    }

    private static void add(Credentials credentials) {
        SystemCredentialsProvider.getInstance().getCredentials().add(credentials);
    }
}
