package io.jenkins.plugins.branchdeploy.engine.lifecycle;

import io.jenkins.plugins.branchdeploy.engine.Durations;
import io.jenkins.plugins.branchdeploy.engine.InvalidInputException;
import java.time.Duration;

/**
 * How cleanup decides and how far it may go in one run. The time-to-live itself is on each
 * environment ({@code expires-at}, extended by {@code keep-until}).
 *
 * @param warningWindow warn when the time-to-live runs out within this; {@link Duration#ZERO} for no warnings
 * @param idlePeriod scale down when the last deploy is at least this long ago; {@code null} for no idle rule
 * @param workingHours scale down outside these and wake inside them; {@code null} for no schedule
 * @param maxTeardownsPerRun brake: at most this many teardowns per run
 * @param maxTeardownPercent brake: at most this percentage of the environments torn down per run
 *     (rounded down, but at least one unless it is 0)
 * @param dryRun plan and report, change nothing: no teardown on any path
 * @param burstBrake how many teardowns any window of time admits, across every path that tears down
 */
public record CleanupPolicy(
        Duration warningWindow,
        Duration idlePeriod,
        WorkingHours workingHours,
        int maxTeardownsPerRun,
        int maxTeardownPercent,
        boolean dryRun,
        BurstBrake burstBrake) {

    public static final String DEFAULT_WARNING_WINDOW_TEXT = "1d";
    public static final Duration DEFAULT_WARNING_WINDOW = Durations.parse("warning-window", DEFAULT_WARNING_WINDOW_TEXT);
    public static final int DEFAULT_MAX_TEARDOWNS_PER_RUN = 10;
    public static final int DEFAULT_MAX_TEARDOWN_PERCENT = 25;

    public CleanupPolicy {
        if (warningWindow == null || warningWindow.isNegative()) {
            throw new InvalidInputException("warning-window", "must be zero or more, e.g. 1d; use 0 for no warnings");
        }
        if (idlePeriod != null && (idlePeriod.isNegative() || idlePeriod.isZero())) {
            throw new InvalidInputException("idle-period", "must be positive, e.g. 8h; leave it out for no idle scale-down");
        }
        if (maxTeardownsPerRun < 0) {
            throw new InvalidInputException("max-teardowns-per-run", "must be 0 or more, got " + maxTeardownsPerRun);
        }
        if (maxTeardownPercent < 0 || maxTeardownPercent > 100) {
            throw new InvalidInputException("max-teardown-percent", "must be between 0 and 100, got " + maxTeardownPercent);
        }
        if (burstBrake == null) {
            throw new InvalidInputException("burst-max-teardowns", "give the burst brake, e.g. 20 teardowns within 10m");
        }
    }

    /** One-day warnings, no idle rule, no schedule, the default per-run brakes, no burst brake, not a dry run. */
    public static CleanupPolicy defaults() {
        return new CleanupPolicy(DEFAULT_WARNING_WINDOW, null, null, DEFAULT_MAX_TEARDOWNS_PER_RUN, DEFAULT_MAX_TEARDOWN_PERCENT, false,
                BurstBrake.none());
    }

    public CleanupPolicy withWarningWindow(Duration window) {
        return new CleanupPolicy(window, idlePeriod, workingHours, maxTeardownsPerRun, maxTeardownPercent, dryRun, burstBrake);
    }

    public CleanupPolicy withIdlePeriod(Duration period) {
        return new CleanupPolicy(warningWindow, period, workingHours, maxTeardownsPerRun, maxTeardownPercent, dryRun, burstBrake);
    }

    public CleanupPolicy withWorkingHours(WorkingHours hours) {
        return new CleanupPolicy(warningWindow, idlePeriod, hours, maxTeardownsPerRun, maxTeardownPercent, dryRun, burstBrake);
    }

    public CleanupPolicy withBrakes(int teardowns, int percent) {
        return new CleanupPolicy(warningWindow, idlePeriod, workingHours, teardowns, percent, dryRun, burstBrake);
    }

    public CleanupPolicy withDryRun(boolean dry) {
        return new CleanupPolicy(warningWindow, idlePeriod, workingHours, maxTeardownsPerRun, maxTeardownPercent, dry, burstBrake);
    }

    public CleanupPolicy withBurstBrake(BurstBrake brake) {
        return new CleanupPolicy(warningWindow, idlePeriod, workingHours, maxTeardownsPerRun, maxTeardownPercent, dryRun, brake);
    }
}
