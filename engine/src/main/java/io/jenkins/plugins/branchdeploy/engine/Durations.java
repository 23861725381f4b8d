package io.jenkins.plugins.branchdeploy.engine;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the short durations users write for time-to-live, timeouts, idle periods and extensions:
 * whole numbers with units {@code s}, {@code m}, {@code h}, {@code d} or {@code w}, alone or combined:
 * {@code 90s}, {@code 90m}, {@code 1h30m}, {@code 7d}, {@code 2w}.
 */
public final class Durations {

    private static final Pattern WHOLE = Pattern.compile("(\\d{1,9}[smhdw])+");
    private static final Pattern PART = Pattern.compile("(\\d{1,9})([smhdw])");

    private Durations() {}

    /**
     * @param field the parameter or option the text came from, named in the error
     * @param text the duration as written, e.g. {@code 3d}
     * @return the positive duration
     * @throws InvalidInputException when the text is empty, malformed or zero
     */
    public static Duration parse(String field, String text) {
        String compact = text == null ? "" : text.replaceAll("\\s+", "").toLowerCase(Locale.ROOT);
        if (!WHOLE.matcher(compact).matches()) {
            throw new InvalidInputException(field, "'" + (text == null ? "" : text)
                    + "' is not a duration; write whole numbers with units s, m, h, d or w, e.g. 90m, 12h, 1h30m or 7d");
        }
        Duration total = Duration.ZERO;
        Matcher m = PART.matcher(compact);
        while (m.find()) {
            long amount = Long.parseLong(m.group(1));
            total = total.plus(switch (m.group(2)) {
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                case "h" -> Duration.ofHours(amount);
                case "d" -> Duration.ofDays(amount);
                default -> Duration.ofDays(amount * 7);
            });
        }
        if (total.isZero()) {
            throw new InvalidInputException(field, "'" + text + "' is zero; give a positive duration, e.g. 7d");
        }
        return total;
    }
}
