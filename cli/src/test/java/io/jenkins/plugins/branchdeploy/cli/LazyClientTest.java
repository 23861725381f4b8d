package io.jenkins.plugins.branchdeploy.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.jenkins.plugins.branchdeploy.engine.InvalidInputException;
import io.jenkins.plugins.branchdeploy.sandbox.SandboxCluster;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class LazyClientTest {

    @Test
    void aClientConnectingAheadConnectsOnAnotherThreadBeforeItsFirstUse() throws InterruptedException {
        CountDownLatch connected = new CountDownLatch(1);
        AtomicReference<String> connectingThread = new AtomicReference<>();
        try (SandboxCluster sandbox = SandboxCluster.start();
                KubernetesClient client = LazyClient.ahead(() -> {
                    connectingThread.set(Thread.currentThread().getName());
                    connected.countDown();
                    return sandbox.newClient();
                })) {
            assertThat(connected.await(60, TimeUnit.SECONDS)).isTrue();
            assertThat(connectingThread.get()).isNotEqualTo(Thread.currentThread().getName());

            assertThat(client.namespaces().list().getItems()).isNotNull();
        }
    }

    @Test
    void itsFirstUseFailsAsConnectingFailed() {
        InvalidInputException bad = new InvalidInputException("kubeconfig", "/nowhere does not exist; give the path of a kubeconfig file");
        KubernetesClient client = LazyClient.ahead(() -> {
            throw bad;
        });

        assertThatThrownBy(() -> client.namespaces().list()).isSameAs(bad);
        client.close();
    }

    @Test
    void closingItUnusedClosesTheConnectionMadeAhead() {
        AtomicReference<KubernetesClient> made = new AtomicReference<>();
        try (SandboxCluster sandbox = SandboxCluster.start()) {
            KubernetesClient client = LazyClient.ahead(() -> {
                made.set(sandbox.newClient());
                return made.get();
            });

            client.close();

            assertThat(made.get().getHttpClient().isClosed()).isTrue();
        }
    }
}
