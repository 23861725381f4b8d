package io.jenkins.plugins.branchdeploy.engine;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the short durations users write for time-to-live, idle periods and extensions: a whole
 * number and a unit, {@code 90m}, {@code 12h}, {@code 7d}, {@code 2w}.
 */
public final class Durations {

    private static final Pattern SHORT_FORM = Pattern.compile("(\\d{1,9})\\s*([mhdw])");

    private Durations() {}

    /**
     * @param field the parameter or option the text came from, named in the error
     * @param text the duration as written, e.g. {@code 3d}
     * @return the positive duration
     * @throws InvalidInputException when the text is empty, malformed or zero
     */
    public static Duration parse(String field, String text) {
        Matcher m = SHORT_FORM.matcher(text == null ? "" : text.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new InvalidInputException(field, "'" + (text == null ? "" : text)
                    + "' is not a duration; write a whole number and a unit (m, h, d or w), e.g. 90m, 12h or 7d");
        }
        long amount = Long.parseLong(m.group(1));
        if (amount == 0) {
            throw new InvalidInputException(field, "'" + text + "' is zero; give a positive duration, e.g. 7d");
        }
        return switch (m.group(2)) {
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            case "d" -> Duration.ofDays(amount);
            default -> Duration.ofDays(amount * 7);
        };
    }
}
