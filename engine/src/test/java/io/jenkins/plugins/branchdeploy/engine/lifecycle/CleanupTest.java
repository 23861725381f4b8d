package io.jenkins.plugins.branchdeploy.engine.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.jenkins.plugins.branchdeploy.engine.ProgressListener;
import io.jenkins.plugins.branchdeploy.engine.branch.BranchRef;
import io.jenkins.plugins.branchdeploy.engine.branch.ChangeRequest;
import io.jenkins.plugins.branchdeploy.engine.cluster.BranchEnvironments;
import io.jenkins.plugins.branchdeploy.engine.cluster.ClusterContract;
import io.jenkins.plugins.branchdeploy.engine.cluster.DeployResult;
import io.jenkins.plugins.branchdeploy.engine.cluster.Environment;
import io.jenkins.plugins.branchdeploy.engine.cluster.EnvironmentRef;
import io.jenkins.plugins.branchdeploy.engine.cluster.EnvironmentStatus;
import io.jenkins.plugins.branchdeploy.engine.cluster.SandboxEnvironments;
import io.jenkins.plugins.branchdeploy.engine.cluster.ScaleDownCause;
import io.jenkins.plugins.branchdeploy.engine.deploy.BranchDeployer;
import io.jenkins.plugins.branchdeploy.engine.history.InMemoryMetricsStore;
import io.jenkins.plugins.branchdeploy.engine.naming.NamingPolicy;
import io.jenkins.plugins.branchdeploy.engine.request.DeployRequest;
import io.jenkins.plugins.branchdeploy.engine.request.Exposure;
import io.jenkins.plugins.branchdeploy.engine.request.SecretEntry;
import io.jenkins.plugins.branchdeploy.engine.request.Webhooks;
import io.jenkins.plugins.branchdeploy.sandbox.RequestLog;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Cleanup runs end to end: real deploys of the example shop into the sandbox API server, then planning and acting on them. */
class CleanupTest {

    /** A Friday, 11:00 in Berlin. */
    private static final Instant NOW = Instant.parse("2026-11-20T10:00:00Z");
    private static final Path SHOP = Path.of("../docs/examples/shop");
    private static final WorkingHours OFFICE = WorkingHours.parse("Mon-Fri 08:00-19:00 Europe/Berlin");
    private static final CleanupPolicy NO_BRAKES = CleanupPolicy.defaults().withBrakes(100, 100);

    private final NamingPolicy naming = NamingPolicy.withDefaults("preview.example.dev");
    private final List<String> messages = new CopyOnWriteArrayList<>();
    private final ProgressListener progress = messages::add;
    private final InMemoryMetricsStore metrics = new InMemoryMetricsStore();

    @RegisterExtension
    final SandboxEnvironments sandbox = new SandboxEnvironments(naming);

    @Test
    void tearsDownClosedAndMergedPullRequestsAndDeletedBranchesAndKeepsLiveOnes() {
        deploy(branch("main"), NOW);
        deploy(branch("feature/gone"), NOW);
        deploy(pullRequest(40, "feature/closed"), NOW);
        deploy(pullRequest(41, "feature/merged"), NOW);
        deploy(pullRequest(42, "feature/open"), NOW);
        ScmState scm = ScmState.builder("not scanned")
                .scanned("shop", Set.of("main"), Map.of(40, ChangeState.CLOSED, 41, ChangeState.MERGED, 42, ChangeState.OPEN)).build();

        CleanupReport report = cleanup(NO_BRAKES, NOW).run(scm, progress);

        assertThat(report.environments()).extracting(CleanupTest::which, EnvironmentResult::action, EnvironmentResult::reason,
                        EnvironmentResult::outcome)
                .containsExactlyInAnyOrder(
                        tuple("feature/gone", LifecycleAction.TEARDOWN, "branch feature/gone was deleted", ActionOutcome.DONE),
                        tuple("main", LifecycleAction.KEEP, "branch main is live", ActionOutcome.NOTHING_TO_DO),
                        tuple("#40", LifecycleAction.TEARDOWN, "pull request #40 was closed", ActionOutcome.DONE),
                        tuple("#41", LifecycleAction.TEARDOWN, "pull request #41 was merged", ActionOutcome.DONE),
                        tuple("#42", LifecycleAction.KEEP, "pull request #42 is open", ActionOutcome.NOTHING_TO_DO));
        assertThat(liveEnvironments()).containsExactlyInAnyOrder("main", "#42");
        assertThat(sandbox.client().namespaces().withName(namespace(pullRequest(40, "feature/closed"))).get()).isNull();
        assertThat(metrics.read().teardownsByCause()).containsExactly(
                Map.entry("branch-deleted", 1L), Map.entry("change-closed", 1L), Map.entry("change-merged", 1L));
    }

    @Test
    void aBrakeHoldsTheRestForTheNextRunOldestFirst() {
        for (int day = 1; day <= 4; day++) {
            deploy(branch("feature/old-" + day), NOW.minus(Duration.ofDays(10 - day)));
        }
        deploy(branch("main"), NOW);
        ScmState scm = ScmState.builder("not scanned").scanned("shop", Set.of("main"), Map.of()).build();

        CleanupReport first = cleanup(NO_BRAKES.withBrakes(2, 100), NOW).run(scm, progress);

        assertThat(first.brakesHeld()).extracting(BrakeHold::brake, BrakeHold::allowed, BrakeHold::wanted)
                .containsExactly(tuple("max-teardowns-per-run", 2, 4));
        assertThat(liveEnvironments()).containsExactlyInAnyOrder("feature/old-3", "feature/old-4", "main");
        assertThat(first.environments()).filteredOn(e -> which(e).equals("feature/old-4")).singleElement()
                .extracting(EnvironmentResult::reason).asString().startsWith("held by brake: at most 2 teardowns per run; 2 of 4 teardowns wait");

        CleanupReport second = cleanup(NO_BRAKES.withBrakes(2, 100), NOW.plus(Duration.ofHours(1))).run(scm, progress);

        assertThat(second.brakesHeld()).isEmpty();
        assertThat(liveEnvironments()).containsExactlyInAnyOrder("main");
    }

    @Test
    void tearingDownTheEnvironmentTheWebhooksGoToSendsThemToMain() {
        Webhooks webhooks = Webhooks.of("webhooks", "cart:8080")
                .routedAs(Exposure.of("expose", "frontend").withRouteVia("route-via", "gateway:gateways/preview"));
        deploy(branch("main"), NOW, webhooks);
        deploy(branch("feature/gone"), NOW, webhooks);
        environmentsAt(NOW).webhooks().route(EnvironmentRef.of(branch("feature/gone")), progress);
        ScmState scm = ScmState.builder("not scanned").scanned("shop", Set.of("main"), Map.of()).build();

        cleanup(NO_BRAKES, NOW).run(scm, progress);

        assertThat(liveEnvironments()).containsExactly("main");
        assertThat(environmentsAt(NOW).webhooks().list("shop", progress).defaultRoute().environment().branch()).isEqualTo("main");
    }

    @Test
    void anUnknownSourceControlStateIsKeptAndSaysWhy() {
        deploy(branch("feature/x"), NOW);
        ScmState scm = ScmState.builder("not in the live-state file live.json").scanned("web", Set.of(), Map.of()).build();

        CleanupReport report = cleanup(NO_BRAKES, NOW).run(scm, progress);

        assertThat(report.environments()).singleElement().extracting(EnvironmentResult::action, EnvironmentResult::reason)
                .containsExactly(LifecycleAction.KEEP, "SCM state unknown: not in the live-state file live.json — kept");
        assertThat(report.unknownApps()).containsExactly(Map.entry("shop", "not in the live-state file live.json"));
        assertThat(liveEnvironments()).containsExactlyInAnyOrder("feature/x");
    }

    @Test
    void theTimeToLiveUsesTheDeployTimesOnTheNamespacesAcrossRestarts() {
        deploy(branch("feature/short"), NOW);
        deploy(branch("feature/extended"), NOW);
        environmentsAt(NOW).lifecycle().extend(EnvironmentRef.of(branch("feature/extended")), Duration.ofDays(5));
        ScmState scm = ScmState.builder("not scanned").scanned("shop", Set.of("feature/short", "feature/extended"), Map.of()).build();

        // another process, four days later: nothing of the first one is left but what the namespaces record
        try (KubernetesClient restarted = sandbox.cluster().newClient()) {
            BranchEnvironments environments = new BranchEnvironments(restarted, "ci-1", naming);
            Instant later = NOW.plus(Duration.ofDays(4));
            CleanupReport report = new Cleanup(environments, new BranchDeployer(environments, metrics).cleanupActions(progress),
                    NO_BRAKES, Clock.fixed(later, ZoneOffset.UTC)).run(scm, progress);

            assertThat(report.environments()).extracting(CleanupTest::which, EnvironmentResult::action, EnvironmentResult::reason)
                    .containsExactlyInAnyOrder(
                            tuple("feature/extended", LifecycleAction.KEEP, "branch feature/extended is live"),
                            tuple("feature/short", LifecycleAction.TEARDOWN, "TTL ran out 2026-11-23T10:00Z"));
        }
        assertThat(liveEnvironments()).containsExactlyInAnyOrder("feature/extended");
        assertThat(metrics.read().teardownsByCause()).containsExactly(Map.entry("ttl-expired", 1L));
    }

    @Test
    void scheduleScalesDownAtNightAndWakesInTheMorningExactlyButNeverAManualScaleDown() {
        deploy(branch("main"), NOW);
        deploy(branch("feature/paused"), NOW);
        Map<String, Integer> running = replicas(branch("main"));
        environmentsAt(NOW).lifecycle().scaleDown(EnvironmentRef.of(branch("feature/paused")), ScaleDownCause.MANUAL, ProgressListener.SILENT);
        ScmState scm = ScmState.builder("not scanned").scanned("shop", Set.of("main", "feature/paused"), Map.of()).build();
        CleanupPolicy office = NO_BRAKES.withWorkingHours(OFFICE).withWarningWindow(Duration.ZERO);

        CleanupReport night = cleanup(office, Instant.parse("2026-11-20T22:00:00Z")).run(scm, progress);

        assertThat(night.counts()).containsEntry(LifecycleAction.SCALE_DOWN, 1).containsEntry(LifecycleAction.KEEP, 1);
        assertThat(replicas(branch("main"))).containsOnlyKeys(running.keySet()).allSatisfy((w, count) -> assertThat(count).isZero());
        assertThat(find(branch("main")).scaledDownBy()).isEqualTo(ScaleDownCause.SCHEDULE);

        CleanupReport morning = cleanup(office, Instant.parse("2026-11-23T07:30:00Z")).run(scm, progress);

        assertThat(morning.environments()).extracting(CleanupTest::which, EnvironmentResult::action, EnvironmentResult::reason)
                .containsExactlyInAnyOrder(
                        tuple("main", LifecycleAction.WAKE, "inside working hours Mon-Fri 08:00-19:00 Europe/Berlin"),
                        tuple("feature/paused", LifecycleAction.KEEP, "scaled down by hand; stays down until the next deploy or wake"));
        assertThat(replicas(branch("main"))).isEqualTo(running);
        assertThat(find(branch("main")).status()).isEqualTo(EnvironmentStatus.READY);
        assertThat(replicas(branch("feature/paused"))).containsOnlyKeys(running.keySet()).allSatisfy((w, count) -> assertThat(count).isZero());
    }

    @Test
    void anIdleEnvironmentIsScaledDownAndStaysDown() {
        deploy(branch("main"), NOW.minus(Duration.ofDays(2)));
        ScmState scm = ScmState.builder("not scanned").scanned("shop", Set.of("main"), Map.of()).build();
        CleanupPolicy idle = NO_BRAKES.withIdlePeriod(Duration.ofDays(1)).withWorkingHours(OFFICE).withWarningWindow(Duration.ZERO);

        cleanup(idle, NOW).run(scm, progress);
        CleanupReport again = cleanup(idle, NOW.plus(Duration.ofHours(1))).run(scm, progress);

        assertThat(find(branch("main")).scaledDownBy()).isEqualTo(ScaleDownCause.IDLE);
        assertThat(again.environments()).singleElement().extracting(EnvironmentResult::action).isEqualTo(LifecycleAction.KEEP);
        assertThat(replicas(branch("main"))).allSatisfy((w, count) -> assertThat(count).isZero());
    }

    @Test
    void aDryRunWritesNothing() {
        deploy(branch("main"), NOW.minus(Duration.ofDays(2)));
        deploy(branch("feature/gone"), NOW);
        deploy(pullRequest(41, "feature/merged"), NOW);
        ScmState scm = ScmState.builder("not scanned").scanned("shop", Set.of("main"), Map.of(41, ChangeState.MERGED)).build();
        sandbox.cluster().requests().clear();

        CleanupReport report = cleanup(NO_BRAKES.withIdlePeriod(Duration.ofDays(1)).withDryRun(true), NOW).run(scm, progress);

        assertThat(sandbox.cluster().requests().writes()).isEmpty();
        assertThat(report.dryRun()).isTrue();
        assertThat(report.counts()).containsEntry(LifecycleAction.TEARDOWN, 2).containsEntry(LifecycleAction.SCALE_DOWN, 1);
        assertThat(report.environments()).extracting(EnvironmentResult::outcome).containsOnly(ActionOutcome.DRY_RUN);
        assertThat(liveEnvironments()).containsExactlyInAnyOrder("feature/gone", "main", "#41");
        assertThat(metrics.read().teardowns()).isZero();
    }

    @Test
    void aThousandForeignNamespacesAreLeftAloneHoweverMuchTheyLookLikeEnvironments() {
        deploy(branch("main"), NOW.minus(Duration.ofHours(2)));
        deploy(branch("feature/gone"), NOW.minus(Duration.ofHours(2)));
        Set<String> foreign = createForeignNamespaces(1000);
        // every rule would act on them: their branches are gone, their TTL ran out long ago, they are idle
        ScmState scm = ScmState.builder("not scanned").scanned("shop", Set.of("main"), Map.of()).scanned("web", Set.of(), Map.of()).build();
        CleanupPolicy aggressive = NO_BRAKES.withIdlePeriod(Duration.ofHours(1));
        sandbox.cluster().requests().clear();

        CleanupReport report = cleanup(aggressive, NOW).run(scm, progress);

        assertThat(report.environments()).extracting(CleanupTest::which, EnvironmentResult::action)
                .containsExactlyInAnyOrder(tuple("main", LifecycleAction.SCALE_DOWN), tuple("feature/gone", LifecycleAction.TEARDOWN));
        assertThat(report.ignoredNamespaces()).isEmpty();
        assertThat(sandbox.cluster().requests().all()).filteredOn(r -> r.path().equals("/api/v1/namespaces")).as("one inventory call").hasSize(1);
        List<RequestLog.Request> writes = sandbox.cluster().requests().writes();
        assertThat(writes).isNotEmpty().noneSatisfy(w -> assertThat(foreign).contains(namespaceOf(w.path())));
        assertThat(writes).extracting(w -> namespaceOf(w.path())).containsOnly(namespace(branch("main")), namespace(branch("feature/gone")));
        assertThat(sandbox.client().namespaces().list().getItems()).extracting(n -> n.getMetadata().getName()).containsAll(foreign);
    }

    /**
     * Namespaces of others: look-alike names (even the exact name an environment would have), one
     * ownership label only, another installation, another managed-by value, the right labels in the
     * wrong case; all with our annotations saying they expired, were deployed long ago and are ready.
     */
    private Set<String> createForeignNamespaces(int count) {
        List<Map<String, String>> labelSets = List.of(
                Map.of(),
                Map.of(ClusterContract.MANAGED_BY, ClusterContract.MANAGED_BY_VALUE),
                Map.of(ClusterContract.INSTALLATION, "ci-1"),
                Map.of(ClusterContract.MANAGED_BY, ClusterContract.MANAGED_BY_VALUE, ClusterContract.INSTALLATION, "ci-2"),
                Map.of(ClusterContract.MANAGED_BY, "branch-deploy-fork", ClusterContract.INSTALLATION, "ci-1"),
                Map.of(ClusterContract.MANAGED_BY, ClusterContract.MANAGED_BY_VALUE, ClusterContract.INSTALLATION, "CI-1"),
                Map.of(ClusterContract.MANAGED_BY, ClusterContract.MANAGED_BY_VALUE, ClusterContract.INSTALLATION, "ci-1-old"),
                Map.of("branchdeploy.jenkins.io/installation-id", "ci-1", ClusterContract.MANAGED_BY, ClusterContract.MANAGED_BY_VALUE));
        Set<String> names = new HashSet<>();
        for (int i = 0; i < count; i++) {
            String name = switch (i % 4) {
                case 0 -> "shop-feature-" + i;
                case 1 -> "shop-pr-" + i;
                case 2 -> namespace(branch("feature/look-alike-" + i));
                default -> "team-" + i;
            };
            Map<String, String> labels = new LinkedHashMap<>(labelSets.get(i % labelSets.size()));
            labels.put(ClusterContract.APP, i % 2 == 0 ? "shop" : "web");
            labels.put(ClusterContract.ENVIRONMENT, "feature-" + i);
            sandbox.client().namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(name).withLabels(labels)
                    .addToAnnotations(ClusterContract.BRANCH, "feature/" + i)
                    .addToAnnotations(ClusterContract.STATUS, i % 3 == 0 ? "tearing-down" : "ready")
                    .addToAnnotations(ClusterContract.DEPLOYED_AT, "2026-01-01T00:00:00Z")
                    .addToAnnotations(ClusterContract.EXPIRES_AT, "2026-01-02T00:00:00Z")
                    .endMetadata().build()).create();
            names.add(name);
        }
        assertThat(names).hasSize(count);
        return names;
    }

    private Cleanup cleanup(CleanupPolicy policy, Instant now) {
        BranchEnvironments environments = environmentsAt(now);
        return new Cleanup(environments, new BranchDeployer(environments, metrics).cleanupActions(progress), policy,
                Clock.fixed(now, ZoneOffset.UTC));
    }

    private BranchEnvironments environmentsAt(Instant now) {
        return sandbox.environments("ci-1", Clock.fixed(now, ZoneOffset.UTC));
    }

    private void deploy(BranchRef branch, Instant at) {
        deploy(branch, at, null);
    }

    private void deploy(BranchRef branch, Instant at, Webhooks webhooks) {
        DeployResult result = environmentsAt(at).deploys().deploy(DeployRequest.builder(branch, SHOP)
                .variables(Map.of("IMAGE_TAG", "1.4.2"))
                .secrets(List.of(new SecretEntry("shop-db", "password", "s3cret"))).ttl(Duration.ofDays(3))
                .timeout(Duration.ofSeconds(30)).webhooks(webhooks).build(),
                ProgressListener.SILENT);
        assertThat(result.succeeded()).as(result.failureReason()).isTrue();
    }

    private Environment find(BranchRef branch) {
        return environmentsAt(NOW).inventory().find(branch).orElseThrow();
    }

    /** The environments of this installation that still exist, by {@link #which}. */
    private List<String> liveEnvironments() {
        return environmentsAt(NOW).inventory().all().stream().map(e -> e.change() != null ? "#" + e.change() : e.branch()).sorted().toList();
    }

    /** An environment's pull request as {@code #41}, else its branch. */
    private static String which(EnvironmentResult e) {
        return e.change() != null ? "#" + e.change() : e.branch();
    }

    private Map<String, Integer> replicas(BranchRef branch) {
        Map<String, Integer> replicas = new TreeMap<>();
        String namespace = namespace(branch);
        sandbox.client().apps().deployments().inNamespace(namespace).list().getItems()
                .forEach(d -> replicas.put("Deployment/" + d.getMetadata().getName(), d.getSpec().getReplicas()));
        sandbox.client().apps().statefulSets().inNamespace(namespace).list().getItems()
                .forEach(s -> replicas.put("StatefulSet/" + s.getMetadata().getName(), s.getSpec().getReplicas()));
        return replicas;
    }

    private String namespace(BranchRef branch) {
        return naming.names(branch).namespace();
    }

    private static BranchRef branch(String name) {
        return BranchRef.of("shop", name);
    }

    private static BranchRef pullRequest(int number, String branch) {
        return BranchRef.of("shop", branch).withChange(ChangeRequest.of(number));
    }

    /** The namespace a request path is about: {@code /api/v1/namespaces/NAME...} or {@code /apis/G/V/namespaces/NAME/...}. */
    private static String namespaceOf(String path) {
        List<String> parts = new ArrayList<>(List.of(path.split("/")));
        int at = parts.indexOf("namespaces");
        return at < 0 || at + 1 >= parts.size() ? path : parts.get(at + 1);
    }
}
