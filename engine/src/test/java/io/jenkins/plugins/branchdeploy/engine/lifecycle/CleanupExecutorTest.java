package io.jenkins.plugins.branchdeploy.engine.lifecycle;

import static io.jenkins.plugins.branchdeploy.engine.lifecycle.EnvironmentBuilder.branch;
import static io.jenkins.plugins.branchdeploy.engine.lifecycle.EnvironmentBuilder.change;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.jenkins.plugins.branchdeploy.engine.ProgressListener;
import io.jenkins.plugins.branchdeploy.engine.SettableClock;
import io.jenkins.plugins.branchdeploy.engine.cluster.Environment;
import io.jenkins.plugins.branchdeploy.engine.cluster.EnvironmentStatus;
import io.jenkins.plugins.branchdeploy.engine.cluster.ScaleDownCause;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CleanupExecutorTest {

    private static final Instant NOW = Instant.parse("2026-11-20T10:00:00Z");
    private static final ScmState SCM = ScmState.builder("not scanned")
            .scanned("shop", Set.of("main", "feature/idle", "feature/asleep", "feature/soon"), Map.of(42, ChangeState.OPEN, 41, ChangeState.MERGED))
            .unknown("web", "GitHub API rate limit")
            .build();
    private static final CleanupPolicy POLICY = CleanupPolicy.defaults()
            .withBrakes(10, 100)
            .withIdlePeriod(Duration.ofDays(2))
            .withWorkingHours(WorkingHours.parse("Mon-Fri 08:00-19:00 Europe/Berlin"));

    private final InMemoryEnvironments cluster = new InMemoryEnvironments();
    private final List<String> progress = new ArrayList<>();
    private final ProgressListener listener = progress::add;
    private final List<Environment> inventory = new ArrayList<>();

    @BeforeEach
    void inventory() {
        add(branch("main").deployed("2026-11-20T09:00:00Z"), Map.of("web", 2));
        add(change(41, "feature/done"), Map.of("web", 1));
        add(branch("feature/gone"), Map.of("web", 1));
        add(branch("feature/idle").deployed("2026-11-10T00:00:00Z"), Map.of("web", 3, "worker", 2));
        add(branch("feature/soon").deployed("2026-11-20T09:00:00Z").expires("2026-11-20T20:00:00Z"), Map.of("web", 1));
        add(branch("feature/x").app("web").namespace("web-feature-x"), Map.of("web", 1));
        // scaled down overnight: the recorded counts are what wake restores
        add(branch("feature/asleep").deployed("2026-11-20T09:00:00Z").status(EnvironmentStatus.SCALED_DOWN), Map.of("web", 4, "db", 1));
        cluster.scaleDown(inventory.get(inventory.size() - 1), ScaleDownCause.SCHEDULE);
        cluster.changes = 0;
    }

    private void add(EnvironmentBuilder env, Map<String, Integer> workloads) {
        Environment environment = env.build();
        inventory.add(environment);
        cluster.add(environment.namespace(), workloads);
    }

    private CleanupReport run(CleanupPolicy policy) {
        CleanupPlan plan = new CleanupPlanner(policy).plan(inventory, SCM, NOW);
        return new CleanupExecutor(cluster, listener, new TeardownGate(Clock.fixed(NOW, ZoneOffset.UTC)), policy).execute(plan);
    }

    @Test
    void appliesEveryActionAndReportsEach() {
        CleanupReport report = run(POLICY);

        assertThat(report.environments()).extracting(EnvironmentResult::namespace, EnvironmentResult::action, EnvironmentResult::outcome)
                .containsExactly(
                        tuple("shop-main", LifecycleAction.KEEP, ActionOutcome.NOTHING_TO_DO),
                        tuple("shop-pr-41", LifecycleAction.TEARDOWN, ActionOutcome.DONE),
                        tuple("shop-feature-gone", LifecycleAction.TEARDOWN, ActionOutcome.DONE),
                        tuple("shop-feature-idle", LifecycleAction.SCALE_DOWN, ActionOutcome.DONE),
                        tuple("shop-feature-soon", LifecycleAction.WARN, ActionOutcome.NOTHING_TO_DO),
                        tuple("web-feature-x", LifecycleAction.KEEP, ActionOutcome.NOTHING_TO_DO),
                        tuple("shop-feature-asleep", LifecycleAction.WAKE, ActionOutcome.DONE));
        assertThat(cluster.replicas).doesNotContainKeys("shop-pr-41", "shop-feature-gone");
        assertThat(cluster.replicas.get("shop-feature-idle")).containsOnly(Map.entry("web", 0), Map.entry("worker", 0));
        assertThat(cluster.replicas.get("shop-feature-asleep")).containsOnly(Map.entry("web", 4), Map.entry("db", 1));
        assertThat(cluster.causes).containsExactly(Map.entry("shop-feature-idle", ScaleDownCause.IDLE));
        assertThat(cluster.tornDown).containsExactly(
                Map.entry("shop-pr-41", TeardownCause.CHANGE_MERGED), Map.entry("shop-feature-gone", TeardownCause.BRANCH_DELETED));
        assertThat(report.counts()).containsExactly(
                Map.entry(LifecycleAction.KEEP, 2), Map.entry(LifecycleAction.WARN, 1), Map.entry(LifecycleAction.SCALE_DOWN, 1),
                Map.entry(LifecycleAction.WAKE, 1), Map.entry(LifecycleAction.TEARDOWN, 2));
        assertThat(report.failures()).isZero();
        assertThat(report.unknownApps()).containsExactly(Map.entry("web", "GitHub API rate limit"));
        assertThat(progress).contains("teardown shop-pr-41: pull request #41 was merged",
                "WARNING: shop-feature-soon: TTL runs out 2026-11-20T20:00Z (in 10h)");
    }

    @Test
    void oneFailedActionDoesNotStopTheOthers() {
        cluster.failing.put("shop-pr-41", quotaExceeded("shop-pr-41"));

        CleanupReport report = run(POLICY);

        assertThat(report.environments()).filteredOn(e -> e.namespace().equals("shop-pr-41")).singleElement()
                .satisfies(e -> {
                    assertThat(e.outcome()).isEqualTo(ActionOutcome.FAILED);
                    assertThat(e.message()).isEqualTo("namespaces \"shop-pr-41\" is forbidden: quota exceeded");
                });
        assertThat(report.failures()).isEqualTo(1);
        assertThat(cluster.replicas).containsKey("shop-pr-41").doesNotContainKey("shop-feature-gone");
        assertThat(cluster.replicas.get("shop-feature-idle")).containsOnly(Map.entry("web", 0), Map.entry("worker", 0));
        assertThat(progress).contains("WARNING: teardown shop-pr-41 failed: namespaces \"shop-pr-41\" is forbidden: quota exceeded");
    }

    @Test
    void failureWithoutMessageIsReportedByItsKind() {
        cluster.failing.put("shop-feature-gone", new NullPointerException());

        CleanupReport report = run(POLICY);

        assertThat(report.environments()).filteredOn(e -> e.namespace().equals("shop-feature-gone")).singleElement().extracting(EnvironmentResult::outcome, EnvironmentResult::message)
                .containsExactly(ActionOutcome.FAILED, "NullPointerException");
    }

    @Test
    void dryRunChangesNothingAndReportsWhatItWouldDo() {
        Map<String, Map<String, Integer>> before = deepCopy(cluster.replicas);

        CleanupReport report = run(POLICY.withDryRun(true));

        assertThat(cluster.changes).isZero();
        assertThat(cluster.replicas).isEqualTo(before);
        assertThat(report.dryRun()).isTrue();
        assertThat(report.environments()).extracting(EnvironmentResult::outcome).containsOnly(ActionOutcome.DRY_RUN, ActionOutcome.NOTHING_TO_DO);
        assertThat(report.counts()).containsEntry(LifecycleAction.TEARDOWN, 2);
        assertThat(progress).contains("dry run: would teardown shop-feature-gone: branch feature/gone was deleted");
    }

    @Test
    void theBurstBrakeHoldsTeardownsPastItsWindowAndTheNextRunRetriesThemOnceItHasRoom() {
        SettableClock clock = new SettableClock(NOW);
        TeardownGate gate = new TeardownGate(clock);
        CleanupPolicy oneAtATime = POLICY.withBurstBrake(new BurstBrake(1, Duration.ofMinutes(10)));

        CleanupReport first = new CleanupExecutor(cluster, listener, gate, oneAtATime)
                .execute(new CleanupPlanner(oneAtATime).plan(inventory, SCM, clock.instant()));

        assertThat(first.environments()).filteredOn(e -> e.action() == LifecycleAction.TEARDOWN)
                .extracting(EnvironmentResult::namespace, EnvironmentResult::outcome)
                .containsExactly(tuple("shop-pr-41", ActionOutcome.DONE), tuple("shop-feature-gone", ActionOutcome.HELD));
        assertThat(cluster.replicas).containsKey("shop-feature-gone");
        assertThat(gate.held()).extracting(HeldTeardown::namespace).containsExactly("shop-feature-gone");
        assertThat(progress).anySatisfy(m -> assertThat(m).startsWith("WARNING: shop-feature-gone: teardown held since 2026-11-20T10:00Z"
                + " by the burst brake (at most 1 teardown within 10m)"));

        clock.advance(Duration.ofMinutes(10));
        inventory.removeIf(e -> e.namespace().equals("shop-pr-41"));
        CleanupReport second = new CleanupExecutor(cluster, listener, gate, oneAtATime)
                .execute(new CleanupPlanner(oneAtATime).plan(inventory, SCM, clock.instant(), gate.held()));

        assertThat(second.environments()).filteredOn(e -> e.action() == LifecycleAction.TEARDOWN)
                .extracting(EnvironmentResult::namespace, EnvironmentResult::outcome)
                .containsExactly(tuple("shop-feature-gone", ActionOutcome.DONE));
        assertThat(cluster.replicas).doesNotContainKey("shop-feature-gone");
        assertThat(gate.held()).isEmpty();
    }

    @Test
    void applyingTheSamePlanTwiceEndsInTheSameState() {
        CleanupPlan plan = new CleanupPlanner(POLICY).plan(inventory, SCM, NOW);
        CleanupExecutor executor = new CleanupExecutor(cluster, listener, new TeardownGate(Clock.fixed(NOW, ZoneOffset.UTC)), POLICY);

        executor.execute(plan);
        Map<String, Map<String, Integer>> afterFirst = deepCopy(cluster.replicas);
        int changesAfterFirst = cluster.changes;
        CleanupReport second = executor.execute(plan);

        assertThat(cluster.replicas).isEqualTo(afterFirst);
        assertThat(cluster.changes).isEqualTo(changesAfterFirst);
        assertThat(second.failures()).isZero();
    }

    @Test
    void reportCarriesTheBrakesThatHeld() {
        CleanupReport report = run(POLICY.withBrakes(1, 100));

        assertThat(report.counts()).containsEntry(LifecycleAction.TEARDOWN, 1);
        assertThat(report.brakesHeld()).extracting(BrakeHold::brake, BrakeHold::allowed, BrakeHold::wanted)
                .containsExactly(tuple("max-teardowns-per-run", 1, 2));
        assertThat(cluster.replicas).hasSize(6);
        assertThat(progress).contains("WARNING: brake held: at most 1 teardown per run; 1 of 2 teardowns wait for the next run");
    }

    @Test
    void reportWritesAsJsonWithTheWordsOfTheDocs() throws Exception {
        ObjectMapper mapper = new ObjectMapper().registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

        JsonNode json = mapper.readTree(mapper.writeValueAsString(run(POLICY.withBrakes(1, 100).withDryRun(true))));

        assertThat(json.get("at").asText()).isEqualTo("2026-11-20T10:00:00Z");
        assertThat(json.get("dryRun").asBoolean()).isTrue();
        assertThat(json.get("counts").get("scale-down").asInt()).isEqualTo(1);
        assertThat(json.get("counts").get("teardown").asInt()).isEqualTo(1);
        JsonNode idle = json.get("environments").get(3);
        assertThat(idle.get("namespace").asText()).isEqualTo("shop-feature-idle");
        assertThat(idle.get("action").asText()).isEqualTo("scale-down");
        assertThat(idle.get("outcome").asText()).isEqualTo("dry-run");
        assertThat(idle.get("reason").asText()).isEqualTo("idle: last deployed 2026-11-10T00:00Z, idle period 2d");
        assertThat(json.get("brakesHeld").get(0).get("brake").asText()).isEqualTo("max-teardowns-per-run");
        assertThat(json.get("unknownApps").get("web").asText()).isEqualTo("GitHub API rate limit");
    }

    @Test
    void reportReadsAsAlignedText() {
        cluster.failing.put("shop-feature-gone", quotaExceeded("shop-feature-gone"));
        inventory.add(branch("feature/odd").namespace("odd").app(null).build());

        String text = run(POLICY.withBrakes(1, 100)).toText();

        assertThat(text.lines()).startsWith(
                "Cleanup at 2026-11-20T10:00Z",
                "keep 3, warn 1, scale-down 1, wake 1, teardown 1; 1 failed",
                "",
                "ACTION      OUTCOME        NAMESPACE            REASON",
                "keep        nothing-to-do  shop-main            branch main is live",
                "keep        nothing-to-do  shop-pr-41           held by brake: at most 1 teardown per run; 1 of 2 teardowns wait for the next run; due because pull request #41 was merged",
                "teardown    failed         shop-feature-gone    branch feature/gone was deleted (failed: namespaces \"shop-feature-gone\" is forbidden: quota exceeded)");
        assertThat(text.lines()).endsWith(
                "",
                "Brake held: max-teardowns-per-run (at most 1 teardown per run): 1 of 2 teardowns allowed, the rest wait for the next run",
                "SCM state unknown for app web: GitHub API rate limit; its environments are not torn down for a deleted branch or closed pull request",
                "Ignored (app or environment label missing): odd");
    }

    private static RuntimeException quotaExceeded(String namespace) {
        return new IllegalStateException("namespaces \"" + namespace + "\" is forbidden: quota exceeded");
    }

    private static Map<String, Map<String, Integer>> deepCopy(Map<String, Map<String, Integer>> replicas) {
        Map<String, Map<String, Integer>> copy = new HashMap<>();
        replicas.forEach((ns, workloads) -> copy.put(ns, Map.copyOf(workloads)));
        return copy;
    }
}
