package io.jenkins.plugins.branchdeploy;

import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.jenkins.plugins.branchdeploy.engine.cluster.ClusterContract;
import io.jenkins.plugins.branchdeploy.engine.cluster.EnvironmentStatus;
import io.jenkins.plugins.branchdeploy.sandbox.ArgoCdController;
import io.jenkins.plugins.branchdeploy.sandbox.SandboxCluster;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;

/**
 * The Kubernetes API plugin tests talk to: the sandbox module's API server on loopback (server-side
 * apply emulated, workloads that become ready), over plain http. Seeds namespaces the way the engine
 * records environments (docs/cluster-contract.md) and reads back what a test checks.
 */
public final class KubernetesApi implements AutoCloseable {

    private final SandboxCluster sandbox = SandboxCluster.start();
    private final KubernetesClient client = sandbox.newClient();

    /** The API server URL to configure a cluster with. */
    public String url() {
        return sandbox.url();
    }

    /** Installs the sandbox's stand-in for Argo CD, watching namespace {@code argocd}. */
    public ArgoCdController installArgoCd() {
        return sandbox.installArgoCd("argocd");
    }

    /** A client that sees everything, for seeding and checking. */
    public KubernetesClient client() {
        return client;
    }

    /** The namespace, or {@code null} when there is none. */
    public Namespace namespace(String name) {
        return client.namespaces().withName(name).get();
    }

    /** The Secret, or {@code null} when there is none. */
    public Secret secret(String namespace, String name) {
        return client.secrets().inNamespace(namespace).withName(name).get();
    }

    /** A Secret's value under {@code key}, whether written as {@code data} or {@code stringData}. */
    public static String value(Secret secret, String key) {
        if (secret.getData() != null && secret.getData().containsKey(key)) {
            return new String(Base64.getDecoder().decode(secret.getData().get(key)), StandardCharsets.UTF_8);
        }
        return secret.getStringData() == null ? null : secret.getStringData().get(key);
    }

    /** The Authorization header of the last request the API server received. */
    public String lastAuthorization() throws InterruptedException {
        return sandbox.server().getLastRequest().getHeader("Authorization");
    }

    /**
     * A namespace labelled and annotated as an environment of {@code installation}.
     *
     * @param change the pull request number, or {@code null} for a branch
     */
    public Namespace addEnvironment(String namespace, String installation, String app, String branch, Integer change,
            Instant createdAt, Instant expiresAt) {
        return addEnvironment(namespace, installation, app, branch, change, createdAt, expiresAt, Map.of());
    }

    /** As above, with further annotations, e.g. the project that owns the environment. */
    public Namespace addEnvironment(String namespace, String installation, String app, String branch, Integer change,
            Instant createdAt, Instant expiresAt, Map<String, String> annotations) {
        Namespace ns = new NamespaceBuilder()
                .withNewMetadata()
                .withName(namespace)
                .addToLabels(ClusterContract.MANAGED_BY, ClusterContract.MANAGED_BY_VALUE)
                .addToLabels(ClusterContract.INSTALLATION, installation)
                .addToLabels(ClusterContract.APP, app)
                .addToLabels(ClusterContract.ENVIRONMENT, namespace)
                .addToAnnotations(ClusterContract.BRANCH, branch)
                .addToAnnotations(ClusterContract.URL, "https://" + namespace + ".preview.example.dev")
                .addToAnnotations(ClusterContract.STATUS, EnvironmentStatus.READY.value())
                .addToAnnotations(ClusterContract.COMMIT, "0123456789abcdef")
                .addToAnnotations(ClusterContract.CREATED_AT, createdAt.toString())
                .addToAnnotations(ClusterContract.DEPLOYED_AT, createdAt.toString())
                .addToAnnotations(ClusterContract.EXPIRES_AT, expiresAt.toString())
                .endMetadata()
                .build();
        if (change != null) {
            ns.getMetadata().getAnnotations().put(ClusterContract.CHANGE, String.valueOf(change));
        }
        ns.getMetadata().getAnnotations().putAll(annotations);
        return client.namespaces().resource(ns).create();
    }

    @Override
    public void close() {
        client.close();
        sandbox.close();
    }
}
