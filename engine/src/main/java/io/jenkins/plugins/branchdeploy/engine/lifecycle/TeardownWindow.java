package io.jenkins.plugins.branchdeploy.engine.lifecycle;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The teardowns of the last burst window, oldest first: the state the {@link BurstBrake} judges.
 * Not thread-safe; {@link TeardownGate} guards it.
 */
final class TeardownWindow {

    private final Deque<Instant> recent = new ArrayDeque<>();

    /** Counts a teardown at {@code now} when the window has room for it; {@code false} when the brake holds it. */
    boolean take(Instant now, BurstBrake brake) {
        forgetBefore(now.minus(brake.window()));
        if (recent.size() >= brake.maxTeardowns()) {
            return false;
        }
        recent.addLast(now);
        return true;
    }

    /** Uncounts a teardown taken at {@code at} that deleted nothing. */
    void giveBack(Instant at) {
        recent.removeLastOccurrence(at);
    }

    /** When the window has room again for one more teardown, judged at {@code now}. */
    Instant roomAt(Instant now, BurstBrake brake) {
        forgetBefore(now.minus(brake.window()));
        if (recent.size() < brake.maxTeardowns()) {
            return now;
        }
        if (brake.maxTeardowns() == 0) {
            return Instant.MAX;
        }
        // the teardown that must leave the window before one more fits
        return recent.stream().skip(recent.size() - brake.maxTeardowns()).findFirst().orElseThrow().plus(brake.window());
    }

    int size(Instant now, BurstBrake brake) {
        forgetBefore(now.minus(brake.window()));
        return recent.size();
    }

    private void forgetBefore(Instant start) {
        while (!recent.isEmpty() && !recent.peekFirst().isAfter(start)) {
            recent.removeFirst();
        }
    }
}
