package io.jenkins.plugins.branchdeploy.engine.history;

import io.jenkins.plugins.branchdeploy.engine.InvalidInputException;
import io.jenkins.plugins.branchdeploy.engine.lifecycle.TeardownCause;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/**
 * What an installation has counted since it began, kept in a {@link MetricsStore} because it must
 * outlive the environments it counts. Immutable: each {@code with...} method returns the next state.
 *
 * @param deploys every deploy, ready or failed
 * @param failures the deploys that failed
 * @param teardownsByCause teardowns by {@link TeardownCause#value() cause}, e.g. {@code change-merged}, sorted by cause
 * @param timesToLiveUrl how many environments have reached a live URL
 * @param totalTimeToLiveUrl the sum of their times to a live URL
 * @param recentTimesToLiveUrl the most recent times to a live URL, oldest first, at most
 *     {@link #RECENT_LIMIT}, from which the median and 90th percentile are taken
 * @param changes the pull requests deployed, for the review metrics
 */
public record InstallationCounters(
        long deploys,
        long failures,
        Map<String, Long> teardownsByCause,
        long timesToLiveUrl,
        Duration totalTimeToLiveUrl,
        List<Duration> recentTimesToLiveUrl,
        ChangeLedger changes) {

    public static final int RECENT_LIMIT = 1000;

    /** An installation that has counted nothing yet. */
    public static final InstallationCounters NONE =
            new InstallationCounters(0, 0, Map.of(), 0, Duration.ZERO, List.of(), ChangeLedger.NONE);

    public InstallationCounters {
        teardownsByCause = Collections.unmodifiableMap(new TreeMap<>(teardownsByCause));
        recentTimesToLiveUrl = List.copyOf(recentTimesToLiveUrl);
        changes = changes == null ? ChangeLedger.NONE : changes;
    }

    public InstallationCounters withDeploy(boolean ok) {
        return new InstallationCounters(deploys + 1, ok ? failures : failures + 1, teardownsByCause,
                timesToLiveUrl, totalTimeToLiveUrl, recentTimesToLiveUrl, changes);
    }

    public InstallationCounters withTeardown(TeardownCause cause) {
        Map<String, Long> teardowns = new TreeMap<>(teardownsByCause);
        teardowns.merge(cause.value(), 1L, Long::sum);
        return new InstallationCounters(deploys, failures, teardowns, timesToLiveUrl, totalTimeToLiveUrl,
                recentTimesToLiveUrl, changes);
    }

    /** Counts an environment's first live URL, see {@link DeployHistory#timeToLiveUrl}. */
    public InstallationCounters withTimeToLiveUrl(Duration took) {
        if (took == null || took.isNegative()) {
            throw new InvalidInputException("time-to-live-url", "must be zero or more, got " + took);
        }
        List<Duration> recent = new ArrayList<>(recentTimesToLiveUrl);
        recent.add(took);
        List<Duration> kept = recent.subList(Math.max(0, recent.size() - RECENT_LIMIT), recent.size());
        return new InstallationCounters(deploys, failures, teardownsByCause, timesToLiveUrl + 1,
                totalTimeToLiveUrl.plus(took), kept, changes);
    }

    public InstallationCounters withChanges(UnaryOperator<ChangeLedger> change) {
        return new InstallationCounters(deploys, failures, teardownsByCause, timesToLiveUrl, totalTimeToLiveUrl,
                recentTimesToLiveUrl, change.apply(changes));
    }

    public long teardowns() {
        return teardownsByCause.values().stream().mapToLong(Long::longValue).sum();
    }
}
