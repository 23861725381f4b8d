package io.jenkins.plugins.branchdeploy;

import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.jenkins.plugins.branchdeploy.engine.cluster.ClusterContract;
import io.jenkins.plugins.branchdeploy.engine.cluster.EnvironmentStatus;
import java.time.Instant;
import java.util.HashMap;

/**
 * The stand-in Kubernetes API for plugin tests: fabric8's mock server in CRUD mode on loopback,
 * over plain http. Seeds namespaces the way the engine records environments (DESIGN.md §5).
 */
public final class KubernetesApi implements AutoCloseable {

    private final KubernetesMockServer server;
    private final KubernetesClient client;

    public KubernetesApi() {
        server = new KubernetesMockServer(new Context(), new MockWebServer(), new HashMap<>(), new KubernetesCrudDispatcher(), false);
        server.init();
        client = server.createClient();
    }

    /** The API server URL to configure a cluster with. */
    public String url() {
        return server.url("/");
    }

    /** A client that sees everything, for seeding and checking. */
    public KubernetesClient client() {
        return client;
    }

    /** The Authorization header of the last request the server received. */
    public String lastAuthorization() throws InterruptedException {
        return server.getLastRequest().getHeader("Authorization");
    }

    /** A namespace labelled and annotated as an environment of {@code installation}. */
    public Namespace addEnvironment(String namespace, String installation, String app, String branch, Integer change,
            Instant createdAt, Instant expiresAt) {
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
        return client.namespaces().resource(ns).create();
    }

    @Override
    public void close() {
        client.close();
        server.destroy();
    }
}
