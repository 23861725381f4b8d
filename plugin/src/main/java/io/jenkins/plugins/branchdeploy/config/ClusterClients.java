package io.jenkins.plugins.branchdeploy.config;

import com.cloudbees.plugins.credentials.common.StandardCredentials;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.jenkins.plugins.branchdeploy.engine.InvalidInputException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import jenkins.util.SetContextClassLoader;
import org.jenkinsci.plugins.plaincredentials.FileCredentials;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;

/**
 * Turns a cluster's settings and its resolved credentials into a fabric8 client. The secret goes
 * into the client's configuration only; no message here contains it.
 */
final class ClusterClients {

    private ClusterClients() {}

    static KubernetesClient connect(ClusterConfig cluster, @CheckForNull StandardCredentials credentials) {
        Config config = credentials instanceof FileCredentials kubeconfig
                ? fromKubeconfig(cluster, kubeconfig)
                : fromServerUrl(cluster, credentials);
        if (cluster.getCaCertificate() != null) {
            config.setCaCertData(base64(cluster.getCaCertificate()));
        }
        if (cluster.isSkipTlsVerify()) {
            config.setTrustCerts(true);
        }
        // the HTTP client implementation is found through the plugin's own class loader
        try (SetContextClassLoader ignored = new SetContextClassLoader(ClusterClients.class)) {
            return new KubernetesClientBuilder().withConfig(config).build();
        }
    }

    private static Config fromServerUrl(ClusterConfig cluster, @CheckForNull StandardCredentials credentials) {
        // empty() rather than the builder's default, which would read the controller's own kubeconfig
        ConfigBuilder config = new ConfigBuilder(cluster.isInCluster() ? Config.autoConfigure(null) : Config.empty());
        if (!cluster.isInCluster()) {
            if (cluster.getServerUrl() == null) {
                throw new InvalidInputException("serverUrl", "cluster '" + cluster.getName()
                        + "' has no API server URL; give one, e.g. https://k8s.example.com:6443, or choose in-cluster");
            }
            config.withMasterUrl(cluster.getServerUrl());
        }
        if (credentials instanceof StringCredentials token) {
            config.withOauthToken(token.getSecret().getPlainText());
        } else if (credentials != null) {
            throw new InvalidInputException("credentialsId", "cluster '" + cluster.getName() + "': credentials '"
                    + credentials.getId() + "' are neither a secret file (kubeconfig) nor secret text (token)");
        }
        return config.build();
    }

    private static Config fromKubeconfig(ClusterConfig cluster, FileCredentials file) {
        String text;
        try (InputStream in = file.getContent()) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cluster '" + cluster.getName() + "': cannot read the kubeconfig in credentials '"
                    + file.getId() + "'", e);
        }
        if (cluster.getContext() == null) {
            return Config.fromKubeconfig(text);
        }
        KubernetesSerialization serialization = new KubernetesSerialization();
        io.fabric8.kubernetes.api.model.Config kubeconfig =
                serialization.unmarshal(text, io.fabric8.kubernetes.api.model.Config.class);
        boolean known = kubeconfig.getContexts() != null
                && kubeconfig.getContexts().stream().anyMatch(c -> cluster.getContext().equals(c.getName()));
        if (!known) {
            throw new InvalidInputException("context", "cluster '" + cluster.getName() + "': the kubeconfig in credentials '"
                    + file.getId() + "' has no context '" + cluster.getContext() + "'; leave it empty for the current context");
        }
        kubeconfig.setCurrentContext(cluster.getContext());
        return Config.fromKubeconfig(serialization.asYaml(kubeconfig));
    }

    /** fabric8 wants the certificate base64-encoded; users paste PEM or already-encoded text. */
    private static String base64(String certificate) {
        return certificate.startsWith("-----BEGIN")
                ? Base64.getEncoder().encodeToString(certificate.getBytes(StandardCharsets.UTF_8))
                : certificate;
    }
}
