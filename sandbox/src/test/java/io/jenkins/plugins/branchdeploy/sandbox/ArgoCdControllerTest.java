package io.jenkins.plugins.branchdeploy.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArgoCdControllerTest {

    private static final String REPO = "https://git.example.com/shop.git";
    private static final String DEPLOYMENT = """
            {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"web"},
             "spec":{"replicas":2,"selector":{"matchLabels":{"app":"web"}},
                     "template":{"metadata":{"labels":{"app":"web"}},"spec":{"containers":[{"name":"web","image":"shop:1"}]}}}}""";
    private static final String SERVICE = """
            {"apiVersion":"v1","kind":"Service","metadata":{"name":"web"},"spec":{"ports":[{"port":80}]}}""";

    private SandboxCluster cluster;
    private KubernetesClient client;
    private ArgoCdController argoCd;

    @BeforeEach
    void start() {
        cluster = SandboxCluster.start();
        client = cluster.newClient();
        argoCd = cluster.installArgoCd("argocd");
        client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName("shop-feature").endMetadata().build()).create();
    }

    @AfterEach
    void stop() {
        client.close();
        cluster.close();
    }

    @Test
    void syncsTheSourceIntoTheDestinationAndReportsSyncedAndHealthy() {
        argoCd.publish(REPO, "deploy", List.of(DEPLOYMENT, SERVICE));

        GenericKubernetesResource app = apply(application("shop-feature", "abc123", true));

        assertThat(app.getMetadata().getNamespace()).isEqualTo("argocd");
        Map<String, Object> status = status();
        assertThat(path(status, "sync", "status")).isEqualTo("Synced");
        assertThat(path(status, "sync", "revision")).isEqualTo("abc123");
        assertThat(path(status, "health", "status")).isEqualTo("Healthy");
        assertThat((List<?>) status.get("resources")).hasSize(2);
        Deployment web = client.apps().deployments().inNamespace("shop-feature").withName("web").get();
        assertThat(web.getStatus().getReadyReplicas()).isEqualTo(2);
        assertThat(web.getMetadata().getAnnotations()).containsEntry(ArgoCdController.TRACKING_ID,
                "shop-feature:apps/Deployment:shop-feature/web");
    }

    @Test
    void aDegradedResourceMakesTheApplicationDegradedAndIsNamed() {
        argoCd.publish(REPO, "deploy", List.of(DEPLOYMENT)).degraded("Deployment/web", "Deployment \"web\" exceeded its progress deadline");

        apply(application("shop-feature", "abc123", true));

        Map<String, Object> status = status();
        assertThat(path(status, "health", "status")).isEqualTo("Degraded");
        Map<?, ?> resource = (Map<?, ?>) ((List<?>) status.get("resources")).get(0);
        assertThat(resource.get("name")).isEqualTo("web");
        assertThat(((Map<?, ?>) resource.get("health")).get("message")).isEqualTo("Deployment \"web\" exceeded its progress deadline");
    }

    @Test
    void anApplicationNeverSyncedStaysOutOfSyncAndCreatesNothing() {
        argoCd.publish(REPO, "deploy", List.of(DEPLOYMENT)).neverSyncs("shop-feature");

        apply(application("shop-feature", "abc123", true));

        assertThat(path(status(), "sync", "status")).isEqualTo("OutOfSync");
        assertThat(client.apps().deployments().inNamespace("shop-feature").list().getItems()).isEmpty();
    }

    @Test
    void aSourceWithNothingPublishedFailsWithAComparisonError() {
        apply(application("shop-feature", "abc123", true));

        Map<String, Object> status = status();
        assertThat(path(status, "sync", "status")).isEqualTo("Unknown");
        Map<?, ?> condition = (Map<?, ?>) ((List<?>) status.get("conditions")).get(0);
        assertThat(condition.get("type")).isEqualTo("ComparisonError");
        assertThat((String) condition.get("message")).contains("repository not found");
    }

    @Test
    void aFileRepositoryIsReadFromTheDisk(@TempDir Path repository) throws IOException {
        Files.createDirectories(repository.resolve("deploy"));
        Files.writeString(repository.resolve("deploy/app.yaml"), DEPLOYMENT + "\n---\n" + SERVICE);

        apply(application("shop-feature", "abc123", true).replace(REPO, repository.toUri().toString()));

        assertThat(path(status(), "health", "status")).isEqualTo("Healthy");
        assertThat(client.services().inNamespace("shop-feature").withName("web").get()).isNotNull();
    }

    @Test
    void aPausedSyncLeavesTheLiveObjectsAlone() {
        argoCd.publish(REPO, "deploy", List.of(DEPLOYMENT));
        apply(application("shop-feature", "abc123", true));
        client.apps().deployments().inNamespace("shop-feature").withName("web").scale(0);

        apply(application("shop-feature", "abc123", false));

        assertThat(client.apps().deployments().inNamespace("shop-feature").withName("web").get().getSpec().getReplicas()).isZero();
    }

    @Test
    void aResyncPrunesWhatTheSourceNoLongerHas() {
        argoCd.publish(REPO, "deploy", List.of(DEPLOYMENT, SERVICE));
        apply(application("shop-feature", "abc123", true));

        argoCd.publish(REPO, "deploy", List.of(DEPLOYMENT));
        apply(application("shop-feature", "def456", true));

        assertThat(client.services().inNamespace("shop-feature").withName("web").get()).isNull();
        assertThat(path(status(), "sync", "revision")).isEqualTo("def456");
    }

    @Test
    void deletingWithTheFinalizerRemovesTheResourcesThenTheApplication() {
        argoCd.publish(REPO, "deploy", List.of(DEPLOYMENT, SERVICE));
        apply(application("shop-feature", "abc123", true));

        application().delete();

        assertThat(application().get()).isNull();
        assertThat(client.apps().deployments().inNamespace("shop-feature").list().getItems()).isEmpty();
        assertThat(client.services().inNamespace("shop-feature").list().getItems()).isEmpty();
    }

    @Test
    void anApplicationThatKeepsItsResourcesStaysMarkedForDeletion() {
        argoCd.publish(REPO, "deploy", List.of(DEPLOYMENT)).keepsResources("shop-feature");
        apply(application("shop-feature", "abc123", true));

        application().delete();

        assertThat(application().get().getMetadata().getDeletionTimestamp()).isNotNull();
        assertThat(client.apps().deployments().inNamespace("shop-feature").withName("web").get()).isNotNull();

        argoCd.release("argocd", "shop-feature");

        assertThat(application().get()).isNull();
        assertThat(client.apps().deployments().inNamespace("shop-feature").withName("web").get()).isNull();
    }

    private GenericKubernetesResource apply(String yaml) {
        return client.resource(Serialization.unmarshal(yaml, GenericKubernetesResource.class))
                .fieldManager("branch-deploy").forceConflicts().serverSideApply();
    }

    private Resource<GenericKubernetesResource> application() {
        return client.genericKubernetesResources(ArgoCdController.API_VERSION, "Application").inNamespace("argocd").withName("shop-feature");
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> status() {
        return (Map<String, Object>) application().get().getAdditionalProperties().get("status");
    }

    private static Object path(Map<String, Object> map, String first, String second) {
        return ((Map<?, ?>) map.get(first)).get(second);
    }

    private static String application(String name, String revision, boolean automated) {
        return """
                apiVersion: argoproj.io/v1alpha1
                kind: Application
                metadata:
                  name: %s
                  namespace: argocd
                  finalizers: [%s]
                spec:
                  project: default
                  source: {repoURL: "%s", path: deploy, targetRevision: %s}
                  destination: {server: "https://kubernetes.default.svc", namespace: shop-feature}
                  syncPolicy: %s
                """.formatted(name, ArgoCdController.FINALIZER, REPO, revision,
                automated ? "{automated: {prune: true}, syncOptions: [CreateNamespace=false]}" : "{syncOptions: [CreateNamespace=false]}");
    }
}
