package io.jenkins.plugins.branchdeploy.engine.lifecycle;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/** Times and durations as reasons show them: {@code 2026-11-20T10:00Z}, {@code 1d 4h}. */
final class TimeWords {

    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm'Z'").withZone(ZoneOffset.UTC);

    private TimeWords() {}

    static String time(Instant instant) {
        return MINUTES.format(instant.truncatedTo(ChronoUnit.MINUTES));
    }

    /** Days, hours and minutes, largest first, zero parts left out; under a minute is {@code 0m}. */
    static String duration(Duration duration) {
        long minutes = duration.toMinutes();
        StringBuilder words = new StringBuilder();
        append(words, minutes / (24 * 60), "d");
        append(words, minutes / 60 % 24, "h");
        append(words, minutes % 60, "m");
        return words.isEmpty() ? "0m" : words.toString();
    }

    private static void append(StringBuilder words, long amount, String unit) {
        if (amount > 0) {
            words.append(words.isEmpty() ? "" : " ").append(amount).append(unit);
        }
    }
}
