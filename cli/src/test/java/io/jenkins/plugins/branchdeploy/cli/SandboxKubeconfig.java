package io.jenkins.plugins.branchdeploy.cli;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.jenkins.plugins.branchdeploy.sandbox.SandboxCluster;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A sandbox API server for one test ({@code @RegisterExtension} on an instance field) and a
 * kubeconfig file that points the commands at it, as a user's would; a client of its own for the
 * tests that look at the cluster themselves.
 */
final class SandboxKubeconfig implements BeforeEachCallback, AfterEachCallback {

    private SandboxCluster cluster;
    private Path kubeconfig;
    private KubernetesClient client;

    SandboxCluster cluster() {
        return cluster;
    }

    /** The kubeconfig file's path, for {@code --kubeconfig}. */
    String kubeconfig() {
        return kubeconfig.toString();
    }

    KubernetesClient client() {
        if (client == null) {
            client = cluster.newClient();
        }
        return client;
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        cluster = SandboxCluster.start();
        try {
            kubeconfig = cluster.writeKubeconfig(Files.createTempFile("sandbox", ".kubeconfig"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void afterEach(ExtensionContext context) throws IOException {
        if (client != null) {
            client.close();
        }
        cluster.close();
        Files.deleteIfExists(kubeconfig);
    }
}
