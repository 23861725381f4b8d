package io.jenkins.plugins.branchdeploy.engine.cluster;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/** How long each phase of one deploy took, in the order they ran, for the result and the build log. */
final class DeployPhases {

    private final Map<String, Duration> durations = new LinkedHashMap<>();

    /** Runs one phase and records its time, also when it fails. */
    <T> T time(String phase, Supplier<T> work) {
        long started = System.nanoTime();
        try {
            return work.get();
        } finally {
            record(phase, started);
        }
    }

    void time(String phase, Runnable work) {
        time(phase, () -> {
            work.run();
            return null;
        });
    }

    /** Records a phase that started at {@code startedNanos} ({@link System#nanoTime()}) and ends now. */
    void record(String phase, long startedNanos) {
        durations.put(phase, Duration.ofNanos(System.nanoTime() - startedNanos));
    }

    /** The phases timed so far; the result keeps this view, so phases timed later still show in it. */
    Map<String, Duration> durations() {
        return durations;
    }
}
