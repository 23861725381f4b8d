package io.jenkins.plugins.branchdeploy.engine.smoke;

import java.time.Duration;

/**
 * Decides after which failed attempts a retrying check reports progress: the first, and then each
 * one after which the next report could otherwise come later than the interval, so that reports are
 * never further apart than the interval without one being written per attempt.
 */
final class ProgressSchedule {

    private final long intervalNanos;
    private final long longestAttemptNanos;
    private long lastReport;
    private boolean reported;

    /**
     * @param interval the longest time between two reports
     * @param longestAttempt the longest one more attempt can take, pause included
     */
    ProgressSchedule(Duration interval, Duration longestAttempt) {
        if (longestAttempt.compareTo(interval) > 0) {
            throw new IllegalArgumentException("an attempt of " + longestAttempt + " cannot be reported every " + interval);
        }
        this.intervalNanos = interval.toNanos();
        this.longestAttemptNanos = longestAttempt.toNanos();
    }

    /** Whether a failed attempt that ended at {@code nowNanos} should be reported; if so, it counts as reported. */
    boolean due(long nowNanos) {
        if (reported && nowNanos - lastReport + longestAttemptNanos < intervalNanos) {
            return false;
        }
        reported = true;
        lastReport = nowNanos;
        return true;
    }
}
