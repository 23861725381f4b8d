package io.jenkins.plugins.branchdeploy.engine.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.branchdeploy.engine.InvalidInputException;
import io.jenkins.plugins.branchdeploy.engine.SettableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TeardownGateTest {

    private static final Instant START = Instant.parse("2026-11-20T10:00:00Z");
    private static final CleanupPolicy THREE_IN_TEN_MINUTES = CleanupPolicy.defaults().withBurstBrake(new BurstBrake(3, Duration.ofMinutes(10)));

    private final SettableClock clock = new SettableClock(START);
    private final TeardownGate gate = new TeardownGate(clock);

    @Test
    void holdsEveryTeardownPastTheBurstUntilTheWindowHasRoomAgain() {
        for (int i = 1; i <= 3; i++) {
            assertThat(admit("shop-feature-" + i)).isInstanceOf(TeardownGate.Admission.Granted.class);
            clock.advance(Duration.ofMinutes(1));
        }
        TeardownGate.Admission fourth = admit("shop-feature-4");

        assertThat(fourth).isInstanceOf(TeardownGate.Admission.Held.class);
        HeldTeardown held = ((TeardownGate.Admission.Held) fourth).teardown();
        assertThat(held.namespace()).isEqualTo("shop-feature-4");
        assertThat(held.cause()).isEqualTo(TeardownCause.BRANCH_JOB_DELETED);
        assertThat(held.description()).contains("at most 3 teardowns within 10m", "cleanup retries it", "branch job was deleted");
        assertThat(gate.held()).extracting(HeldTeardown::namespace).containsExactly("shop-feature-4");
        assertThat(gate.roomAt(THREE_IN_TEN_MINUTES.burstBrake())).isEqualTo(START.plus(Duration.ofMinutes(10)));

        // the window slides: ten minutes after the first teardown, one more fits, and only one
        clock.advance(Duration.ofMinutes(7));
        assertThat(admit("shop-feature-4")).isInstanceOf(TeardownGate.Admission.Granted.class);
        assertThat(admit("shop-feature-5")).isInstanceOf(TeardownGate.Admission.Held.class);
    }

    @Test
    void aFinishedTeardownIsNoLongerHeldAndOneThatDeletedNothingGivesItsPlaceBack() {
        TeardownGate gate = new TeardownGate(clock);
        CleanupPolicy one = CleanupPolicy.defaults().withBurstBrake(new BurstBrake(1, Duration.ofMinutes(10)));
        TeardownGate.Admission.Granted absent = (TeardownGate.Admission.Granted) gate.admit("a", TeardownCause.MANUAL, "asked", one);
        assertThat(gate.admit("b", TeardownCause.MANUAL, "asked", one)).isInstanceOf(TeardownGate.Admission.Held.class);

        gate.finished(absent, false);

        assertThat(gate.recentTeardowns(one.burstBrake())).isZero();
        TeardownGate.Admission.Granted b = (TeardownGate.Admission.Granted) gate.admit("b", TeardownCause.MANUAL, "asked", one);
        gate.finished(b, true);
        assertThat(gate.held()).isEmpty();
        assertThat(gate.recentTeardowns(one.burstBrake())).isEqualTo(1);
    }

    @Test
    void aDryRunAdmitsNothingAndUsesNoPlaceInTheWindow() {
        TeardownGate.Admission admission = gate.admit("shop-main", TeardownCause.BRANCH_DELETED, "branch main was deleted",
                THREE_IN_TEN_MINUTES.withDryRun(true));

        assertThat(admission).isInstanceOf(TeardownGate.Admission.DryRun.class);
        assertThat(((TeardownGate.Admission.DryRun) admission).message()).isEqualTo("dry run: would teardown shop-main: branch main was deleted");
        assertThat(gate.recentTeardowns(THREE_IN_TEN_MINUTES.burstBrake())).isZero();
        assertThat(gate.held()).isEmpty();
    }

    @Test
    void aBrakeOfZeroHoldsEveryTeardown() {
        CleanupPolicy none = CleanupPolicy.defaults().withBurstBrake(new BurstBrake(0, Duration.ofMinutes(1)));

        assertThat(gate.admit("shop-main", TeardownCause.MANUAL, "asked", none)).isInstanceOf(TeardownGate.Admission.Held.class);
        assertThat(gate.roomAt(none.burstBrake())).isEqualTo(Instant.MAX);
    }

    @Test
    void forgetsHeldTeardownsNoLongerWanted() {
        CleanupPolicy none = CleanupPolicy.defaults().withBurstBrake(new BurstBrake(0, Duration.ofMinutes(1)));
        gate.admit("a", TeardownCause.MANUAL, "asked", none);
        gate.admit("b", TeardownCause.MANUAL, "asked", none);
        gate.admit("c", TeardownCause.MANUAL, "asked", none);

        gate.forget("a");
        gate.keepOnly(java.util.List.of("a", "b"));

        assertThat(gate.held()).extracting(HeldTeardown::namespace).containsExactly("b");
    }

    @Test
    void theClustersOfAnInstallationShareOneWindowAndKeepTheirOwnHeldTeardowns() {
        TeardownGate other = gate.sharingWindow();
        admit("shop-main");
        admit("shop-feature-1");
        other.admit("shop-main", TeardownCause.MANUAL, "asked", THREE_IN_TEN_MINUTES);

        assertThat(admit("shop-feature-2")).isInstanceOf(TeardownGate.Admission.Held.class);
        assertThat(other.held()).isEmpty();
        assertThat(other.recentTeardowns(THREE_IN_TEN_MINUTES.burstBrake())).isEqualTo(3);
    }

    @Test
    void aMalformedBrakeNamesItsSetting() {
        assertThatThrownBy(() -> new BurstBrake(-1, Duration.ofMinutes(10))).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("burst-max-teardowns");
        assertThatThrownBy(() -> new BurstBrake(5, Duration.ZERO)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("burst-window");
    }

    private TeardownGate.Admission admit(String namespace) {
        return gate.admit(namespace, TeardownCause.BRANCH_JOB_DELETED, "branch job was deleted", THREE_IN_TEN_MINUTES);
    }
}
