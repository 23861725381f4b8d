package io.jenkins.plugins.branchdeploy.engine.lifecycle;

import static io.jenkins.plugins.branchdeploy.engine.lifecycle.EnvironmentBuilder.branch;
import static io.jenkins.plugins.branchdeploy.engine.lifecycle.EnvironmentBuilder.change;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.jenkins.plugins.branchdeploy.engine.cluster.Environment;
import io.jenkins.plugins.branchdeploy.engine.cluster.EnvironmentStatus;
import io.jenkins.plugins.branchdeploy.engine.cluster.ScaleDownCause;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class CleanupPlannerTest {

    /** A Friday, 11:00 in Berlin. */
    private static final Instant NOW = Instant.parse("2026-11-20T10:00:00Z");
    private static final WorkingHours OFFICE = WorkingHours.parse("Mon-Fri 08:00-19:00 Europe/Berlin");

    private static final ScmState SCM = ScmState.builder("not scanned")
            .scanned("shop", Set.of("main", "feature/live"),
                    Map.of(42, ChangeState.OPEN, 41, ChangeState.MERGED, 40, ChangeState.CLOSED))
            .unknown("web", "GitHub API rate limit")
            .build();

    private static final CleanupPolicy NO_BRAKES = CleanupPolicy.defaults().withBrakes(Integer.MAX_VALUE, 100);

    private static PlannedAction planOne(CleanupPolicy policy, EnvironmentBuilder env) {
        CleanupPlan plan = new CleanupPlanner(policy).plan(List.of(env.build()), SCM, NOW);
        assertThat(plan.actions()).hasSize(1);
        return plan.actions().get(0);
    }

    private static PlannedAction planOne(EnvironmentBuilder env) {
        return planOne(NO_BRAKES, env);
    }

    private static void assertPlanned(PlannedAction planned, LifecycleAction action, String reason) {
        assertThat(planned.action()).as(planned.reason()).isEqualTo(action);
        assertThat(planned.reason()).isEqualTo(reason);
        assertThat(planned.teardownCause()).isNull();
    }

    /** A teardown, with the words for its report and the category for the metrics. */
    private static void assertTeardown(PlannedAction planned, TeardownCause cause, String reason) {
        assertThat(planned.action()).as(planned.reason()).isEqualTo(LifecycleAction.TEARDOWN);
        assertThat(planned.reason()).isEqualTo(reason);
        assertThat(planned.teardownCause()).isEqualTo(cause);
    }

    @Nested
    class SourceControl {

        @Test
        void aVariantStaysWhenTheBranchItWasCopiedFromIsDeleted() {
            assertPlanned(planOne(branch("feature/gone").variantOf("feature-gone-abc123").expires("2026-11-27T10:00:00Z")),
                    LifecycleAction.KEEP, "variant of feature-gone-abc123: kept until its time to live runs out, whatever the branches do");
        }

        @Test
        void aVariantIsTornDownWhenItsTimeToLiveRunsOut() {
            assertTeardown(planOne(branch("main").variantOf("main").expires("2026-11-20T09:00:00Z")),
                    TeardownCause.TTL_EXPIRED, "TTL ran out 2026-11-20T09:00Z");
        }

        @Test
        void mergedPullRequestIsTornDown() {
            assertTeardown(planOne(change(41, "feature/done")), TeardownCause.CHANGE_MERGED, "pull request #41 was merged");
        }

        @Test
        void closedPullRequestIsTornDown() {
            assertTeardown(planOne(change(40, "feature/abandoned")), TeardownCause.CHANGE_CLOSED, "pull request #40 was closed");
        }

        @Test
        void pullRequestMissingFromAScannedAppIsGone() {
            assertTeardown(planOne(change(39, "feature/old")),
                    TeardownCause.CHANGE_CLOSED, "pull request #39 is not listed by source control");
        }

        @Test
        void openPullRequestIsKeptEvenWhenItsBranchIsNotListedAsInAForkedPullRequest() {
            assertPlanned(planOne(change(42, "contributor/fix")), LifecycleAction.KEEP, "pull request #42 is open");
        }

        @Test
        void deletedBranchIsTornDown() {
            assertTeardown(planOne(branch("feature/x")), TeardownCause.BRANCH_DELETED, "branch feature/x was deleted");
        }

        @Test
        void liveBranchIsKept() {
            assertPlanned(planOne(branch("feature/live")), LifecycleAction.KEEP, "branch feature/live is live");
        }

        @Test
        void branchNamesAreComparedExactly() {
            assertTeardown(planOne(branch("Feature/Live")), TeardownCause.BRANCH_DELETED, "branch Feature/Live was deleted");
        }

        @Test
        void unknownStateIsNeverTakenForDeletedAndTheReasonSaysWhy() {
            CleanupPlan plan = new CleanupPlanner(NO_BRAKES).plan(List.of(
                    branch("feature/x").app("web").build(),
                    change(41, "feature/done").app("web").build(),
                    branch("feature/x").app("billing").build()), SCM, NOW);

            assertThat(plan.actions()).extracting(PlannedAction::action, PlannedAction::reason).containsExactly(
                    tuple(LifecycleAction.KEEP, "SCM state unknown: GitHub API rate limit — kept"),
                    tuple(LifecycleAction.KEEP, "SCM state unknown: GitHub API rate limit — kept"),
                    tuple(LifecycleAction.KEEP, "SCM state unknown: not scanned — kept"));
            assertThat(plan.unknownApps()).containsExactly(
                    Map.entry("billing", "not scanned"), Map.entry("web", "GitHub API rate limit"));
        }

        @Test
        void unknownStateStillLetsTheTimeToLiveRunOut() {
            assertTeardown(planOne(branch("feature/x").app("web").expires("2026-11-20T09:00:00Z")),
                    TeardownCause.TTL_EXPIRED, "TTL ran out 2026-11-20T09:00Z");
        }

        @Test
        void theOwningProjectJudgesItsEnvironmentsWhateverAppTheyWereDeployedAs() {
            ScmState scm = ScmState.builder("not scanned")
                    .scannedProject("team/shop", Set.of("main"), Map.of(42, ChangeState.OPEN))
                    .unknownProject("team/web", "branch indexing of team/web is in progress")
                    .build();
            CleanupPlan plan = new CleanupPlanner(NO_BRAKES).plan(List.of(
                    branch("feature/gone").app("storefront").owner("team/shop").build(),
                    change(41, "feature/closed").app("storefront").owner("team/shop").build(),
                    change(42, "feature/open").app("storefront").owner("team/shop").build(),
                    branch("feature/x").app("shop").owner("team/web").build(),
                    branch("feature/y").app("web").owner("elsewhere/web").build()), scm, NOW);

            assertThat(plan.actions()).extracting(PlannedAction::action, PlannedAction::reason).containsExactly(
                    tuple(LifecycleAction.TEARDOWN, "branch feature/gone was deleted"),
                    tuple(LifecycleAction.TEARDOWN, "pull request #41 is not listed by source control"),
                    tuple(LifecycleAction.KEEP, "pull request #42 is open"),
                    tuple(LifecycleAction.KEEP, "SCM state unknown: branch indexing of team/web is in progress — kept"),
                    tuple(LifecycleAction.KEEP, "SCM state unknown: not scanned — kept"));
        }

        @Test
        void aHeldTeardownIsRetriedUnlessSourceControlSaysItsBranchIsLive() {
            HeldTeardown gone = new HeldTeardown("shop-feature-x", TeardownCause.BRANCH_JOB_DELETED,
                    "branch job shop/feature%2Fx was deleted", NOW.minusSeconds(600), "at most 20 teardowns within 10m");
            HeldTeardown live = new HeldTeardown("shop-feature-live", TeardownCause.BRANCH_JOB_DELETED,
                    "branch job shop/feature%2Flive was deleted", NOW.minusSeconds(600), "at most 20 teardowns within 10m");
            ScmState unknown = ScmState.builder("multibranch project shop was deleted").scanned("other", Set.of(), Map.of()).build();

            assertTeardown(new CleanupPlanner(NO_BRAKES).plan(List.of(branch("feature/x").build()), unknown, NOW, List.of(gone))
                    .actions().get(0), TeardownCause.BRANCH_JOB_DELETED,
                    "held by the burst brake since 2026-11-20T09:50Z: branch job shop/feature%2Fx was deleted");
            assertPlanned(new CleanupPlanner(NO_BRAKES).plan(List.of(branch("feature/live").build()), SCM, NOW, List.of(live))
                    .actions().get(0), LifecycleAction.KEEP, "branch feature/live is live");
        }

        @Test
        void environmentWithoutRecordedBranchIsKeptInAScannedApp() {
            EnvironmentBuilder env = branch("feature/x");
            Environment e = env.build();
            Environment noBranch = new Environment(e.namespace(), e.app(), e.environment(), null, null, null, null,
                    e.status(), null, null, null, null, null, null, null, null, null);
            CleanupPlan plan = new CleanupPlanner(NO_BRAKES).plan(List.of(noBranch), SCM, NOW);

            assertPlanned(plan.actions().get(0), LifecycleAction.KEEP, "no branch or pull request recorded on the namespace");
        }
    }

    @Nested
    class TimeToLive {

        @Test
        void ranOutTtlTearsDownWithTheTimeInTheReason() {
            assertTeardown(planOne(branch("main").expires("2026-11-20T09:59:00Z")),
                    TeardownCause.TTL_EXPIRED, "TTL ran out 2026-11-20T09:59Z");
        }

        @Test
        void ttlRunsOutAtTheInstantItself() {
            assertThat(planOne(branch("main").expires("2026-11-20T10:00:00Z")).action()).isEqualTo(LifecycleAction.TEARDOWN);
            assertThat(planOne(CleanupPolicy.defaults().withWarningWindow(Duration.ZERO), branch("main").expires("2026-11-20T10:00:01Z")).action())
                    .isEqualTo(LifecycleAction.KEEP);
        }

        @Test
        void keepUntilOverridesTheTtlUntilThen() {
            EnvironmentBuilder extended = branch("main").expires("2026-11-19T10:00:00Z").keepUntil("2026-11-25T10:00:00Z");

            assertPlanned(planOne(extended), LifecycleAction.KEEP, "branch main is live");
        }

        @Test
        void ranOutExtensionTearsDownAndNamesBothTimes() {
            EnvironmentBuilder extended = branch("main").expires("2026-11-18T10:00:00Z").keepUntil("2026-11-19T12:00:00Z");

            assertTeardown(planOne(extended),
                    TeardownCause.TTL_EXPIRED, "extension ran out 2026-11-19T12:00Z (TTL ran out 2026-11-18T10:00Z)");
        }

        @Test
        void earlierKeepUntilDoesNotShortenALaterTtl() {
            EnvironmentBuilder redeployed = branch("main").keepUntil("2026-11-19T10:00:00Z").expires("2026-11-27T10:00:00Z");

            assertPlanned(planOne(redeployed), LifecycleAction.KEEP, "branch main is live");
        }

        @Test
        void keepUntilDoesNotProtectAMergedPullRequest() {
            EnvironmentBuilder extended = change(41, "feature/done").expires("2026-12-01T00:00:00Z").keepUntil("2027-01-01T00:00:00Z");

            assertTeardown(planOne(extended), TeardownCause.CHANGE_MERGED, "pull request #41 was merged");
        }

        @Test
        void environmentWithoutTtlNeverRunsOut() {
            assertPlanned(planOne(branch("main").deployed("2020-01-01T00:00:00Z").keepUntil("2021-01-01T00:00:00Z")),
                    LifecycleAction.KEEP, "branch main is live");
        }

        @Test
        void warnsWhenTheTtlRunsOutWithinTheWarningWindow() {
            assertPlanned(planOne(branch("main").expires("2026-11-20T15:30:00Z")),
                    LifecycleAction.WARN, "TTL runs out 2026-11-20T15:30Z (in 5h 30m)");
            assertPlanned(planOne(branch("main").expires("2026-11-21T10:00:00Z")),
                    LifecycleAction.WARN, "TTL runs out 2026-11-21T10:00Z (in 1d)");
            assertPlanned(planOne(branch("main").expires("2026-11-21T10:01:00Z")), LifecycleAction.KEEP, "branch main is live");
        }

        @Test
        void warnsAboutARunningOutExtension() {
            assertPlanned(planOne(branch("main").expires("2026-11-01T00:00:00Z").keepUntil("2026-11-20T12:00:00Z")),
                    LifecycleAction.WARN, "extension runs out 2026-11-20T12:00Z (in 2h)");
        }

        @Test
        void zeroWarningWindowNeverWarns() {
            CleanupPolicy policy = NO_BRAKES.withWarningWindow(Duration.ZERO);

            assertThat(planOne(policy, branch("main").expires("2026-11-20T10:01:00Z")).action()).isEqualTo(LifecycleAction.KEEP);
        }
    }

    @Nested
    class Scaling {

        private final CleanupPolicy idle8h = NO_BRAKES.withIdlePeriod(Duration.ofHours(8));
        private final CleanupPolicy office = NO_BRAKES.withWorkingHours(OFFICE);

        @Test
        void idleEnvironmentIsScaledDown() {
            PlannedAction planned = planOne(idle8h, branch("main").deployed("2026-11-20T02:00:00Z"));

            assertPlanned(planned, LifecycleAction.SCALE_DOWN, "idle: last deployed 2026-11-20T02:00Z, idle period 8h");
            assertThat(planned.scaleDownCause()).isEqualTo(ScaleDownCause.IDLE);
        }

        @Test
        void recentlyDeployedEnvironmentIsNotIdle() {
            assertThat(planOne(idle8h, branch("main").deployed("2026-11-20T02:01:00Z")).action()).isEqualTo(LifecycleAction.KEEP);
        }

        @Test
        void idleFallsBackToTheCreationTimeAndWithoutAnyTimeIsNotIdle() {
            assertThat(planOne(idle8h, branch("main").created("2026-11-19T00:00:00Z")).action()).isEqualTo(LifecycleAction.SCALE_DOWN);
            assertThat(planOne(idle8h, branch("main")).action()).isEqualTo(LifecycleAction.KEEP);
        }

        @Test
        void outsideWorkingHoursEnvironmentsAreScaledDown() {
            Instant fridayNight = Instant.parse("2026-11-20T18:00:00Z");
            CleanupPlan plan = new CleanupPlanner(office).plan(List.of(branch("main").build()), SCM, fridayNight);

            assertPlanned(plan.actions().get(0), LifecycleAction.SCALE_DOWN, "outside working hours Mon-Fri 08:00-19:00 Europe/Berlin");
            assertThat(plan.actions().get(0).scaleDownCause()).isEqualTo(ScaleDownCause.SCHEDULE);
        }

        @Test
        void idleWinsOverTheScheduleAsTheCauseSoTheMorningDoesNotWakeIt() {
            Instant fridayNight = Instant.parse("2026-11-20T18:00:00Z");
            CleanupPlan plan = new CleanupPlanner(office.withIdlePeriod(Duration.ofDays(3)))
                    .plan(List.of(branch("main").deployed("2026-11-10T00:00:00Z").build()), SCM, fridayNight);

            assertThat(plan.actions().get(0).scaleDownCause()).isEqualTo(ScaleDownCause.IDLE);
        }

        @Test
        void insideWorkingHoursRunningEnvironmentsAreKept() {
            assertPlanned(planOne(office, branch("main")), LifecycleAction.KEEP, "branch main is live");
        }

        @Test
        void workingHoursWakeScaledDownEnvironments() {
            assertPlanned(planOne(office, branch("main").status(EnvironmentStatus.SCALED_DOWN)),
                    LifecycleAction.WAKE, "inside working hours Mon-Fri 08:00-19:00 Europe/Berlin");
        }

        @Test
        void workingHoursWakeWhatTheScheduleOrTheIdleRulePutDown() {
            assertThat(planOne(office, branch("main").scaledDownBy(ScaleDownCause.SCHEDULE)).action()).isEqualTo(LifecycleAction.WAKE);
            // the idle period was since lengthened: no longer idle
            assertThat(planOne(office, branch("main").scaledDownBy(ScaleDownCause.IDLE)).action()).isEqualTo(LifecycleAction.WAKE);
        }

        @Test
        void aManualScaleDownIsNotUndoneInsideWorkingHours() {
            assertPlanned(planOne(office, branch("main").scaledDownBy(ScaleDownCause.MANUAL)),
                    LifecycleAction.KEEP, "scaled down by hand; stays down until the next deploy or wake");
        }

        @Test
        void workingHoursDoNotWakeIdleEnvironments() {
            CleanupPolicy both = office.withIdlePeriod(Duration.ofDays(3));
            EnvironmentBuilder idle = branch("main").status(EnvironmentStatus.SCALED_DOWN).deployed("2026-11-10T00:00:00Z");

            assertPlanned(planOne(both, idle), LifecycleAction.KEEP, "scaled down until the next deploy or wake");
        }

        @Test
        void withoutWorkingHoursNothingIsWoken() {
            assertPlanned(planOne(idle8h, branch("main").status(EnvironmentStatus.SCALED_DOWN).deployed("2026-11-20T09:00:00Z")),
                    LifecycleAction.KEEP, "scaled down until the next deploy or wake");
        }

        @Test
        void scaledDownEnvironmentStaysDownOutsideWorkingHours() {
            Instant sunday = Instant.parse("2026-11-22T12:00:00Z");
            CleanupPlan plan = new CleanupPlanner(office).plan(
                    List.of(branch("main").status(EnvironmentStatus.SCALED_DOWN).build()), SCM, sunday);

            assertThat(plan.actions().get(0).action()).isEqualTo(LifecycleAction.KEEP);
        }

        @Test
        void deployInProgressIsNeitherScaledDownNorWoken() {
            Instant night = Instant.parse("2026-11-20T23:00:00Z");
            CleanupPlan plan = new CleanupPlanner(office).plan(
                    List.of(branch("main").status(EnvironmentStatus.DEPLOYING).build()), SCM, night);

            assertPlanned(plan.actions().get(0), LifecycleAction.KEEP, "deploy in progress");
        }

        @Test
        void anInterruptedDeployIsKeptForTheNextDeployAndNeitherScaledDownNorWoken() {
            Instant night = Instant.parse("2026-11-20T23:00:00Z");
            CleanupPlan plan = new CleanupPlanner(office).plan(
                    List.of(branch("main").status(EnvironmentStatus.INTERRUPTED).build()), SCM, night);

            assertPlanned(plan.actions().get(0), LifecycleAction.KEEP,
                    "deploy interrupted: its process ended before it finished; the next deploy continues it");
        }

        @Test
        void failedDeployStillCostsAndIsScaledDown() {
            assertThat(planOne(idle8h, branch("main").status(EnvironmentStatus.FAILED).deployed("2026-11-19T00:00:00Z")).action())
                    .isEqualTo(LifecycleAction.SCALE_DOWN);
        }
    }

    @Nested
    class Precedence {

        @Test
        void teardownWinsOverScaleDown() {
            CleanupPolicy policy = NO_BRAKES.withIdlePeriod(Duration.ofHours(1));

            assertTeardown(planOne(policy, branch("feature/x").deployed("2026-11-01T00:00:00Z")),
                    TeardownCause.BRANCH_DELETED, "branch feature/x was deleted");
        }

        @Test
        void scaleDownWinsOverWarning() {
            CleanupPolicy policy = NO_BRAKES.withIdlePeriod(Duration.ofHours(1));

            assertThat(planOne(policy, branch("main").deployed("2026-11-19T00:00:00Z").expires("2026-11-20T12:00:00Z")).action())
                    .isEqualTo(LifecycleAction.SCALE_DOWN);
        }

        @Test
        void scaledDownEnvironmentIsStillWarned() {
            assertThat(planOne(branch("main").status(EnvironmentStatus.SCALED_DOWN).expires("2026-11-20T12:00:00Z")).action())
                    .isEqualTo(LifecycleAction.WARN);
        }

        @Test
        void unfinishedTeardownIsFinishedWhateverSourceControlSays() {
            assertTeardown(planOne(branch("main").status(EnvironmentStatus.TEARING_DOWN)),
                    TeardownCause.UNFINISHED, "a teardown started earlier did not finish");
            assertThat(planOne(branch("main").app("web").status(EnvironmentStatus.TEARING_DOWN)).action())
                    .isEqualTo(LifecycleAction.TEARDOWN);
        }
    }

    @Nested
    class Brakes {

        /** {@code count} environments of deleted branches, deployed one hour apart, newest first. */
        private List<Environment> deletedBranches(int count) {
            List<Environment> inventory = new ArrayList<>();
            for (int i = count - 1; i >= 0; i--) {
                inventory.add(branch("gone-" + i).deployed(Instant.parse("2026-11-01T00:00:00Z").plusSeconds(3600L * i).toString()).build());
            }
            return inventory;
        }

        private List<Environment> liveBranches(int count) {
            List<Environment> inventory = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                inventory.add(branch("main").namespace("shop-live-" + i).environmentId("live-" + i).build());
            }
            return inventory;
        }

        @Test
        void maxTeardownsHoldsTheRestForTheNextRunOldestFirst() {
            CleanupPlan plan = new CleanupPlanner(CleanupPolicy.defaults().withBrakes(5, 100)).plan(deletedBranches(12), SCM, NOW);

            assertThat(plan.counts()).containsEntry(LifecycleAction.TEARDOWN, 5).containsEntry(LifecycleAction.KEEP, 7);
            assertThat(plan.actions()).filteredOn(a -> a.action() == LifecycleAction.TEARDOWN)
                    .extracting(a -> a.environment().namespace())
                    .containsExactlyInAnyOrder("shop-gone-0", "shop-gone-1", "shop-gone-2", "shop-gone-3", "shop-gone-4");
            assertThat(plan.actions()).filteredOn(a -> a.environment().namespace().equals("shop-gone-11")).singleElement()
                    .extracting(PlannedAction::reason).isEqualTo("held by brake: at most 5 teardowns per run; "
                            + "7 of 12 teardowns wait for the next run; due because branch gone-11 was deleted");
            assertThat(plan.brakesHeld()).containsExactly(new BrakeHold("max-teardowns-per-run", 5, 12, "at most 5 teardowns per run"));
        }

        @Test
        void maxPercentHoldsAgainstAllEnvironmentsOfTheRun() {
            List<Environment> inventory = new ArrayList<>(deletedBranches(30));
            inventory.addAll(liveBranches(70));

            CleanupPlan plan = new CleanupPlanner(CleanupPolicy.defaults().withBrakes(100, 10)).plan(inventory, SCM, NOW);

            assertThat(plan.counts()).containsEntry(LifecycleAction.TEARDOWN, 10).containsEntry(LifecycleAction.KEEP, 90);
            assertThat(plan.brakesHeld()).extracting(BrakeHold::brake, BrakeHold::allowed, BrakeHold::wanted)
                    .containsExactly(tuple("max-teardown-percent", 10, 30));
        }

        @Test
        void bothBrakesHoldAndTheTighterOneCounts() {
            List<Environment> inventory = new ArrayList<>(deletedBranches(30));
            inventory.addAll(liveBranches(70));

            CleanupPlan plan = new CleanupPlanner(CleanupPolicy.defaults().withBrakes(4, 10)).plan(inventory, SCM, NOW);

            assertThat(plan.counts()).containsEntry(LifecycleAction.TEARDOWN, 4);
            assertThat(plan.brakesHeld()).extracting(BrakeHold::brake).containsExactly("max-teardowns-per-run", "max-teardown-percent");
            assertThat(plan.actions()).filteredOn(a -> a.reason().startsWith("held by brake: at most 4 teardowns per run;")).hasSize(26);
        }

        @Test
        void percentRoundsDownButAllowsOneSoSmallInstallationsProgress() {
            List<Environment> inventory = new ArrayList<>(deletedBranches(2));
            inventory.add(branch("main").build());

            CleanupPlan plan = new CleanupPlanner(CleanupPolicy.defaults().withBrakes(10, 25)).plan(inventory, SCM, NOW);

            assertThat(plan.counts()).containsEntry(LifecycleAction.TEARDOWN, 1);
            assertThat(plan.brakesHeld()).extracting(BrakeHold::allowed).containsExactly(1);
        }

        @Test
        void zeroStopsEveryTeardown() {
            assertThat(new CleanupPlanner(CleanupPolicy.defaults().withBrakes(0, 100)).plan(deletedBranches(3), SCM, NOW).counts())
                    .containsEntry(LifecycleAction.TEARDOWN, 0);
            assertThat(new CleanupPlanner(CleanupPolicy.defaults().withBrakes(10, 0)).plan(deletedBranches(3), SCM, NOW).counts())
                    .containsEntry(LifecycleAction.TEARDOWN, 0);
        }

        @Test
        void withinTheLimitsNoBrakeHolds() {
            CleanupPlan plan = new CleanupPlanner(CleanupPolicy.defaults().withBrakes(3, 100)).plan(deletedBranches(3), SCM, NOW);

            assertThat(plan.counts()).containsEntry(LifecycleAction.TEARDOWN, 3);
            assertThat(plan.brakesHeld()).isEmpty();
        }

        @Test
        void brakesLeaveOtherActionsAlone() {
            List<Environment> inventory = new ArrayList<>(deletedBranches(3));
            inventory.add(branch("main").deployed("2026-11-01T00:00:00Z").build());
            CleanupPolicy policy = CleanupPolicy.defaults().withBrakes(1, 100).withIdlePeriod(Duration.ofDays(1));

            CleanupPlan plan = new CleanupPlanner(policy).plan(inventory, SCM, NOW);

            assertThat(plan.counts()).containsEntry(LifecycleAction.TEARDOWN, 1).containsEntry(LifecycleAction.SCALE_DOWN, 1)
                    .containsEntry(LifecycleAction.KEEP, 2);
        }
    }

    @Test
    void environmentsWithoutAppOrEnvironmentLabelAreIgnoredAndNotCounted() {
        List<Environment> inventory = List.of(
                branch("feature/x").build(),
                branch("feature/y").namespace("odd-1").app(null).build(),
                branch("feature/z").namespace("odd-2").environmentId(" ").build());

        CleanupPlan plan = new CleanupPlanner(CleanupPolicy.defaults().withBrakes(10, 50)).plan(inventory, SCM, NOW);

        assertThat(plan.actions()).extracting(a -> a.environment().namespace()).containsExactly("shop-feature-x");
        assertThat(plan.actions().get(0).action()).isEqualTo(LifecycleAction.TEARDOWN);
        assertThat(plan.ignoredNamespaces()).containsExactly("odd-1", "odd-2");
    }

    @Test
    void dryRunPlansTheSameActionsAndSaysSo() {
        List<Environment> inventory = List.of(branch("feature/x").build(), branch("main").build());

        CleanupPlan real = new CleanupPlanner(NO_BRAKES).plan(inventory, SCM, NOW);
        CleanupPlan dry = new CleanupPlanner(NO_BRAKES.withDryRun(true)).plan(inventory, SCM, NOW);

        assertThat(dry.dryRun()).isTrue();
        assertThat(real.dryRun()).isFalse();
        assertThat(dry.actions()).isEqualTo(real.actions());
    }

    @Test
    void planKeepsInventoryOrderAndIsTheSameForTheSameInput() {
        List<Environment> inventory = List.of(branch("main").build(), change(41, "a").build(), branch("feature/x").build(),
                change(42, "b").build());

        CleanupPlan first = new CleanupPlanner(NO_BRAKES).plan(inventory, SCM, NOW);
        CleanupPlan second = new CleanupPlanner(NO_BRAKES).plan(inventory, SCM, NOW);

        assertThat(first).isEqualTo(second);
        assertThat(first.actions()).extracting(PlannedAction::environment).containsExactlyElementsOf(inventory);
        assertThat(first.actions()).extracting(PlannedAction::action).containsExactly(
                LifecycleAction.KEEP, LifecycleAction.TEARDOWN, LifecycleAction.TEARDOWN, LifecycleAction.KEEP);
    }

    @Test
    void plansTenThousandEnvironmentsOneActionEach() {
        List<Environment> inventory = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            inventory.add(i % 2 == 0
                    ? branch("main").namespace("shop-" + i).environmentId("e" + i).build()
                    : branch("gone-" + i).build());
        }

        CleanupPlan plan = new CleanupPlanner(CleanupPolicy.defaults().withBrakes(100, 50)).plan(inventory, SCM, NOW);

        assertThat(plan.actions()).hasSize(10_000);
        assertThat(plan.counts()).containsEntry(LifecycleAction.TEARDOWN, 100).containsEntry(LifecycleAction.KEEP, 9_900);
    }
}
