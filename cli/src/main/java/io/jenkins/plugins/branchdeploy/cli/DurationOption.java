package io.jenkins.plugins.branchdeploy.cli;

import io.jenkins.plugins.branchdeploy.engine.InvalidInputException;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads durations such as {@code 90s}, {@code 5m}, {@code 1h30m} or {@code 3d}. */
final class DurationOption {

    private static final Pattern WHOLE = Pattern.compile("(\\d+[smhd])+");
    private static final Pattern PART = Pattern.compile("(\\d+)([smhd])");

    private DurationOption() {}

    static Duration parse(String field, String text) {
        if (text == null || !WHOLE.matcher(text.trim()).matches()) {
            throw new InvalidInputException(field, "'" + text + "' is not a duration; write e.g. 90s, 5m, 1h30m or 3d");
        }
        Duration total = Duration.ZERO;
        Matcher m = PART.matcher(text.trim());
        while (m.find()) {
            long amount = Long.parseLong(m.group(1));
            total = total.plus(switch (m.group(2)) {
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                case "h" -> Duration.ofHours(amount);
                default -> Duration.ofDays(amount);
            });
        }
        return total;
    }
}
