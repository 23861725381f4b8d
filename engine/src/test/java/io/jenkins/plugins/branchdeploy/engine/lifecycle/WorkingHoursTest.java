package io.jenkins.plugins.branchdeploy.engine.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.branchdeploy.engine.InvalidInputException;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WorkingHoursTest {

    private static final WorkingHours OFFICE = WorkingHours.parse("Mon-Fri 08:00-19:00 Europe/Berlin");

    @ParameterizedTest(name = "{0} is inside: {1}")
    @CsvSource({
        // November: Berlin is UTC+1
        "2026-11-20T06:59:00Z, false", // Friday 07:59
        "2026-11-20T07:00:00Z, true", // Friday 08:00
        "2026-11-20T17:59:00Z, true", // Friday 18:59
        "2026-11-20T18:00:00Z, false", // Friday 19:00
        "2026-11-21T10:00:00Z, false", // Saturday
        "2026-11-23T07:30:00Z, true", // Monday 08:30
        // July: Berlin is UTC+2, so the same wall-clock hours are an hour earlier in UTC
        "2026-07-10T06:30:00Z, true", // Friday 08:30
        "2026-07-10T17:30:00Z, false", // Friday 19:30
    })
    void followsTheWallClockOfTheTimeZone(String instant, boolean inside) {
        assertThat(OFFICE.contains(Instant.parse(instant))).isEqualTo(inside);
    }

    @Test
    void dayRangesMayWrapAroundTheWeekAndListsMayMixRanges() {
        WorkingHours sundayToThursday = WorkingHours.parse("Sun-Thu 09:00-17:00 Asia/Jerusalem");
        WorkingHours someDays = WorkingHours.parse("mon,Wed-Thu 00:00-24:00 UTC");

        assertThat(sundayToThursday.contains(Instant.parse("2026-11-22T10:00:00Z"))).isTrue(); // Sunday 12:00
        assertThat(sundayToThursday.contains(Instant.parse("2026-11-20T10:00:00Z"))).isFalse(); // Friday
        assertThat(someDays.contains(Instant.parse("2026-11-23T23:59:00Z"))).isTrue(); // Monday
        assertThat(someDays.contains(Instant.parse("2026-11-24T12:00:00Z"))).isFalse(); // Tuesday
        assertThat(someDays.contains(Instant.parse("2026-11-26T00:00:00Z"))).isTrue(); // Thursday
    }

    @Test
    void printsAsWritten() {
        assertThat(WorkingHours.parse("  Mon-Fri   08:00-19:00 Europe/Berlin ")).hasToString("Mon-Fri 08:00-19:00 Europe/Berlin");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Mon-Fri 8-19 Europe/Berlin | is not DAYS HH:MM-HH:MM ZONE",
        "Mon-Fri 08:00-19:00 | is not DAYS HH:MM-HH:MM ZONE",
        "Mon-Fri 19:00-08:00 Europe/Berlin | cannot cross midnight",
        "Mon-Fri 08:00-08:00 UTC | cannot cross midnight",
        "Mon-Fri 08:00-25:00 UTC | is not a time of day",
        "Mon-Fri 08:60-19:00 UTC | is not a time of day",
        "Mon-Fry 08:00-19:00 UTC | 'Fry' is not a day",
        "Monday 08:00-19:00 UTC | 'Monday' is not a day or day range",
        "Mon-Fri 08:00-19:00 Europe/Atlantis | 'Europe/Atlantis' is not a time zone",
    })
    void refusesBadSchedulesNamingTheField(String schedule, String message) {
        assertThatThrownBy(() -> WorkingHours.parse(schedule))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("working-hours: ")
                .hasMessageContaining(message);
    }
}
