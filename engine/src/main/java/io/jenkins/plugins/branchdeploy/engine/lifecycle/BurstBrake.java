package io.jenkins.plugins.branchdeploy.engine.lifecycle;

import io.jenkins.plugins.branchdeploy.engine.InvalidInputException;
import java.time.Duration;

/**
 * The burst brake: at most {@code maxTeardowns} teardowns within any {@code window}, whichever path
 * asks for them (cleanup, a source-control event, a deleted branch job or project, a person). A
 * teardown past it is held, and cleanup retries it once the window has room again, so that
 * re-pointing a project's source or deleting a project cannot take every environment at once.
 *
 * @param maxTeardowns how many teardowns the window admits; 0 holds every teardown
 * @param window how far back teardowns count, e.g. 10 minutes
 */
public record BurstBrake(int maxTeardowns, Duration window) {

    public static final int DEFAULT_MAX_TEARDOWNS = 20;
    public static final Duration DEFAULT_WINDOW = Duration.ofMinutes(10);

    public BurstBrake {
        if (maxTeardowns < 0) {
            throw new InvalidInputException("burst-max-teardowns", "must be 0 or more, got " + maxTeardowns);
        }
        if (window == null || window.isNegative() || window.isZero()) {
            throw new InvalidInputException("burst-window", "must be positive, e.g. 10m");
        }
    }

    /** What an installation with several teardown paths (a Jenkins controller) starts with: 20 within 10 minutes. */
    public static BurstBrake defaults() {
        return new BurstBrake(DEFAULT_MAX_TEARDOWNS, DEFAULT_WINDOW);
    }

    /** No burst brake: one run of one process (the command line), which the per-run brakes cap already. */
    public static BurstBrake none() {
        return new BurstBrake(Integer.MAX_VALUE, Duration.ofMinutes(1));
    }

    /** The brake in words, e.g. {@code at most 20 teardowns within 10m}. */
    public String description() {
        return "at most " + maxTeardowns + (maxTeardowns == 1 ? " teardown" : " teardowns") + " within "
                + TimeWords.duration(window);
    }
}
