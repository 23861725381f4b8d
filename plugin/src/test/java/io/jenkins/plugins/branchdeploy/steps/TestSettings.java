package io.jenkins.plugins.branchdeploy.steps;

import com.cloudbees.plugins.credentials.Credentials;
import com.cloudbees.plugins.credentials.SystemCredentialsProvider;
import io.jenkins.plugins.branchdeploy.KubernetesApi;
import io.jenkins.plugins.branchdeploy.config.BranchDeployConfiguration;
import io.jenkins.plugins.branchdeploy.config.ClusterConfig;
import java.io.IOException;
import java.util.List;

/** The global configuration and credentials the step tests run with. */
final class TestSettings {

    static final String INSTALLATION = "jenkins-test";
    static final String DOMAIN = "example.dev";
    static final String TRUSTED_FORK = "friendly-contributor";

    /** A ConfigMap carrying the branch and a variable, so that a test can read both back. */
    static final String MANIFEST = """
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: web
            data:
              branch: ${BRANCH}
              greeting: ${GREETING}
            """;

    /** A Service that {@code expose: 'web'} can route the environment's host to. */
    static final String SERVICE = """
            apiVersion: v1
            kind: Service
            metadata:
              name: web
            spec:
              type: LoadBalancer
              selector: {app: web}
              ports: [{name: http, port: 80, targetPort: 8080}]
            """;

    private TestSettings() {}

    /** One cluster, {@code test}, pointing at {@code api}; secrets trusted for {@link #TRUSTED_FORK} only. */
    static void useCluster(KubernetesApi api) {
        ClusterConfig cluster = new ClusterConfig("test");
        cluster.setServerUrl(api.url());
        BranchDeployConfiguration configuration = BranchDeployConfiguration.get();
        configuration.setClusters(List.of(cluster));
        configuration.setInstallationId(INSTALLATION);
        configuration.setDomain(DOMAIN);
        configuration.setTrustedForks(TRUSTED_FORK);
    }

    static void addCredentials(Credentials... credentials) throws IOException {
        SystemCredentialsProvider provider = SystemCredentialsProvider.getInstance();
        provider.getCredentials().addAll(List.of(credentials));
        provider.save();
    }
}
