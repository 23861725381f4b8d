package io.jenkins.plugins.branchdeploy.engine.history;

import io.jenkins.plugins.branchdeploy.engine.InvalidInputException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What an installation has counted since it began, kept in a {@link MetricsStore} because it must
 * outlive the environments it counts. Immutable: each {@code with...} method returns the next state.
 *
 * @param deploys every deploy, ready or failed
 * @param failures the deploys that failed
 * @param teardownsByReason teardowns by their reason, e.g. {@code pr-closed}, sorted by reason
 * @param timesToLiveUrl how many environments have reached a live URL
 * @param totalTimeToLiveUrl the sum of their times to a live URL
 * @param recentTimesToLiveUrl the most recent times to a live URL, oldest first, at most
 *     {@link #RECENT_LIMIT}, from which the median and 90th percentile are taken
 */
public record InstallationCounters(
        long deploys,
        long failures,
        Map<String, Long> teardownsByReason,
        long timesToLiveUrl,
        Duration totalTimeToLiveUrl,
        List<Duration> recentTimesToLiveUrl) {

    public static final int RECENT_LIMIT = 1000;

    /** An installation that has counted nothing yet. */
    public static final InstallationCounters NONE =
            new InstallationCounters(0, 0, Map.of(), 0, Duration.ZERO, List.of());

    public InstallationCounters {
        teardownsByReason = Collections.unmodifiableMap(new TreeMap<>(teardownsByReason));
        recentTimesToLiveUrl = List.copyOf(recentTimesToLiveUrl);
    }

    public InstallationCounters withDeploy(boolean ok) {
        return new InstallationCounters(deploys + 1, ok ? failures : failures + 1, teardownsByReason,
                timesToLiveUrl, totalTimeToLiveUrl, recentTimesToLiveUrl);
    }

    public InstallationCounters withTeardown(String reason) {
        if (reason == null || reason.isBlank()) {
            throw new InvalidInputException("reason", "a teardown needs a reason, e.g. pr-closed");
        }
        Map<String, Long> teardowns = new TreeMap<>(teardownsByReason);
        teardowns.merge(reason, 1L, Long::sum);
        return new InstallationCounters(deploys, failures, teardowns, timesToLiveUrl, totalTimeToLiveUrl,
                recentTimesToLiveUrl);
    }

    /** Counts an environment's first live URL, see {@link DeployHistory#timeToLiveUrl}. */
    public InstallationCounters withTimeToLiveUrl(Duration took) {
        if (took == null || took.isNegative()) {
            throw new InvalidInputException("time-to-live-url", "must be zero or more, got " + took);
        }
        List<Duration> recent = new ArrayList<>(recentTimesToLiveUrl);
        recent.add(took);
        List<Duration> kept = recent.subList(Math.max(0, recent.size() - RECENT_LIMIT), recent.size());
        return new InstallationCounters(deploys, failures, teardownsByReason, timesToLiveUrl + 1,
                totalTimeToLiveUrl.plus(took), kept);
    }

    public long teardowns() {
        return teardownsByReason.values().stream().mapToLong(Long::longValue).sum();
    }
}
