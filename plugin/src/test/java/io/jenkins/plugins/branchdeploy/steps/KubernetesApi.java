package io.jenkins.plugins.branchdeploy.steps;

import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;

/**
 * The Kubernetes API the step tests deploy to: fabric8's mock server in CRUD mode, on loopback.
 * Server-side apply, which the engine deploys with, is not part of the plain mock server; this one
 * place switches to the sandbox module's API server (which emulates it) once that module is a
 * test dependency.
 */
final class KubernetesApi implements AutoCloseable {

    private final KubernetesMockServer server =
            new KubernetesMockServer(new Context(), new MockWebServer(), new HashMap<>(), new KubernetesCrudDispatcher(), false);
    private final KubernetesClient client;

    KubernetesApi() {
        server.init();
        client = server.createClient();
    }

    /** The API server URL a configured cluster points at. */
    String url() {
        return server.url("/");
    }

    Namespace namespace(String name) {
        return client.namespaces().withName(name).get();
    }

    Secret secret(String namespace, String name) {
        return client.secrets().inNamespace(namespace).withName(name).get();
    }

    /** A Secret's value under {@code key}, whether written as {@code data} or {@code stringData}. */
    static String value(Secret secret, String key) {
        if (secret.getData() != null && secret.getData().containsKey(key)) {
            return new String(Base64.getDecoder().decode(secret.getData().get(key)), StandardCharsets.UTF_8);
        }
        return secret.getStringData() == null ? null : secret.getStringData().get(key);
    }

    @Override
    public void close() {
        client.close();
        server.destroy();
    }
}
