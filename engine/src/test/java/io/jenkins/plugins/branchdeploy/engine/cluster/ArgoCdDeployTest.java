package io.jenkins.plugins.branchdeploy.engine.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.jenkins.plugins.branchdeploy.engine.InvalidInputException;
import io.jenkins.plugins.branchdeploy.engine.ProgressListener;
import io.jenkins.plugins.branchdeploy.engine.branch.BranchRef;
import io.jenkins.plugins.branchdeploy.engine.naming.EnvironmentNames;
import io.jenkins.plugins.branchdeploy.engine.naming.NamingPolicy;
import io.jenkins.plugins.branchdeploy.engine.request.ApplyWith;
import io.jenkins.plugins.branchdeploy.engine.request.DeployRequest;
import io.jenkins.plugins.branchdeploy.engine.request.Exposure;
import io.jenkins.plugins.branchdeploy.engine.request.SecretEntry;
import io.jenkins.plugins.branchdeploy.sandbox.ArgoCdController;
import io.jenkins.plugins.branchdeploy.sandbox.RequestLog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Deploys handed to Argo CD ({@code applyWith argocd}) against the sandbox's stand-in for Argo CD:
 * the Application, the wait for sync and health, the unchanged redeploy, failures in Argo CD's words,
 * teardown through the finalizer, scale-down with the sync paused, and the refusals before any write.
 */
class ArgoCdDeployTest {

    private static final String REPO = "https://github.com/acme/shop.git";
    private static final String COMMIT = "4f2a9c1e0b7d3a5f6e8c9b0a1d2e3f4a5b6c7d8e";
    /** The app as its repository holds it at path {@code deploy}. */
    static final Path APP = Path.of("src/test/resources/argocd/deploy");

    private final NamingPolicy naming = NamingPolicy.withDefaults("preview.example.dev");
    private final BranchRef branch = BranchRef.of("shop", "feature/cart").withCommit(COMMIT);
    private final EnvironmentNames names = naming.names(branch);
    private final List<String> messages = new CopyOnWriteArrayList<>();
    private final ProgressListener progress = messages::add;

    @RegisterExtension
    final SandboxEnvironments sandbox = new SandboxEnvironments(naming);

    @TempDir
    Path dir;
    private ArgoCdController argoCd;

    @BeforeEach
    void start() throws IOException {
        List<String> files = List.of(Files.readString(APP.resolve("web.yaml")), Files.readString(APP.resolve("service.yaml")));
        Files.writeString(dir.resolve("web.yaml"), files.get(0));
        Files.writeString(dir.resolve("service.yaml"), files.get(1));
        argoCd = sandbox.cluster().installArgoCd("argocd").publish(REPO, "deploy", files);
    }

    @Test
    void argoCdAppliesTheAppAndBranchDeployTheNamespaceQuotaSecretsAndRoute() {
        DeployResult result = deploy(request().secrets(List.of(new SecretEntry("shop-db", "password", "s3cret")))
                .exposure(Exposure.of("expose", "web:80")).build());

        assertThat(result.succeeded()).as(result.failureReason()).isTrue();
        assertThat(result.url()).isEqualTo("http://" + names.host());
        GenericKubernetesResource application = application().get();
        assertThat(application.getMetadata().getLabels()).containsEntry(ClusterContract.MANAGED_BY, "branch-deploy")
                .containsEntry(ClusterContract.INSTALLATION, SandboxEnvironments.INSTALLATION)
                .containsEntry(ClusterContract.ENVIRONMENT, names.environment());
        assertThat(application.getMetadata().getAnnotations()).containsEntry(ClusterContract.COMMIT, COMMIT);
        assertThat(application.getMetadata().getFinalizers()).containsExactly(ArgoCdController.FINALIZER);
        Deployment web = sandbox.client().apps().deployments().inNamespace(names.namespace()).withName("web").get();
        assertThat(web.getMetadata().getAnnotations()).containsKey("argocd.argoproj.io/tracking-id");
        assertThat(sandbox.client().resourceQuotas().inNamespace(names.namespace()).list().getItems()).hasSize(1);
        assertThat(sandbox.client().secrets().inNamespace(names.namespace()).withName("shop-db").get()).isNotNull();
        assertThat(sandbox.client().network().v1().ingresses().inNamespace(names.namespace()).withName(Exposure.ROUTE_NAME).get())
                .isNotNull();
        Namespace namespace = sandbox.client().namespaces().withName(names.namespace()).get();
        assertThat(namespace.getMetadata().getAnnotations()).containsEntry(ClusterContract.ARGOCD_APPLICATION,
                "argocd/" + names.namespace()).containsEntry(ClusterContract.STATUS, "ready");
        assertThat(messages).anyMatch(m -> m.startsWith("Argo CD synced argocd/" + names.namespace() + " to " + COMMIT));
    }

    @Test
    void anUnchangedRedeployWritesNothingAndANewCommitUpdatesTheApplication() {
        assertThat(deploy(request().build()).succeeded()).isTrue();

        sandbox.cluster().requests().clear();
        DeployResult again = deploy(request().build());
        assertThat(again.unchanged()).isTrue();
        assertThat(sandbox.cluster().requests().writes()).isEmpty();

        String next = "9b8c7d6e5f4a3b2c1d0e9f8a7b6c5d4e3f2a1b0c";
        DeployResult moved = deploy(DeployRequest.builder(branch.withCommit(next), dir).applyWith(argoCd(next)).build());
        assertThat(moved.succeeded()).as(moved.failureReason()).isTrue();
        assertThat(application().get().getAdditionalProperties().get("spec").toString()).contains("targetRevision=" + next);
    }

    @Test
    void aDegradedAppFailsTheDeployNamingTheUnhealthyResource() {
        argoCd.degraded("Deployment/web", "Deployment \"web\" exceeded its progress deadline");

        DeployResult result = deploy(request().build());

        assertThat(result.succeeded()).isFalse();
        assertThat(result.failureReason()).isEqualTo("Argo CD reports the application Degraded; "
                + "Deployment/web: Degraded (Deployment \"web\" exceeded its progress deadline)");
        assertThat(sandbox.client().namespaces().withName(names.namespace()).get().getMetadata().getAnnotations())
                .containsEntry(ClusterContract.STATUS, "failed");
    }

    @Test
    void anApplicationNeverSyncedFailsAtTheTimeoutWithArgoCdsState() {
        argoCd.neverSyncs(names.namespace());

        DeployResult result = deploy(request().timeout(Duration.ofSeconds(2)).build());

        assertThat(result.failureReason()).isEqualTo("timed out after 2 s waiting for Argo CD to sync Application argocd/"
                + names.namespace() + " to " + COMMIT + ": sync OutOfSync, health Missing");
    }

    @Test
    void aSourceArgoCdCannotReadFailsWithItsCondition() {
        DeployResult result = deploy(DeployRequest.builder(branch, dir).timeout(Duration.ofSeconds(2))
                .applyWith(ApplyWith.ArgoCd.of(null, null, "https://github.com/acme/gone.git", "deploy", null, null, null, COMMIT, null)).build());

        assertThat(result.failureReason()).contains("ComparisonError: Failed to load target state").contains("repository not found");
    }

    @Test
    void teardownDeletesTheApplicationWaitsForArgoCdThenTheNamespace() throws Exception {
        deploy(request().build());
        argoCd.keepsResources(names.namespace());
        String applicationPath = "/apis/argoproj.io/v1alpha1/namespaces/argocd/applications/" + names.namespace();
        RequestLog requests = sandbox.cluster().requests();
        requests.clear();

        CompletableFuture<TeardownOutcome> teardown = CompletableFuture.supplyAsync(
                () -> sandbox.environments().lifecycle().teardown(EnvironmentRef.of(branch), progress));
        // the teardown polls the Application while Argo CD keeps its resources; the poll count decides, not the time
        long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!teardown.isDone() && System.nanoTime() < giveUp
                && requests.all().stream().filter(r -> r.method().equals("GET") && r.path().startsWith(applicationPath)).count() < 3) {
            Thread.sleep(20);
        }
        assertThat(teardown).as("the teardown waits for Argo CD").isNotDone();
        assertThat(sandbox.client().namespaces().withName(names.namespace()).get()).isNotNull();
        argoCd.release("argocd", names.namespace());

        assertThat(teardown.get(30, TimeUnit.SECONDS)).isEqualTo(TeardownOutcome.DELETED);
        assertThat(application().get()).isNull();
        assertThat(sandbox.client().namespaces().withName(names.namespace()).get()).isNull();
        List<String> deletes = requests.writes().stream().filter(r -> r.method().equals("DELETE")).map(RequestLog.Request::path).toList();
        assertThat(deletes.get(0)).startsWith(applicationPath);
        assertThat(deletes.get(deletes.size() - 1)).startsWith("/api/v1/namespaces/" + names.namespace());
    }

    @Test
    void anApplicationArgoCdDoesNotRemoveInTimeFailsTheTeardownBeforeTheNamespace() {
        deploy(request().build());
        argoCd.keepsResources(names.namespace());
        Namespace live = sandbox.client().namespaces().withName(names.namespace()).get();
        ApplicationTeardown teardown = new ApplicationTeardown(sandbox.client(), new ApiCalls(1, Duration.ofMillis(10)),
                SandboxEnvironments.INSTALLATION, Duration.ofMillis(50), Duration.ofSeconds(10));

        assertThatThrownBy(() -> teardown.delete(live, Duration.ofSeconds(2), progress)).isInstanceOf(ArgoCdTeardownException.class)
                .hasMessage("Argo CD has not removed Application argocd/" + names.namespace() + " and its resources within 2 s;"
                        + " the namespace is kept. See the Application's conditions in Argo CD, then tear down again");
        assertThat(sandbox.client().apps().deployments().inNamespace(names.namespace()).withName("web").get()).isNotNull();
    }

    @Test
    void anApplicationOfAnotherInstallationIsNeverTouched() {
        GenericKubernetesResource foreign = new GenericKubernetesResource();
        foreign.setApiVersion("argoproj.io/v1alpha1");
        foreign.setKind("Application");
        foreign.setMetadata(new io.fabric8.kubernetes.api.model.ObjectMetaBuilder().withName(names.namespace()).withNamespace("argocd")
                .withLabels(Map.of(ClusterContract.MANAGED_BY, "branch-deploy", ClusterContract.INSTALLATION, "ci-2")).build());
        foreign.setAdditionalProperty("spec", Map.of("project", "team"));
        sandbox.client().resource(foreign).create();
        sandbox.cluster().requests().clear();

        assertThatThrownBy(() -> deploy(request().build())).isInstanceOf(ForeignApplicationException.class)
                .hasMessageStartingWith("Argo CD Application 'argocd/" + names.namespace() + "' is not one of installation 'ci-1'");
        assertThat(sandbox.cluster().requests().writes()).isEmpty();
    }

    @Test
    void teardownLeavesAnApplicationThatLostItsLabelsAlone() {
        deploy(request().build());
        application().edit(a -> {
            a.getMetadata().setLabels(Map.of("team", "shop"));
            return a;
        });

        assertThat(sandbox.environments().lifecycle().teardown(EnvironmentRef.of(branch), progress)).isEqualTo(TeardownOutcome.DELETED);

        assertThat(application().get()).isNotNull();
        assertThat(messages).contains("WARNING: Argo CD Application argocd/" + names.namespace() + " lacks the labels of installation ci-1: left alone");
    }

    @Test
    void scaleDownPausesArgoCdsSyncAndWakeResumesIt() {
        deploy(request().build());

        sandbox.environments().lifecycle().scaleDown(EnvironmentRef.of(branch), ScaleDownCause.MANUAL, progress);
        assertThat(syncPolicy()).doesNotContainKey("automated");
        assertThat(replicas()).isZero();

        sandbox.environments().lifecycle().wake(EnvironmentRef.of(branch), progress);
        assertThat(syncPolicy()).containsKey("automated");
        assertThat(replicas()).isEqualTo(2);
    }

    @Test
    void withoutArgoCdsKindOrNamespaceTheDeployIsRefusedBeforeAnyWrite() {
        sandbox.cluster().requests().clear();
        assertThatThrownBy(() -> deploy(DeployRequest.builder(branch, dir)
                .applyWith(ApplyWith.ArgoCd.of("gitops", null, REPO, "deploy", null, null, null, COMMIT, null)).build()))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("argocdNamespace: namespace gitops does not exist; give the namespace Argo CD watches for Applications");
        assertThat(sandbox.cluster().requests().writes()).isEmpty();
    }

    @Test
    void aDirectDeployOfAnEnvironmentArgoCdAppliesIsRefused() {
        deploy(request().build());
        sandbox.cluster().requests().clear();

        assertThatThrownBy(() -> deploy(DeployRequest.builder(branch, dir).build()))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("applyWith: namespace " + names.namespace() + " is applied by Argo CD");
        assertThat(sandbox.cluster().requests().writes()).isEmpty();
    }

    @Test
    void plainYamlWithPlaceholdersIsRefusedAsArgoCdWouldNotSubstituteThem() throws IOException {
        Files.writeString(dir.resolve("config.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: config}\ndata: {host: \"${HOST}\"}\n");

        assertThatThrownBy(() -> deploy(request().build())).isInstanceOf(InvalidInputException.class)
                .hasMessage("manifests: Argo CD applies plain YAML as written, and config.yaml has ${HOST}, which only a direct deploy"
                        + " substitutes; use a Helm chart or a Kustomize overlay, or apply with direct");
    }

    private DeployResult deploy(DeployRequest request) {
        return sandbox.environments().deploys().deploy(request, progress);
    }

    private DeployRequest.Builder request() {
        return DeployRequest.builder(branch, dir).applyWith(argoCd(COMMIT));
    }

    private static ApplyWith argoCd(String revision) {
        return ApplyWith.ArgoCd.of(null, null, REPO, "deploy", null, null, null, revision, null);
    }

    private Resource<GenericKubernetesResource> application() {
        return sandbox.client().genericKubernetesResources("argoproj.io/v1alpha1", "Application").inNamespace("argocd")
                .withName(names.namespace());
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> syncPolicy() {
        return (Map<String, Object>) ((Map<?, ?>) application().get().getAdditionalProperties().get("spec")).get("syncPolicy");
    }

    private int replicas() {
        return sandbox.client().apps().deployments().inNamespace(names.namespace()).withName("web").get().getSpec().getReplicas();
    }
}
