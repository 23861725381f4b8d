package io.jenkins.plugins.branchdeploy.engine.lifecycle;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Where a pull request stands in source control. */
public enum ChangeState {
    OPEN,
    CLOSED,
    MERGED;

    /** The word used in the live-state file and in reports, e.g. {@code merged}. */
    @JsonValue
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Reads {@code open}, {@code closed} or {@code merged}; anything else is empty. */
    public static Optional<ChangeState> fromValue(String value) {
        return Arrays.stream(values()).filter(s -> s.value().equals(value)).findFirst();
    }
}
