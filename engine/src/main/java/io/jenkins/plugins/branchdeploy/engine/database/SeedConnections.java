package io.jenkins.plugins.branchdeploy.engine.database;

import io.jenkins.plugins.branchdeploy.engine.InvalidInputException;
import java.util.Locale;

/**
 * What to do about sessions connected to the seed while it is cloned. PostgreSQL refuses to copy a
 * database that anyone is connected to (after waiting 5 seconds). Either way new connections to the
 * seed are blocked ({@code ALLOW_CONNECTIONS false}) until the copy is done, then allowed again.
 */
public enum SeedConnections {

    /** Wait for open sessions to end on their own, up to the configured time. */
    BLOCK,

    /** End open sessions with {@code pg_terminate_backend}. */
    TERMINATE;

    public static SeedConnections parse(String value) {
        if (value != null) {
            for (SeedConnections option : values()) {
                if (option.name().equalsIgnoreCase(value.trim())) {
                    return option;
                }
            }
        }
        throw new InvalidInputException("seedConnections", "'" + value
                + "' is not an option; use block (wait for sessions on the seed to end) or terminate (end them)");
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
