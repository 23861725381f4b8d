package io.jenkins.plugins.branchdeploy.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SandboxClusterTest {

    private SandboxCluster cluster;
    private KubernetesClient client;

    @BeforeEach
    void start() {
        cluster = SandboxCluster.start();
        client = cluster.newClient();
        client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName("shop").endMetadata().build()).create();
    }

    @AfterEach
    void stop() {
        client.close();
        cluster.close();
    }

    @Test
    void serverSideApplyCreatesThenReplacesAndRecordsTheFieldManager() {
        ConfigMap applied = apply(configMap(Map.of("colour", "blue")));
        assertThat(applied.getData()).containsEntry("colour", "blue");
        assertThat(applied.getMetadata().getManagedFields()).singleElement()
                .satisfies(f -> assertThat(f.getManager()).isEqualTo("branch-deploy"))
                .satisfies(f -> assertThat(f.getOperation()).isEqualTo("Apply"));

        ConfigMap replaced = apply(configMap(Map.of("size", "large")));
        assertThat(replaced.getData()).containsOnlyKeys("size");
        assertThat(Long.parseLong(replaced.getMetadata().getResourceVersion()))
                .isGreaterThan(Long.parseLong(applied.getMetadata().getResourceVersion()));
    }

    @Test
    void applyingTheSameObjectAgainChangesNothing() {
        String version = apply(configMap(Map.of("colour", "blue"))).getMetadata().getResourceVersion();
        assertThat(apply(configMap(Map.of("colour", "blue"))).getMetadata().getResourceVersion()).isEqualTo(version);
    }

    @Test
    void applyKeepsLabelsOfOtherManagersAndDropsItsOwnThatItNoLongerApplies() {
        ConfigMap first = configMap(Map.of());
        first.getMetadata().setLabels(Map.of("mine", "1", "old", "1"));
        apply(first);
        client.configMaps().inNamespace("shop").withName("settings").edit(cm -> {
            cm.getMetadata().getLabels().put("theirs", "1");
            return cm;
        });

        ConfigMap second = configMap(Map.of());
        second.getMetadata().setLabels(Map.of("mine", "2"));
        assertThat(apply(second).getMetadata().getLabels()).containsExactlyInAnyOrderEntriesOf(Map.of("mine", "2", "theirs", "1"));
    }

    @Test
    void applyRefusesAnObjectOfAnotherNamespace() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder()
                        .uri(URI.create(cluster.url() + "api/v1/namespaces/shop/configmaps/settings?fieldManager=branch-deploy"))
                        .header("Content-Type", "application/apply-patch+yaml")
                        .method("PATCH", HttpRequest.BodyPublishers.ofString(
                                "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"settings\",\"namespace\":\"other\"}}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("does not match the namespace");
        assertThat(client.configMaps().inAnyNamespace().list().getItems()).isEmpty();
    }

    @Test
    void workloadsBecomeReadyUnlessToldOtherwise() {
        cluster.workloads().neverReady("stuck");
        apply(deployment("web", 2));
        apply(deployment("stuck", 1));
        client.resource(new JobBuilder().withNewMetadata().withName("migrate").withNamespace("shop").endMetadata()
                .withNewSpec().withNewTemplate().withNewSpec().addNewContainer().withName("m").withImage("busybox").endContainer()
                .endSpec().endTemplate().endSpec().build()).fieldManager("branch-deploy").serverSideApply();

        Deployment web = client.apps().deployments().inNamespace("shop").withName("web").get();
        assertThat(web.getStatus().getReadyReplicas()).isEqualTo(2);
        assertThat(web.getStatus().getObservedGeneration()).isEqualTo(web.getMetadata().getGeneration());
        Deployment stuck = client.apps().deployments().inNamespace("shop").withName("stuck").get();
        assertThat(stuck.getStatus().getReadyReplicas()).isNull();
        assertThat(stuck.getStatus().getConditions()).anySatisfy(c -> assertThat(c.getReason()).isEqualTo("MinimumReplicasUnavailable"));
        assertThat(client.batch().v1().jobs().inNamespace("shop").withName("migrate").get().getStatus().getSucceeded()).isEqualTo(1);
    }

    @Test
    void aChangedSpecIsObservedAgain() {
        apply(deployment("web", 1));
        Deployment scaled = apply(deployment("web", 3));
        Deployment live = client.apps().deployments().inNamespace("shop").withName("web").get();
        assertThat(live.getMetadata().getGeneration()).isEqualTo(scaled.getMetadata().getGeneration()).isEqualTo(2);
        assertThat(live.getStatus().getObservedGeneration()).isEqualTo(2);
        assertThat(live.getStatus().getReadyReplicas()).isEqualTo(3);
    }

    @Test
    void deletingANamespaceDeletesItsContents() {
        apply(configMap(Map.of()));
        client.namespaces().withName("shop").delete();
        assertThat(client.configMaps().inNamespace("shop").list().getItems()).isEmpty();
    }

    @Test
    void knowsCustomResourcesAndWhetherTheyAreNamespaced() {
        assertThat(client.getApiResources("cert-manager.io/v1").getResources())
                .anySatisfy(r -> assertThat(r.getKind()).isEqualTo("Certificate"))
                .anySatisfy(r -> {
                    assertThat(r.getKind()).isEqualTo("ClusterIssuer");
                    assertThat(r.getNamespaced()).isFalse();
                });
        GenericKubernetesResource certificate = new GenericKubernetesResourceBuilder()
                .withApiVersion("cert-manager.io/v1").withKind("Certificate")
                .withNewMetadata().withName("web-tls").withNamespace("shop").endMetadata()
                .addToAdditionalProperties("spec", Map.of("secretName", "web-tls"))
                .build();
        client.resource(certificate).fieldManager("branch-deploy").serverSideApply();
        assertThat(client.genericKubernetesResources("cert-manager.io/v1", "Certificate").inNamespace("shop").withName("web-tls").get())
                .isNotNull();
    }

    @Test
    void plannedFaultsAnswerOnceAndChangeNothing() {
        cluster.faults().failOnce("PATCH", "/api/v1/namespaces/shop/configmaps", 403,
                "exceeded quota: compute, requested: pods=1, used: pods=20, limited: pods=20");
        assertThatThrownBy(() -> apply(configMap(Map.of())))
                .isInstanceOfSatisfying(KubernetesClientException.class, e -> {
                    assertThat(e.getCode()).isEqualTo(403);
                    assertThat(e.getStatus().getMessage()).startsWith("exceeded quota");
                });
        assertThat(client.configMaps().inNamespace("shop").withName("settings").get()).isNull();
        assertThat(apply(configMap(Map.of())).getMetadata().getName()).isEqualTo("settings");
        assertThat(cluster.faults().pending()).isZero();
    }

    @Test
    void aWithheldAnswerIsAClientTimeout() {
        cluster.faults().withholdOnce("GET", "/api/v1/namespaces/shop");
        try (KubernetesClient impatient = cluster.newClient(Duration.ofSeconds(2))) {
            assertThatThrownBy(() -> impatient.namespaces().withName("shop").get()).isInstanceOf(KubernetesClientException.class);
        }
        assertThat(client.namespaces().withName("shop").get()).isNotNull();
    }

    @Test
    void aDroppedConnectionFailsTheRequestWithoutAnAnswerAndChangesNothing() {
        cluster.faults().disconnectOnce("PATCH", "/api/v1/namespaces/shop/configmaps");
        cluster.requests().clear();
        assertThatThrownBy(() -> apply(configMap(Map.of())))
                .isInstanceOfSatisfying(KubernetesClientException.class, e -> assertThat(e.getCode()).isNotPositive());
        assertThat(cluster.requests().all()).extracting(Object::toString).containsExactly("PATCH /api/v1/namespaces/shop/configmaps/settings");
        assertThat(client.configMaps().inNamespace("shop").withName("settings").get()).isNull();
        assertThat(apply(configMap(Map.of())).getMetadata().getName()).isEqualTo("settings");
        assertThat(cluster.faults().pending()).isZero();
    }

    @Test
    void mixedModeExpectationsStillWork() {
        cluster.server().expect().get().withPath("/api/v1/namespaces/shop/configmaps/settings").andReturn(500, "boom").once();
        apply(configMap(Map.of()));
        assertThatThrownBy(() -> client.configMaps().inNamespace("shop").withName("settings").get())
                .isInstanceOfSatisfying(KubernetesClientException.class, e -> assertThat(e.getCode()).isEqualTo(500));
        assertThat(client.configMaps().inNamespace("shop").withName("settings").get()).isNotNull();
    }

    @Test
    void countsRequestsByMethodAndPath() {
        cluster.requests().clear();
        apply(configMap(Map.of()));
        client.configMaps().inNamespace("shop").withName("settings").get();
        assertThat(cluster.requests().all()).extracting(Object::toString).containsExactly(
                "PATCH /api/v1/namespaces/shop/configmaps/settings",
                "GET /api/v1/namespaces/shop/configmaps/settings");
        assertThat(cluster.requests().writes()).hasSize(1);
        assertThat(cluster.requests().count("GET")).isEqualTo(1);
    }

    @Test
    void kubeconfigPointsAtTheSandbox() {
        assertThat(cluster.kubeconfig()).contains("server: " + cluster.url()).contains("current-context: sandbox");
    }

    private ConfigMap configMap(Map<String, String> data) {
        return new ConfigMapBuilder().withNewMetadata().withName("settings").withNamespace("shop").endMetadata().withData(data).build();
    }

    private Deployment deployment(String name, int replicas) {
        return new DeploymentBuilder().withNewMetadata().withName(name).withNamespace("shop").endMetadata()
                .withNewSpec().withReplicas(replicas).withNewSelector().addToMatchLabels("app", name).endSelector()
                .withNewTemplate().withNewMetadata().addToLabels("app", name).endMetadata()
                .withNewSpec().addNewContainer().withName(name).withImage("nginx").endContainer().endSpec()
                .endTemplate().endSpec().build();
    }

    private <T extends io.fabric8.kubernetes.api.model.HasMetadata> T apply(T resource) {
        return client.resource(resource).fieldManager("branch-deploy").forceConflicts().serverSideApply();
    }
}
