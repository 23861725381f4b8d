package io.jenkins.plugins.branchdeploy.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class DurationsTest {

    @Test
    void readsEveryUnit() {
        assertThat(Durations.parse("ttl", "90m")).isEqualTo(Duration.ofMinutes(90));
        assertThat(Durations.parse("ttl", "12h")).isEqualTo(Duration.ofHours(12));
        assertThat(Durations.parse("ttl", "7d")).isEqualTo(Duration.ofDays(7));
        assertThat(Durations.parse("ttl", "2w")).isEqualTo(Duration.ofDays(14));
    }

    @Test
    void combinesUnits() {
        assertThat(Durations.parse("timeout", "1h30m")).isEqualTo(Duration.ofMinutes(90));
        assertThat(Durations.parse("timeout", "90s")).isEqualTo(Duration.ofSeconds(90));
        assertThat(Durations.parse("ttl", "3d12h")).isEqualTo(Duration.ofHours(84));
    }

    @Test
    void toleratesSpacesAndUpperCase() {
        assertThat(Durations.parse("ttl", " 3 D ")).isEqualTo(Duration.ofDays(3));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"7", "d", "7 days", "1.5h", "-3d", "P3D", "10x", "h30m"})
    void refusesWhatIsNotAShortDurationNamingTheField(String text) {
        assertThatThrownBy(() -> Durations.parse("idlePeriod", text))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("idlePeriod: ")
                .hasMessageContaining("e.g. 90m, 12h, 1h30m or 7d")
                .extracting(e -> ((InvalidInputException) e).getField())
                .isEqualTo("idlePeriod");
    }

    @Test
    void refusesZero() {
        assertThatThrownBy(() -> Durations.parse("ttl", "0d"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("ttl: '0d' is zero; give a positive duration, e.g. 7d");
    }
}
