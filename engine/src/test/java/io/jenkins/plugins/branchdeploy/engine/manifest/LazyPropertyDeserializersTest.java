package io.jenkins.plugins.branchdeploy.engine.manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class LazyPropertyDeserializersTest {

    /** Nulls, empty lists, unknown fields, numbers where text belongs, volumes, probes and affinity, a List. */
    private static final String ODD = """
            apiVersion: v1
            kind: List
            items:
            - apiVersion: apps/v1
              kind: Deployment
              metadata: {name: odd, labels: null, annotations: {}}
              spec:
                replicas: 2
                selector: {matchLabels: {app: odd}}
                unknownField: {kept: true}
                template:
                  metadata: {labels: {app: odd}}
                  spec:
                    volumes:
                    - {name: data, persistentVolumeClaim: {claimName: data}}
                    - {name: conf, configMap: {name: conf, items: []}}
                    containers:
                    - name: app
                      image: nginx
                      env: []
                      args: null
                      ports: [{containerPort: 8080, protocol: TCP}]
                      resources: {limits: {cpu: 1, memory: 256Mi}, requests: {cpu: 100m}}
                      readinessProbe: {httpGet: {path: /, port: http}, periodSeconds: 5}
                      securityContext: {capabilities: {drop: [ALL]}, runAsNonRoot: true}
                    affinity:
                      podAntiAffinity:
                        preferredDuringSchedulingIgnoredDuringExecution:
                        - weight: 1
                          podAffinityTerm: {topologyKey: kubernetes.io/hostname, labelSelector: {matchLabels: {app: odd}}}
            - apiVersion: batch/v1
              kind: CronJob
              metadata: {name: nightly}
              spec:
                schedule: "0 3 * * *"
                jobTemplate: {spec: {template: {spec: {restartPolicy: Never, containers: [{name: job, image: busybox}]}}}}
            """;

    private final KubernetesSerialization eager = new KubernetesSerialization();
    private final KubernetesSerialization lazy = new KubernetesSerialization(new ObjectMapper().registerModule(new LazyPropertyDeserializers()), true);

    @Test
    void givesTheSameObjectsAsJacksonsEagerDeserializers() throws IOException {
        List<JsonNode> documents = new ArrayList<>(documents(ODD));
        for (Path manifests : List.of(ManifestRendererTest.SHOP, ManifestRendererTest.MICROSERVICES_DEMO, ManifestRendererTest.PODINFO)) {
            try (Stream<Path> files = Files.walk(manifests)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).toList()) {
                    documents.addAll(documents(Files.readString(file).replace("${", "x-")));
                }
            }
        }

        assertThat(documents).hasSizeGreaterThan(50);
        for (JsonNode document : documents) {
            KubernetesResource expected = eager.convertValue(document, KubernetesResource.class);
            KubernetesResource actual = lazy.convertValue(document, KubernetesResource.class);
            assertThat(actual).usingRecursiveComparison().isEqualTo(expected);
            assertThat(lazy.asJson(actual)).isEqualTo(eager.asJson(expected));
        }
    }

    /** A kubeconfig as the command line reads it, with every kind of cluster, user and context entry. */
    private static final String KUBECONFIG = """
            apiVersion: v1
            kind: Config
            current-context: eks
            preferences: {}
            clusters:
            - name: eks
              cluster:
                server: https://ABC.gr7.eu-west-1.eks.amazonaws.com
                certificate-authority-data: TFMwdExTMUNSVWRKVGlCRFJWSlVTVVpKUTBGVVJTMHRMUzB0Q2c9PQ==
                tls-server-name: kubernetes
                extensions:
                - name: client.authentication.k8s.io/exec
                  extension: {audience: sts.amazonaws.com}
            - name: local
              cluster: {server: "http://127.0.0.1:8080", insecure-skip-tls-verify: true, proxy-url: "http://proxy:3128"}
            users:
            - name: eks
              user:
                exec:
                  apiVersion: client.authentication.k8s.io/v1beta1
                  command: aws
                  args: [eks, get-token, --cluster-name, preview]
                  env: [{name: AWS_PROFILE, value: ci}]
                  interactiveMode: Never
                  provideClusterInfo: false
            - name: oidc
              user:
                auth-provider: {name: oidc, config: {client-id: ci, idp-issuer-url: "https://issuer.example.dev"}}
            - name: certs
              user: {client-certificate-data: Y2VydA==, client-key-data: a2V5, username: ci, password: hunter2}
            - name: token
              user: {token: sandbox, tokenFile: /var/run/token, as: admin, as-groups: [system:masters]}
            contexts:
            - name: eks
              context: {cluster: eks, user: eks, namespace: preview}
            - name: local
              context: {cluster: local, user: token}
            """;

    @Test
    void readsAKubeconfigIntoTheSameModelAsFabric8Does() {
        io.fabric8.kubernetes.api.model.Config expected = eager.unmarshal(KUBECONFIG, io.fabric8.kubernetes.api.model.Config.class);
        io.fabric8.kubernetes.api.model.Config actual = lazy.unmarshal(KUBECONFIG, io.fabric8.kubernetes.api.model.Config.class);

        assertThat(actual.getUsers()).hasSize(4);
        assertThat(actual.getUsers().get(0).getUser().getExec().getArgs()).containsExactly("eks", "get-token", "--cluster-name", "preview");
        assertThat(actual).usingRecursiveComparison().isEqualTo(expected);
        assertThat(lazy.asJson(actual)).isEqualTo(eager.asJson(expected));
    }

    @Test
    void failsAsJacksonDoesOnAValueOfTheWrongType() {
        for (JsonNode document : documents("""
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: web}
                spec: {replicas: "${REPLICAS}"}
                ---
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: web}
                spec: {template: {spec: {containers: {name: not-a-list}}}}
                """)) {
            assertThatThrownBy(() -> eager.convertValue(document, Deployment.class)).isInstanceOf(IllegalArgumentException.class)
                    .satisfies(expected -> assertThatThrownBy(() -> lazy.convertValue(document, Deployment.class))
                            .isInstanceOf(IllegalArgumentException.class).hasMessage(expected.getMessage()));
        }
    }

    private static List<JsonNode> documents(String yaml) {
        try (MappingIterator<JsonNode> it = new YAMLMapper().readerFor(JsonNode.class).readValues(yaml)) {
            return it.readAll();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
