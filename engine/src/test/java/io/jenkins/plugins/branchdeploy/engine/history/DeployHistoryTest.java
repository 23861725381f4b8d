package io.jenkins.plugins.branchdeploy.engine.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.branchdeploy.engine.InvalidInputException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class DeployHistoryTest {

    static final Instant OPENED = Instant.parse("2026-03-02T09:00:00Z");

    @Test
    void keepsTheNewestDeploysFirstUpToTheLimit() {
        DeployHistory history = DeployHistory.empty(3);
        for (int i = 1; i <= 5; i++) {
            history = history.record(deploy(i, true));
        }

        assertThat(history.entries()).extracting(DeployRecord::commit).containsExactly("c5", "c4", "c3");
        assertThat(history.latest()).map(DeployRecord::commit).hasValue("c5");
    }

    @Test
    void remembersTheFirstDeployAndFirstReadyBeyondTheLimit() {
        DeployHistory history = DeployHistory.empty(2).record(deploy(1, false)).record(deploy(2, true));
        for (int i = 3; i <= 30; i++) {
            history = history.record(deploy(i, i % 2 == 0));
        }

        assertThat(history.entries()).hasSize(2);
        assertThat(history.firstDeployAt()).hasValue(deploy(1, false).at());
        assertThat(history.firstReadyAt()).hasValue(deploy(2, true).at());
    }

    @Test
    void timeToLiveUrlRunsFromThePullRequestOrTheFirstDeployToTheFirstReadyDeploy() {
        DeployHistory failing = DeployHistory.empty().record(deploy(1, false));
        DeployHistory live = failing.record(deploy(2, true)).record(deploy(3, true));

        assertThat(failing.isLive()).isFalse();
        assertThat(failing.timeToLiveUrl(OPENED)).isEmpty();
        assertThat(live.isLive()).isTrue();
        assertThat(live.timeToLiveUrl(OPENED)).hasValue(Duration.between(OPENED, deploy(2, true).at()));
        assertThat(live.timeToLiveUrl(null)).hasValue(Duration.between(deploy(1, false).at(), deploy(2, true).at()));
        assertThat(live.timeToLiveUrl(deploy(30, true).at())).as("pull request opened after the branch was live")
                .hasValue(Duration.ZERO);
    }

    @Test
    void aReadyDeployThatNothingRoutesToIsNotLiveYet() {
        DeployHistory unrouted = DeployHistory.empty().record(DeployRecord.ready("c1", OPENED.plus(Duration.ofMinutes(1)), Map.of(), null));
        assertThat(unrouted.isLive()).isFalse();
        assertThat(unrouted.timeToLiveUrl(OPENED)).isEmpty();

        DeployHistory exposed = unrouted.record(deploy(5, true));
        assertThat(exposed.timeToLiveUrl(OPENED)).contains(Duration.ofMinutes(5));
    }

    @Test
    void phasesKeepTheirOrderAndAddUp() {
        DeployRecord deploy = deploy(1, true);

        assertThat(deploy.phases().keySet()).containsExactly("namespace", "apply", "rollout", "smoke");
        assertThat(deploy.total()).isEqualTo(Duration.ofMillis(250 + 1_800 + 41_000 + 900));
    }

    @Test
    void refusesALimitBelowOne() {
        assertThatThrownBy(() -> DeployHistory.empty(0))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.getField()).isEqualTo("history-limit"));
        assertThatThrownBy(() -> DeployHistory.empty().withLimit(-3)).isInstanceOf(InvalidInputException.class);
        assertThat(IntStream.rangeClosed(1, 3).boxed()
                .reduce(DeployHistory.empty(), (h, i) -> h.record(deploy(i, true)), (a, b) -> b)
                .withLimit(1).entries()).extracting(DeployRecord::commit).containsExactly("c3");
    }

    /** Deploy number {@code n} starts {@code n} minutes after the pull request was opened. */
    static DeployRecord deploy(int n, boolean ok) {
        Map<String, Duration> phases = new java.util.LinkedHashMap<>();
        phases.put("namespace", Duration.ofMillis(250));
        phases.put("apply", Duration.ofMillis(1_800));
        phases.put("rollout", Duration.ofMillis(41_000));
        phases.put("smoke", Duration.ofMillis(900));
        Instant at = OPENED.plus(Duration.ofMinutes(n));
        return ok ? DeployRecord.ready("c" + n, at, phases, "https://pr-42--shop.example.dev")
                : DeployRecord.failed("c" + n, at, phases, "Deployment/frontend not ready after 300 s: ImagePullBackOff");
    }
}
