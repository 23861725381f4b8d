package io.jenkins.plugins.branchdeploy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ConnectionHeadStartTest {

    @AfterEach
    void nothingLeftStarted() {
        assertThat(ConnectionHeadStart.take(null, null)).isNull();
    }

    @Test
    void readsTheKubeconfigAndContextEitherWayTheyAreWritten() {
        String[] args = {"deploy", "--app", "shop", "--kubeconfig", "/tmp/a.kubeconfig", "--context=staging", "--branch", "main"};

        assertThat(ConnectionHeadStart.optionValue(args, ClusterOptions.KUBECONFIG)).hasValue("/tmp/a.kubeconfig");
        assertThat(ConnectionHeadStart.optionValue(args, ClusterOptions.CONTEXT)).hasValue("staging");
        assertThat(ConnectionHeadStart.optionValue(new String[] {"deploy", "--kubeconfig"}, ClusterOptions.KUBECONFIG)).isEmpty();
    }

    @Test
    void aDeployTakesTheConnectionStartedForItsOwnOptionsOnce() {
        ConnectionHeadStart.forCommand(new String[] {"deploy", "--kubeconfig", "/nowhere/kubeconfig", "--context", "staging"});

        KubernetesClient client = ConnectionHeadStart.take(Path.of("/nowhere/kubeconfig"), "staging");

        assertThat(client).isNotNull();
        assertThat(ConnectionHeadStart.take(Path.of("/nowhere/kubeconfig"), "staging")).isNull();
        client.close();
    }

    @Test
    void aConnectionForOtherOptionsIsNotUsed() {
        ConnectionHeadStart.forCommand(new String[] {"deploy", "--kubeconfig", "/nowhere/kubeconfig"});

        assertThat(ConnectionHeadStart.take(Path.of("/elsewhere/kubeconfig"), null)).isNull();
    }

    @Test
    void onlyADeployStartsOne() {
        ConnectionHeadStart.forCommand(new String[] {"list", "--kubeconfig", "/nowhere/kubeconfig"});

        assertThat(ConnectionHeadStart.take(Path.of("/nowhere/kubeconfig"), null)).isNull();
    }
}
