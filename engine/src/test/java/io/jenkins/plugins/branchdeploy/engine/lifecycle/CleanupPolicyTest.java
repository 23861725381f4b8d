package io.jenkins.plugins.branchdeploy.engine.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.branchdeploy.engine.InvalidInputException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class CleanupPolicyTest {

    private final CleanupPolicy defaults = CleanupPolicy.defaults();

    @Test
    void defaultsWarnADayAheadBrakeAndChangeThings() {
        assertThat(defaults.warningWindow()).isEqualTo(Duration.ofDays(1));
        assertThat(defaults.idlePeriod()).isNull();
        assertThat(defaults.workingHours()).isNull();
        assertThat(defaults.maxTeardownsPerRun()).isEqualTo(10);
        assertThat(defaults.maxTeardownPercent()).isEqualTo(25);
        assertThat(defaults.dryRun()).isFalse();
    }

    @Test
    void refusesSettingsThatMakeNoSenseNamingTheSetting() {
        assertThatThrownBy(() -> defaults.withBrakes(-1, 10)).isInstanceOf(InvalidInputException.class)
                .hasMessage("max-teardowns-per-run: must be 0 or more, got -1");
        assertThatThrownBy(() -> defaults.withBrakes(10, 101)).isInstanceOf(InvalidInputException.class)
                .hasMessage("max-teardown-percent: must be between 0 and 100, got 101");
        assertThatThrownBy(() -> defaults.withBrakes(10, -5)).isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("max-teardown-percent: ");
        assertThatThrownBy(() -> defaults.withIdlePeriod(Duration.ZERO)).isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("idle-period: must be positive");
        assertThatThrownBy(() -> defaults.withWarningWindow(Duration.ofHours(-1))).isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("warning-window: must be zero or more");
        assertThatThrownBy(() -> defaults.withWarningWindow(null)).isInstanceOf(InvalidInputException.class);
    }
}
