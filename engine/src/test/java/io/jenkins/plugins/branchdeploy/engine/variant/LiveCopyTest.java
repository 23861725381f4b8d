package io.jenkins.plugins.branchdeploy.engine.variant;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.jenkins.plugins.branchdeploy.engine.naming.EnvironmentNames;
import io.jenkins.plugins.branchdeploy.engine.naming.NamingPolicy;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the API server added is dropped, and the source's names become the variant's, but nothing else changes. */
class LiveCopyTest {

    private static final KubernetesSerialization YAML = new KubernetesSerialization();
    private static final EnvironmentNames VARIANT = NamingPolicy.withDefaults("example.dev").variantNames("shop", "pricing-v2");
    private static final String SOURCE_HOST = "main--shop.example.dev";

    private static HasMetadata copy(String yaml) {
        return LiveCopy.of(List.of((HasMetadata) YAML.unmarshal(yaml)), "shop-main", SOURCE_HOST, VARIANT).get(0).toResource();
    }

    @Test
    void anIngressServesTheVariantsHostAndItsSubdomainsAndNoOtherHostMoves() {
        Ingress ingress = (Ingress) copy("""
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata: {name: shop, namespace: shop-main, uid: u-1, resourceVersion: "7", generation: 2,
                  managedFields: [{manager: branch-deploy}], creationTimestamp: "2026-12-01T10:00:00Z"}
                spec:
                  tls: [{hosts: [main--shop.example.dev, api.main--shop.example.dev], secretName: shop-tls}]
                  rules:
                    - host: main--shop.example.dev
                    - host: api.main--shop.example.dev
                    - host: main--shop.example.dev.evil.example
                    - host: other-main--shop.example.dev
                status: {loadBalancer: {ingress: [{ip: 10.0.0.1}]}}
                """);

        assertThat(ingress.getSpec().getRules()).extracting(r -> r.getHost()).containsExactly("try-pricing-v2--shop.example.dev",
                "api.try-pricing-v2--shop.example.dev", "main--shop.example.dev.evil.example", "other-main--shop.example.dev");
        assertThat(ingress.getSpec().getTls().get(0).getHosts())
                .containsExactly("try-pricing-v2--shop.example.dev", "api.try-pricing-v2--shop.example.dev");
        assertThat(ingress.getMetadata().getNamespace()).isNull();
        assertThat(ingress.getMetadata().getUid()).isNull();
        assertThat(ingress.getMetadata().getResourceVersion()).isNull();
        assertThat(ingress.getMetadata().getManagedFields()).isEmpty();
        assertThat(ingress.getMetadata().getCreationTimestamp()).isNull();
        assertThat(ingress.getStatus()).isNull();
    }

    @Test
    void aServiceLosesItsAssignedAddressesButAHeadlessOneStaysHeadless() {
        Service assigned = (Service) copy("""
                apiVersion: v1
                kind: Service
                metadata: {name: web}
                spec: {type: NodePort, clusterIP: 10.96.0.7, clusterIPs: [10.96.0.7], ports: [{port: 80, nodePort: 30080}]}
                """);
        Service headless = (Service) copy("""
                apiVersion: v1
                kind: Service
                metadata: {name: db}
                spec: {clusterIP: None, ports: [{port: 5432}]}
                """);

        assertThat(assigned.getSpec().getClusterIP()).isNull();
        assertThat(assigned.getSpec().getClusterIPs()).isEmpty();
        assertThat(assigned.getSpec().getPorts().get(0).getNodePort()).isNull();
        assertThat(headless.getSpec().getClusterIP()).isEqualTo("None");
    }

    @Test
    void aScaledDownWorkloadGetsItsReplicasBackAndAddressesInItsNamespaceMove() {
        Deployment deployment = (Deployment) copy("""
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: web
                  annotations: {branchdeploy.jenkins.io/replicas: "3", deployment.kubernetes.io/revision: "4", team: shop}
                  ownerReferences: [{apiVersion: v1, kind: Thing, name: x, uid: u-2}]
                spec:
                  replicas: 0
                  selector: {matchLabels: {app: web}}
                  template:
                    metadata: {labels: {app: web}}
                    spec:
                      containers:
                        - name: web
                          image: web:1
                          env:
                            - {name: CART_URL, value: "http://cart.shop-main.svc.cluster.local:8080"}
                            - {name: PUBLIC_URL, value: "https://main--shop.example.dev/"}
                            - {name: TEAM_NAMESPACE, value: shop-main}
                            - {name: OTHER, value: shop-main-old}
                """);

        assertThat(deployment.getSpec().getReplicas()).isEqualTo(3);
        assertThat(deployment.getMetadata().getAnnotations()).containsOnlyKeys("team");
        assertThat(deployment.getMetadata().getOwnerReferences()).isEmpty();
        assertThat(deployment.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv()).extracting(e -> e.getValue())
                .containsExactly("http://cart.shop-try-pricing-v2.svc.cluster.local:8080", "https://try-pricing-v2--shop.example.dev/",
                        "shop-try-pricing-v2", "shop-main-old");
    }

    @Test
    void aJobLosesTheLabelsItsControllerTiedToTheSourceAndAClaimItsVolume() {
        Job job = (Job) copy("""
                apiVersion: batch/v1
                kind: Job
                metadata: {name: migrate}
                spec:
                  selector: {matchLabels: {controller-uid: u-3}}
                  template:
                    metadata: {labels: {controller-uid: u-3, job-name: migrate, app: migrate}}
                    spec: {restartPolicy: Never, containers: [{name: migrate, image: m:1}]}
                """);
        PersistentVolumeClaim claim = (PersistentVolumeClaim) copy("""
                apiVersion: v1
                kind: PersistentVolumeClaim
                metadata: {name: data}
                spec: {volumeName: pvc-123, accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Gi}}}
                """);

        assertThat(job.getSpec().getSelector()).isNull();
        assertThat(job.getSpec().getTemplate().getMetadata().getLabels()).containsOnlyKeys("app");
        assertThat(claim.getSpec().getVolumeName()).isNull();
        assertThat(claim.getSpec().getAccessModes()).containsExactly("ReadWriteOnce");
    }
}
