package io.jenkins.plugins.branchdeploy.engine.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.jenkins.plugins.branchdeploy.engine.InvalidInputException;
import io.jenkins.plugins.branchdeploy.engine.ProgressListener;
import io.jenkins.plugins.branchdeploy.engine.branch.BranchRef;
import io.jenkins.plugins.branchdeploy.engine.branch.ChangeRequest;
import io.jenkins.plugins.branchdeploy.engine.naming.EnvironmentNames;
import io.jenkins.plugins.branchdeploy.engine.naming.NamingPolicy;
import io.jenkins.plugins.branchdeploy.engine.request.DeployRequest;
import io.jenkins.plugins.branchdeploy.engine.request.Quota;
import io.jenkins.plugins.branchdeploy.engine.request.SecretEntry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class BranchEnvironmentsTest {

    static final Path SHOP = Path.of("../docs/examples/shop");
    static final Path PODINFO = Path.of("src/test/resources/manifests/podinfo-webapp");
    static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
    /** How long the client waits for an answer the sandbox withholds on purpose (a normal answer takes milliseconds). */
    static final Duration WITHHOLDING_CLIENT_TIMEOUT = Duration.ofSeconds(3);

    private final NamingPolicy naming = NamingPolicy.withDefaults("preview.example.dev");
    private final BranchRef cart = BranchRef.of("shop", "feature/cart").withCommit("4f2a9c1");
    private final EnvironmentNames names = naming.names(cart);
    private final List<String> messages = new CopyOnWriteArrayList<>();
    private final ProgressListener progress = messages::add;

    @RegisterExtension
    final SandboxEnvironments sandbox = new SandboxEnvironments(naming).withClientTimeout(WITHHOLDING_CLIENT_TIMEOUT);
    private BranchEnvironments environments;

    @TempDir
    Path dir;

    @BeforeEach
    void start() {
        environments = environments("ci-1");
    }

    @Test
    void deploysTheExampleShopIntoALabelledNamespace() {
        DeployResult result = environments.deploys().deploy(shop(cart, "s3cret"), progress);

        assertThat(result.succeeded()).isTrue();
        assertThat(result.failureReason()).isNull();
        assertThat(result.unchanged()).isFalse();
        assertThat(result.url()).isEqualTo("https://" + names.host());
        assertThat(result.phases()).containsOnlyKeys("namespace", "apply", "prune", "rollout");
        assertThat(result.phases().keySet()).containsExactly("namespace", "apply", "prune", "rollout");
        assertThat(result.appliedResources()).isSorted().contains(
                "Certificate/shop-tls", "ConfigMap/shop-config", "Deployment/frontend", "Ingress/shop", "LimitRange/branch-deploy", "NetworkPolicy/branch-deploy",
                "ResourceQuota/branch-deploy", "Secret/shop-db", "ServiceMonitor/shop", "StatefulSet/database").hasSize(16);

        Namespace namespace = sandbox.client().namespaces().withName(names.namespace()).get();
        assertThat(namespace.getMetadata().getLabels()).containsExactlyInAnyOrderEntriesOf(Map.of(
                ClusterContract.MANAGED_BY, "branch-deploy", ClusterContract.INSTALLATION, "ci-1",
                ClusterContract.APP, "shop", ClusterContract.ENVIRONMENT, names.environment()));
        assertThat(namespace.getMetadata().getAnnotations())
                .containsEntry(ClusterContract.BRANCH, "feature/cart")
                .containsEntry(ClusterContract.COMMIT, "4f2a9c1")
                .containsEntry(ClusterContract.CREATED_AT, "2026-03-01T10:00:00Z")
                .containsEntry(ClusterContract.DEPLOYED_AT, "2026-03-01T10:00:00Z")
                .containsEntry(ClusterContract.EXPIRES_AT, "2026-03-04T10:00:00Z")
                .containsEntry(ClusterContract.URL, "https://" + names.host())
                .containsEntry(ClusterContract.STATUS, "ready")
                .doesNotContainKey(ClusterContract.CHANGE);
        Secret secret = sandbox.client().secrets().inNamespace(names.namespace()).withName("shop-db").get();
        assertThat(new String(Base64.getDecoder().decode(secret.getData().get("password")), StandardCharsets.UTF_8)).isEqualTo("s3cret");
        assertThat(sandbox.client().apps().deployments().inNamespace(names.namespace()).withName("frontend").get().getMetadata().getManagedFields())
                .anySatisfy(f -> assertThat(f.getManager()).isEqualTo(ClusterContract.FIELD_MANAGER));
        assertThat(sandbox.client().resourceQuotas().inNamespace(names.namespace()).withName("branch-deploy").get().getSpec().getHard())
                .containsKeys("limits.cpu", "limits.memory", "pods");
        assertThat(messages).anySatisfy(m -> assertThat(m).startsWith("Waiting for 4 workloads to be ready"));
        assertThat(String.join("\n", messages) + result).doesNotContain("s3cret");
    }

    @Test
    void writesNothingOutsideTheEnvironmentNamespace() {
        environments.deploys().deploy(shop(cart, "s3cret"), progress);

        assertThat(sandbox.cluster().requests().writes()).isNotEmpty().allSatisfy(write -> assertThat(write.path())
                .satisfiesAnyOf(
                        p -> assertThat(p).isEqualTo("/api/v1/namespaces/" + names.namespace()),
                        p -> assertThat(p).contains("/namespaces/" + names.namespace() + "/")));
    }

    @Test
    void anUnchangedRedeployWritesNothingAndSaysSo() {
        environments.deploys().deploy(shop(cart, "s3cret"), progress);
        sandbox.cluster().requests().clear();

        DeployResult again = environments.deploys().deploy(shop(cart, "s3cret"), progress);

        assertThat(again.succeeded()).isTrue();
        assertThat(again.unchanged()).isTrue();
        assertThat(again.url()).isEqualTo("https://" + names.host());
        assertThat(again.appliedResources()).contains("Deployment/frontend");
        assertThat(sandbox.cluster().requests().writes()).isEmpty();
        assertThat(messages).contains("Nothing changed since the last deploy of " + names.namespace() + ": nothing written");
    }

    @Test
    void aChangedSecretValueOrVariableIsDeployed() {
        environments.deploys().deploy(shop(cart, "s3cret"), progress);

        sandbox.cluster().requests().clear();
        assertThat(environments.deploys().deploy(shop(cart, "rotated"), progress).unchanged()).isFalse();
        assertThat(sandbox.cluster().requests().writes()).isNotEmpty();

        DeployRequest newTag = request(cart, SHOP, Map.of("IMAGE_TAG", "1.5.0"), List.of(new SecretEntry("shop-db", "password", "rotated")));
        assertThat(environments.deploys().deploy(newTag, progress).unchanged()).isFalse();
        assertThat(sandbox.client().apps().deployments().inNamespace(names.namespace()).withName("frontend").get()
                .getSpec().getTemplate().getSpec().getContainers().get(0).getImage()).endsWith(":1.5.0");
    }

    @Test
    void prunesWhatThePreviousDeployAppliedAndThisOneDoesNot() throws IOException {
        environments.deploys().deploy(shop(cart, "s3cret"), progress);
        Path smaller = copyOfShopWithout("cart.yaml", "monitoring.yaml");

        DeployResult result = environments.deploys().deploy(request(cart, smaller, Map.of("IMAGE_TAG", "1.4.2"), List.of()), progress);

        assertThat(result.succeeded()).isTrue();
        assertThat(result.appliedResources()).doesNotContain("Deployment/cart", "ServiceMonitor/shop", "Secret/shop-db");
        assertThat(sandbox.client().apps().deployments().inNamespace(names.namespace()).withName("cart").get()).isNull();
        assertThat(sandbox.client().services().inNamespace(names.namespace()).withName("cart").get()).isNull();
        assertThat(sandbox.client().secrets().inNamespace(names.namespace()).withName("shop-db").get()).isNull();
        assertThat(sandbox.client().genericKubernetesResources("monitoring.coreos.com/v1", "ServiceMonitor").inNamespace(names.namespace()).list().getItems()).isEmpty();
        assertThat(sandbox.client().apps().deployments().inNamespace(names.namespace()).withName("frontend").get()).isNotNull();
        assertThat(messages).contains("Pruned Deployment/cart, which this deploy no longer has");
    }

    @Test
    void aWorkloadThatNeverBecomesReadyFailsTheDeployNamingItAndItsStatus() {
        sandbox.cluster().workloads().neverReady("catalog");
        environments.withTimings(Duration.ofMillis(10), Duration.ofMillis(100), Duration.ofMillis(300));

        DeployResult result = environments.deploys().deploy(request(cart, SHOP, Map.of("IMAGE_TAG", "1"), secret("x"), Duration.ofSeconds(2)), progress);

        assertThat(result.status()).isEqualTo(EnvironmentStatus.FAILED);
        assertThat(result.failureReason()).startsWith("timed out after 2 s waiting for 1 of 4 workloads to be ready: ")
                .contains("Deployment/catalog: 0/1 ready, 1 updated, 0 available")
                .contains("Available=False MinimumReplicasUnavailable: Deployment does not have minimum availability.")
                .doesNotContain("frontend");
        assertThat(messages).anySatisfy(m -> assertThat(m).startsWith("3 of 4 workloads ready; waiting for Deployment/catalog: 0/1 ready"));
        Map<String, String> annotations = sandbox.client().namespaces().withName(names.namespace()).get().getMetadata().getAnnotations();
        assertThat(annotations).containsEntry(ClusterContract.STATUS, "failed").containsEntry(ClusterContract.STATUS_REASON, result.failureReason())
                .doesNotContainKey(ClusterContract.FINGERPRINT);

        sandbox.cluster().requests().clear();
        environments.deploys().deploy(request(cart, SHOP, Map.of("IMAGE_TAG", "1"), secret("x"), Duration.ofSeconds(1)), progress);
        assertThat(sandbox.cluster().requests().writes()).as("a failed environment is deployed again even when unchanged").isNotEmpty();
    }

    @Test
    void retriesAServerErrorAndATimeout() {
        String deployments = "/apis/apps/v1/namespaces/" + names.namespace() + "/deployments";
        sandbox.cluster().faults().failOnce("PATCH", deployments, 500, "etcdserver: leader changed")
                .withholdOnce("PATCH", "/api/v1/namespaces/" + names.namespace() + "/configmaps");

        DeployResult result = environments.deploys().deploy(shop(cart, "s3cret"), progress);

        assertThat(result.succeeded()).isTrue();
        assertThat(sandbox.cluster().faults().pending()).isZero();
        assertThat(messages).anySatisfy(m -> assertThat(m).contains("the API server answered 500: etcdserver: leader changed; retrying in"))
                .anySatisfy(m -> assertThat(m).contains("apply ConfigMap/shop-config in " + names.namespace() + ": no answer from the API server"));
    }

    @Test
    void aConflictIsReportedAtOnceWithTheServersMessage() {
        String frontend = "/apis/apps/v1/namespaces/" + names.namespace() + "/deployments/frontend";
        sandbox.cluster().faults().failOnce("PATCH", frontend, 409, "Operation cannot be fulfilled on deployments.apps \"frontend\": the object has been modified");

        DeployResult result = environments.deploys().deploy(shop(cart, "s3cret"), progress);

        assertThat(result.status()).isEqualTo(EnvironmentStatus.FAILED);
        assertThat(result.failureReason()).isEqualTo("apply Deployment/frontend in " + names.namespace()
                + ": the API server answered 409: Operation cannot be fulfilled on deployments.apps \"frontend\": the object has been modified");
        assertThat(sandbox.cluster().requests().all()).filteredOn(r -> r.path().equals(frontend)).hasSize(1);
        assertThat(result.appliedResources()).contains("ConfigMap/shop-config").doesNotContain("Deployment/frontend");
        assertThat(sandbox.client().namespaces().withName(names.namespace()).get().getMetadata().getAnnotations())
                .containsEntry(ClusterContract.STATUS, "failed");
    }

    @Test
    void aQuotaRefusalIsReportedWithTheServersMessage() {
        sandbox.cluster().faults().failOnce("PATCH", "/apis/apps/v1/namespaces/" + names.namespace() + "/statefulsets", 403,
                "statefulsets.apps \"database\" is forbidden: exceeded quota: branch-deploy, requested: limits.memory=512Mi, used: limits.memory=4Gi, limited: limits.memory=4Gi");

        DeployResult result = environments.deploys().deploy(shop(cart, "s3cret"), progress);

        assertThat(result.status()).isEqualTo(EnvironmentStatus.FAILED);
        assertThat(result.failureReason()).contains("403").contains("exceeded quota: branch-deploy");
    }

    @Test
    void refusesANamespaceItDoesNotOwnWithoutWritingAnything() {
        sandbox.client().namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(names.namespace())
                .addToLabels(ClusterContract.MANAGED_BY, "branch-deploy").addToLabels(ClusterContract.INSTALLATION, "someone-else")
                .endMetadata().build()).create();
        sandbox.cluster().requests().clear();

        assertThatThrownBy(() -> environments.deploys().deploy(shop(cart, "s3cret"), progress))
                .isInstanceOf(ForeignNamespaceException.class).hasMessageStartingWith("namespace '" + names.namespace()
                        + "' is not an environment of installation 'ci-1'");
        assertThatThrownBy(() -> environments.lifecycle().teardown(EnvironmentRef.of(cart), progress)).isInstanceOf(ForeignNamespaceException.class);
        assertThat(sandbox.cluster().requests().writes()).isEmpty();
        assertThat(sandbox.client().namespaces().withName(names.namespace()).get()).isNotNull();
    }

    @Test
    void tearsDownAndAnAbsentEnvironmentIsSuccess() {
        environments.deploys().deploy(shop(cart, "s3cret"), progress);

        assertThat(environments.lifecycle().teardown(EnvironmentRef.of(cart), progress)).isEqualTo(TeardownOutcome.DELETED);
        assertThat(sandbox.client().namespaces().withName(names.namespace()).get()).isNull();
        assertThat(environments.lifecycle().teardown(EnvironmentRef.of(cart), progress)).isEqualTo(TeardownOutcome.ABSENT);
        assertThat(environments.inventory().all()).isEmpty();
    }

    @Test
    void inventoryListsThisInstallationsEnvironmentsFromOneListCall() {
        BranchRef pr = BranchRef.of("shop", "feature/login").withChange(ChangeRequest.of(42)).withCommit("abc");
        environments.deploys().deploy(shop(cart, "s3cret"), progress);
        environments.deploys().deploy(shop(pr, "s3cret"), progress);
        environments("ci-2").deploys().deploy(shop(BranchRef.of("shop", "other"), "s3cret"), progress);
        sandbox.cluster().requests().clear();

        List<Environment> inventory = environments.inventory().all();

        assertThat(sandbox.cluster().requests().all()).extracting(Object::toString).containsExactly("GET /api/v1/namespaces");
        assertThat(inventory).extracting(Environment::namespace).containsExactly(names.namespace(), "shop-pr-42");
        Environment prEnvironment = inventory.get(1);
        assertThat(prEnvironment).isEqualTo(new Environment("shop-pr-42", "shop", "pr-42", "feature/login", 42, "abc",
                "https://pr-42--shop.preview.example.dev", EnvironmentStatus.READY, NOW, NOW, NOW.plus(Duration.ofDays(3)), null, null, null, null, null, null));
        assertThat(environments.lifecycle().teardown(EnvironmentRef.of(prEnvironment), progress)).isEqualTo(TeardownOutcome.DELETED);
        assertThat(environments.inventory().all()).extracting(Environment::namespace).containsExactly(names.namespace());
    }

    @Test
    void badInputIsRefusedBeforeAnythingIsSentToTheCluster() throws IOException {
        Files.writeString(dir.resolve("web.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: web\ndata:\n  v: ${NOPE}\n");

        assertThatThrownBy(() -> environments.deploys().deploy(request(cart, dir, Map.of(), List.of()), progress))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("web.yaml, document 1 (ConfigMap/web): ${NOPE} is not defined");
        assertThatThrownBy(() -> environments.deploys().deploy(DeployRequest.builder(cart, SHOP)
                .variables(Map.of("IMAGE_TAG", "1")).quota(new Quota("lots", "4Gi", 10)).build(), progress))
                .isInstanceOf(InvalidInputException.class).hasMessageStartingWith("quota: cpu 'lots' is not a positive Kubernetes quantity");
        assertThatThrownBy(() -> new BranchEnvironments(sandbox.client(), "no spaces please", naming))
                .isInstanceOf(InvalidInputException.class).hasMessageStartingWith("installation: 'no spaces please' is not a Kubernetes label value");
        assertThat(sandbox.cluster().requests().count()).isZero();
    }

    @Test
    void refusesCustomKindsTheClusterLacksOrThatAreClusterScopedWithoutWriting() throws IOException {
        Files.writeString(dir.resolve("issuer.yaml"), "apiVersion: cert-manager.io/v1\nkind: ClusterIssuer\nmetadata:\n  name: letsencrypt\nspec: {}\n");
        assertThatThrownBy(() -> environments.deploys().deploy(request(cart, dir, Map.of(), List.of()), progress))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("manifests: issuer.yaml, document 1 (ClusterIssuer/letsencrypt): ClusterIssuer is cluster-scoped");

        Files.writeString(dir.resolve("issuer.yaml"), "apiVersion: example.com/v1\nkind: Widget\nmetadata:\n  name: w\n");
        assertThatThrownBy(() -> environments.deploys().deploy(request(cart, dir, Map.of(), List.of()), progress))
                .hasMessageStartingWith("manifests: issuer.yaml, document 1 (Widget/w): the cluster has no kind Widget in example.com/v1");
        assertThat(sandbox.cluster().requests().writes()).isEmpty();
    }

    @Test
    void deploysTheRealPodinfoManifestsReHomedFromTheirNamespace() {
        // its two Deployments' CPU limits (3) exceed the default quota (2)
        DeployRequest request = DeployRequest.builder(cart, PODINFO).quota(Quota.DEFAULT.with("quota", "cpu=4"))
                .sourceNamespace("webapp").build();

        DeployResult result = environments.deploys().deploy(request, progress);

        assertThat(result.succeeded()).isTrue();
        assertThat(sandbox.client().namespaces().withName("webapp").get()).isNull();
        RoleBinding binding = sandbox.client().rbac().roleBindings().inNamespace(names.namespace()).withName("reconciler").get();
        assertThat(binding.getSubjects()).singleElement().satisfies(s -> assertThat(s.getNamespace()).isEqualTo(names.namespace()));
        assertThat(sandbox.client().autoscaling().v2().horizontalPodAutoscalers().inNamespace(names.namespace()).list().getItems()).hasSize(2);
    }

    @Test
    void aSecondDeployOfTheSameEnvironmentWaitsForTheFirst() throws Exception {
        CountDownLatch secondIsWaiting = new CountDownLatch(1);
        ProgressListener first = message -> {
            if (message.startsWith("Applied")) {
                await(secondIsWaiting);
            }
        };
        ProgressListener second = message -> {
            if (message.startsWith("Another deploy or teardown of " + names.namespace() + " is running")) {
                secondIsWaiting.countDown();
            }
        };
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<DeployResult> one = pool.submit(() -> environments.deploys().deploy(shop(cart, "s3cret"), first));
            Future<DeployResult> two = pool.submit(() -> {
                while (sandbox.client().namespaces().withName(names.namespace()).get() == null) {
                    Thread.onSpinWait();
                }
                return environments.deploys().deploy(shop(cart, "s3cret"), second);
            });

            assertThat(one.get(60, TimeUnit.SECONDS).unchanged()).isFalse();
            assertThat(secondIsWaiting.getCount()).isZero();
            assertThat(two.get(60, TimeUnit.SECONDS).unchanged()).as("the second saw the first one's finished deploy").isTrue();
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void deploysOfDifferentEnvironmentsRunInParallel() throws Exception {
        BranchRef other = BranchRef.of("shop", "feature/other");
        CountDownLatch bothApplied = new CountDownLatch(2);
        ProgressListener meetInTheMiddle = message -> {
            if (message.startsWith("Applied")) {
                bothApplied.countDown();
                await(bothApplied);
            }
        };
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<DeployResult> one = pool.submit(() -> environments.deploys().deploy(shop(cart, "s3cret"), meetInTheMiddle));
            Future<DeployResult> two = pool.submit(() -> environments.deploys().deploy(shop(other, "s3cret"), meetInTheMiddle));

            assertThat(one.get(60, TimeUnit.SECONDS).succeeded()).isTrue();
            assertThat(two.get(60, TimeUnit.SECONDS).succeeded()).isTrue();
            assertThat(bothApplied.getCount()).as("each deploy was halfway while the other was too").isZero();
        } finally {
            pool.shutdownNow();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private BranchEnvironments environments(String installation) {
        return sandbox.environments(installation, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private DeployRequest shop(BranchRef branch, String password) {
        return request(branch, SHOP, Map.of("IMAGE_TAG", "1.4.2"), secret(password));
    }

    private static List<SecretEntry> secret(String password) {
        return List.of(new SecretEntry("shop-db", "password", password));
    }

    private static DeployRequest request(BranchRef branch, Path manifests, Map<String, String> variables, List<SecretEntry> secrets) {
        return request(branch, manifests, variables, secrets, Duration.ofSeconds(30));
    }

    private static DeployRequest request(BranchRef branch, Path manifests, Map<String, String> variables, List<SecretEntry> secrets,
            Duration timeout) {
        return DeployRequest.builder(branch, manifests).variables(variables).secrets(secrets).ttl(Duration.ofDays(3))
                .timeout(timeout).build();
    }

    private Path copyOfShopWithout(String... left) throws IOException {
        Path copy = Files.createDirectories(dir.resolve("shop"));
        try (var files = Files.list(SHOP)) {
            for (Path file : files.toList()) {
                if (!List.of(left).contains(file.getFileName().toString())) {
                    Files.copy(file, copy.resolve(file.getFileName()));
                }
            }
        }
        return copy;
    }
}
