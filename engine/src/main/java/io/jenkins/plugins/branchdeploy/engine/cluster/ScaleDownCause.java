package io.jenkins.plugins.branchdeploy.engine.cluster;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;

/**
 * Why an environment was scaled down, as recorded in the {@code scaled-down-by} annotation. It
 * decides what may wake it: cleanup wakes what the working-hours schedule put down, never what was
 * put down by hand.
 */
public enum ScaleDownCause {
    /** Cleanup: the last deploy is at least the idle period ago. */
    IDLE,
    /** Cleanup: outside the working hours. */
    SCHEDULE,
    /** Someone asked for it ({@code scale-down}); only a deploy or an explicit wake brings it back. */
    MANUAL;

    /** The annotation value, e.g. {@code manual}. */
    @JsonValue
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Reads an annotation value; {@code null} or unknown text reads as {@code null}. */
    public static ScaleDownCause fromValue(String value) {
        return Arrays.stream(values()).filter(c -> c.value().equals(value)).findFirst().orElse(null);
    }
}
