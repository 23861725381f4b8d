package io.jenkins.plugins.branchdeploy.engine.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.jenkins.plugins.branchdeploy.engine.InvalidInputException;
import io.jenkins.plugins.branchdeploy.engine.ProgressListener;
import io.jenkins.plugins.branchdeploy.engine.branch.BranchRef;
import io.jenkins.plugins.branchdeploy.engine.naming.NamingPolicy;
import io.jenkins.plugins.branchdeploy.engine.request.DeployRequest;
import io.jenkins.plugins.branchdeploy.engine.request.Quota;
import io.jenkins.plugins.branchdeploy.engine.request.SecretEntry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Scale-down, wake, extend and find of real environments, against the sandbox API server. */
class EnvironmentLifecycleTest {

    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
    private static final Path SHOP = Path.of("../docs/examples/shop");
    private static final Path PODINFO = Path.of("src/test/resources/manifests/podinfo-webapp");

    private final NamingPolicy naming = NamingPolicy.withDefaults("preview.example.dev");
    private final BranchRef cart = BranchRef.of("shop", "feature/cart").withCommit("4f2a9c1");
    private final String namespace = naming.names(cart).namespace();
    private final List<String> messages = new CopyOnWriteArrayList<>();
    private final ProgressListener progress = messages::add;

    @RegisterExtension
    final SandboxEnvironments sandbox = new SandboxEnvironments(naming);
    private BranchEnvironments environments;

    @BeforeEach
    void start() {
        environments = at(NOW);
    }

    @Test
    void scaleDownKeepsEachCountAndWakeRestoresThemExactly() {
        deploy(shop(cart));
        // changed by hand since the deploy: wake must bring back what was running, not what the manifests say
        sandbox.client().apps().deployments().inNamespace(namespace).withName("catalog").scale(5);
        Map<String, Integer> running = replicas();
        assertThat(running).containsExactlyInAnyOrderEntriesOf(Map.of(
                "Deployment/cart", 1, "Deployment/catalog", 5, "Deployment/frontend", 2, "StatefulSet/database", 1));

        environments.lifecycle().scaleDown(EnvironmentRef.of(environments.inventory().find(cart).orElseThrow()), ScaleDownCause.MANUAL, progress);

        assertThat(replicas()).containsOnlyKeys(running.keySet()).allSatisfy((workload, count) -> assertThat(count).isZero());
        assertThat(savedCounts()).isEqualTo(running);
        Environment asleep = environments.inventory().find(cart).orElseThrow();
        assertThat(asleep.status()).isEqualTo(EnvironmentStatus.SCALED_DOWN);
        assertThat(asleep.scaledDownBy()).isEqualTo(ScaleDownCause.MANUAL);
        assertThat(environments.inventory().all()).singleElement().isEqualTo(asleep);
        assertThat(messages).contains("Scaled Deployment/catalog in " + namespace + " from 5 to 0 replicas",
                "Scaled down " + namespace + " (manual): 4 workloads to zero");

        sandbox.cluster().requests().clear();
        environments.lifecycle().scaleDown(EnvironmentRef.of(cart), ScaleDownCause.MANUAL, ProgressListener.SILENT);
        assertThat(sandbox.cluster().requests().writes()).as("a second scale-down changes nothing").isEmpty();
        assertThat(savedCounts()).isEqualTo(running);

        environments.lifecycle().wake(EnvironmentRef.of(cart), ProgressListener.SILENT);

        assertThat(replicas()).isEqualTo(running);
        assertThat(savedCounts()).isEmpty();
        Environment awake = environments.inventory().find(cart).orElseThrow();
        assertThat(awake.status()).isEqualTo(EnvironmentStatus.READY);
        assertThat(awake.scaledDownBy()).isNull();
        assertThat(sandbox.client().namespaces().withName(namespace).get().getMetadata().getAnnotations())
                .doesNotContainKeys(ClusterContract.SCALED_DOWN_BY, ClusterContract.SCALED_DOWN_FROM);

        sandbox.cluster().requests().clear();
        environments.lifecycle().wake(EnvironmentRef.of(awake), ProgressListener.SILENT);
        assertThat(sandbox.cluster().requests().writes()).as("waking a running environment changes nothing").isEmpty();
    }

    @Test
    void aFailedEnvironmentWakesAsFailed() {
        sandbox.cluster().workloads().neverReady("frontend");
        assertThat(environments.deploys().deploy(shop(cart, "1.4.2", Duration.ofSeconds(1)), progress).succeeded()).isFalse();

        environments.lifecycle().scaleDown(EnvironmentRef.of(cart), ScaleDownCause.MANUAL, ProgressListener.SILENT);
        environments.lifecycle().wake(EnvironmentRef.of(cart), ProgressListener.SILENT);

        assertThat(environments.inventory().find(cart).orElseThrow().status()).isEqualTo(EnvironmentStatus.FAILED);
    }

    @Test
    void aScheduledScaleDownBecomesManualWhenAskedForByHand() {
        deploy(shop(cart));
        Environment environment = environments.inventory().find(cart).orElseThrow();

        environments.lifecycle().scaleDown(EnvironmentRef.of(environment), ScaleDownCause.SCHEDULE, progress);
        assertThat(environments.inventory().find(cart).orElseThrow().scaledDownBy()).isEqualTo(ScaleDownCause.SCHEDULE);
        environments.lifecycle().scaleDown(EnvironmentRef.of(environment), ScaleDownCause.IDLE, progress);
        assertThat(environments.inventory().find(cart).orElseThrow().scaledDownBy()).isEqualTo(ScaleDownCause.SCHEDULE);
        environments.lifecycle().scaleDown(EnvironmentRef.of(environment), ScaleDownCause.MANUAL, ProgressListener.SILENT);

        assertThat(environments.inventory().find(cart).orElseThrow().scaledDownBy()).isEqualTo(ScaleDownCause.MANUAL);
        assertThat(savedCounts()).containsEntry("Deployment/frontend", 2);
    }

    @Test
    void theNextDeployWakesEvenWhenNothingChanged() {
        deploy(shop(cart));
        Map<String, Integer> running = replicas();
        environments.lifecycle().scaleDown(EnvironmentRef.of(environments.inventory().find(cart).orElseThrow()), ScaleDownCause.SCHEDULE, progress);

        DeployResult redeploy = environments.deploys().deploy(shop(cart), progress);

        assertThat(redeploy.succeeded()).isTrue();
        assertThat(redeploy.unchanged()).as("an environment that is asleep is not unchanged").isFalse();
        assertThat(redeploy.phases().keySet()).containsExactly("wake", "namespace", "apply", "prune", "rollout");
        assertThat(replicas()).isEqualTo(running);
        assertThat(savedCounts()).isEmpty();
        Environment environment = environments.inventory().find(cart).orElseThrow();
        assertThat(environment.status()).isEqualTo(EnvironmentStatus.READY);
        assertThat(environment.scaledDownBy()).isNull();
        assertThat(sandbox.client().namespaces().withName(namespace).get().getMetadata().getAnnotations())
                .doesNotContainKeys(ClusterContract.SCALED_DOWN_BY, ClusterContract.SCALED_DOWN_FROM);

        sandbox.cluster().requests().clear();
        assertThat(environments.deploys().deploy(shop(cart), progress).unchanged()).isTrue();
        assertThat(sandbox.cluster().requests().writes()).isEmpty();
    }

    @Test
    void workloadsWithAnAutoscalerAreScaledToZeroAndTheAutoscalerIsLeftAlone() {
        deploy(DeployRequest.builder(cart, PODINFO).quota(Quota.DEFAULT.with("quota", "auto")).ttl(Duration.ofDays(3))
                .timeout(Duration.ofSeconds(30)).sourceNamespace("webapp").build());
        Map<String, Integer> running = replicas();
        sandbox.cluster().requests().clear();

        environments.lifecycle().scaleDown(EnvironmentRef.of(cart), ScaleDownCause.MANUAL, ProgressListener.SILENT);

        assertThat(replicas()).isNotEmpty().allSatisfy((workload, count) -> assertThat(count).isZero());
        assertThat(sandbox.cluster().requests().writes()).noneSatisfy(w -> assertThat(w.path()).contains("horizontalpodautoscalers"));
        environments.lifecycle().wake(EnvironmentRef.of(cart), ProgressListener.SILENT);
        assertThat(replicas()).isEqualTo(running);
    }

    @Test
    void extendMovesTheExpiryAndTheNextDeployKeepsIt() {
        deploy(shop(cart));
        assertThat(environments.inventory().find(cart).orElseThrow().expiresAt()).isEqualTo(NOW.plus(Duration.ofDays(3)));

        Environment extended = environments.lifecycle().extend(EnvironmentRef.of(cart), Duration.ofDays(2));

        assertThat(extended.keepUntil()).isEqualTo(NOW.plus(Duration.ofDays(5)));
        assertThat(environments.lifecycle().extend(EnvironmentRef.of(extended), Duration.ofDays(1)).keepUntil()).as("extensions add up").isEqualTo(NOW.plus(Duration.ofDays(6)));
        Environment expired = at(NOW.plus(Duration.ofDays(10))).lifecycle().extend(EnvironmentRef.of(cart), Duration.ofDays(2));
        assertThat(expired.keepUntil()).as("an expired environment counts from now").isEqualTo(NOW.plus(Duration.ofDays(12)));

        deploy(shop(cart, "1.4.3", Duration.ofSeconds(30)));
        assertThat(environments.inventory().find(cart).orElseThrow().keepUntil()).isEqualTo(NOW.plus(Duration.ofDays(12)));
        assertThat(environments.inventory().all()).singleElement().extracting(Environment::keepUntil).isEqualTo(NOW.plus(Duration.ofDays(12)));
    }

    @Test
    void aBranchWithoutAnEnvironmentIsAClearError() {
        assertThat(environments.inventory().find(cart)).isEmpty();
        String message = "branch: there is no environment of app shop for branch feature/cart (namespace " + namespace
                + "); deploy it first, or check the app, branch and pull request number";
        assertThatThrownBy(() -> environments.lifecycle().extend(EnvironmentRef.of(cart), Duration.ofDays(1))).isInstanceOf(InvalidInputException.class).hasMessage(message);
        assertThatThrownBy(() -> environments.lifecycle().scaleDown(EnvironmentRef.of(cart), ScaleDownCause.MANUAL, ProgressListener.SILENT)).isInstanceOf(InvalidInputException.class).hasMessage(message);
        assertThatThrownBy(() -> environments.lifecycle().wake(EnvironmentRef.of(cart), ProgressListener.SILENT)).isInstanceOf(InvalidInputException.class).hasMessage(message);
        deploy(shop(cart));
        assertThatThrownBy(() -> environments.lifecycle().extend(EnvironmentRef.of(cart), Duration.ZERO))
                .isInstanceOf(InvalidInputException.class).hasMessage("for: must be longer than zero, e.g. 2d, got PT0S");
        assertThat(environments.inventory().find(cart).orElseThrow().keepUntil()).isNull();
    }

    @Test
    void namespacesWithoutBothOwnershipLabelsAreNeverTouched() {
        Map<String, Map<String, String>> foreign = new TreeMap<>(Map.of(
                "feature/cart", Map.of(ClusterContract.MANAGED_BY, ClusterContract.MANAGED_BY_VALUE),
                "feature/other", Map.of(ClusterContract.INSTALLATION, "ci-1", ClusterContract.APP, "shop"),
                "feature/third", Map.of(ClusterContract.MANAGED_BY, ClusterContract.MANAGED_BY_VALUE, ClusterContract.INSTALLATION, "ci-2")));
        foreign.forEach((branch, labels) -> sandbox.client().namespaces().resource(new NamespaceBuilder().withNewMetadata()
                .withName(naming.names(BranchRef.of("shop", branch)).namespace())
                .withLabels(labels).addToAnnotations(ClusterContract.STATUS, "ready").endMetadata().build()).create());
        sandbox.cluster().requests().clear();

        for (String branch : foreign.keySet()) {
            BranchRef ref = BranchRef.of("shop", branch);
            assertThatThrownBy(() -> environments.inventory().find(ref)).isInstanceOf(ForeignNamespaceException.class);
            assertThatThrownBy(() -> environments.lifecycle().extend(EnvironmentRef.of(ref), Duration.ofDays(1))).isInstanceOf(ForeignNamespaceException.class);
            assertThatThrownBy(() -> environments.lifecycle().scaleDown(EnvironmentRef.of(ref), ScaleDownCause.MANUAL, ProgressListener.SILENT)).isInstanceOf(ForeignNamespaceException.class);
            assertThatThrownBy(() -> environments.lifecycle().wake(EnvironmentRef.of(ref), ProgressListener.SILENT)).isInstanceOf(ForeignNamespaceException.class);
        }
        String third = naming.names(BranchRef.of("shop", "feature/third")).namespace();
        Environment looksOwned = new Environment(third, "shop", "feature-third", "feature/third", null, null, null,
                EnvironmentStatus.READY, NOW, NOW, NOW, null, null, null, null, null, null);
        assertThatThrownBy(() -> environments.lifecycle().extend(EnvironmentRef.of(looksOwned), Duration.ofDays(1)))
                .isInstanceOf(ForeignNamespaceException.class).hasMessageContaining("'" + third + "' is not an environment of installation 'ci-1'");
        assertThatThrownBy(() -> environments.lifecycle().scaleDown(EnvironmentRef.of(looksOwned), ScaleDownCause.MANUAL, ProgressListener.SILENT)).isInstanceOf(ForeignNamespaceException.class);
        assertThatThrownBy(() -> environments.lifecycle().wake(EnvironmentRef.of(looksOwned), ProgressListener.SILENT)).isInstanceOf(ForeignNamespaceException.class);

        assertThat(sandbox.cluster().requests().writes()).isEmpty();
    }

    private BranchEnvironments at(Instant now) {
        return sandbox.environments(SandboxEnvironments.INSTALLATION, Clock.fixed(now, ZoneOffset.UTC));
    }

    private void deploy(DeployRequest request) {
        DeployResult result = environments.deploys().deploy(request, progress);
        assertThat(result.succeeded()).as(result.failureReason()).isTrue();
    }

    private static DeployRequest shop(BranchRef branch) {
        return shop(branch, "1.4.2", Duration.ofSeconds(30));
    }

    private static DeployRequest shop(BranchRef branch, String imageTag, Duration timeout) {
        return DeployRequest.builder(branch, SHOP).variables(Map.of("IMAGE_TAG", imageTag))
                .secrets(List.of(new SecretEntry("shop-db", "password", "s3cret"))).ttl(Duration.ofDays(3))
                .timeout(timeout).build();
    }

    /** Kind/name to the replicas of every Deployment and StatefulSet in the environment. */
    private Map<String, Integer> replicas() {
        Map<String, Integer> replicas = new TreeMap<>();
        sandbox.client().apps().deployments().inNamespace(namespace).list().getItems()
                .forEach(d -> replicas.put("Deployment/" + d.getMetadata().getName(), orOne(d.getSpec().getReplicas())));
        sandbox.client().apps().statefulSets().inNamespace(namespace).list().getItems()
                .forEach(s -> replicas.put("StatefulSet/" + s.getMetadata().getName(), orOne(s.getSpec().getReplicas())));
        return replicas;
    }

    /** An API server defaults absent replicas to one; the sandbox leaves them absent. */
    private static int orOne(Integer replicas) {
        return replicas == null ? 1 : replicas;
    }

    /** Kind/name to the replica count saved on it by scale-down, for the workloads that carry one. */
    private Map<String, Integer> savedCounts() {
        Map<String, Integer> saved = new TreeMap<>();
        List<HasMetadata> workloads = new ArrayList<>();
        workloads.addAll(sandbox.client().apps().deployments().inNamespace(namespace).list().getItems());
        workloads.addAll(sandbox.client().apps().statefulSets().inNamespace(namespace).list().getItems());
        for (HasMetadata workload : workloads) {
            Map<String, String> annotations = workload.getMetadata().getAnnotations();
            if (annotations != null && annotations.containsKey(ClusterContract.REPLICAS)) {
                saved.put(workload.getKind() + "/" + workload.getMetadata().getName(), Integer.valueOf(annotations.get(ClusterContract.REPLICAS)));
            }
        }
        return saved;
    }
}
