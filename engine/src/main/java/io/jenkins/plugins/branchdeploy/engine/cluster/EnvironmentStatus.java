package io.jenkins.plugins.branchdeploy.engine.cluster;

import java.util.Arrays;
import java.util.Locale;

/**
 * Where an environment stands, as recorded in the {@code status} annotation; {@link #INTERRUPTED} is
 * never recorded but read: a deploy whose process ended before it finished.
 */
public enum EnvironmentStatus {
    DEPLOYING,
    /** Recorded as deploying, past the deploy's deadline: its process ended (killed, crashed); the next deploy continues it. */
    INTERRUPTED,
    READY,
    FAILED,
    SCALED_DOWN,
    TEARING_DOWN;

    /** The annotation value, e.g. {@code scaled-down}. */
    public String value() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Reads an annotation value; {@code null} or unknown text reads as {@code null}. */
    public static EnvironmentStatus fromValue(String value) {
        return Arrays.stream(values()).filter(s -> s.value().equals(value)).findFirst().orElse(null);
    }
}
