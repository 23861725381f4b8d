package io.jenkins.plugins.branchdeploy.engine.history;

import io.jenkins.plugins.branchdeploy.engine.cluster.Environment;
import io.jenkins.plugins.branchdeploy.engine.cluster.EnvironmentStatus;
import java.time.Duration;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * How an installation is doing: its environments now, and what it has counted since it began.
 * Render with {@link MetricsJson} or {@link PrometheusText}.
 *
 * @param environmentsByStatus environments by status value ({@code ready}, {@code failed}...), every
 *     status listed, plus {@code unknown} when a namespace records none
 * @param deploys every deploy
 * @param failures the deploys that failed
 * @param teardownsByCause teardowns by {@link io.jenkins.plugins.branchdeploy.engine.lifecycle.TeardownCause#value() cause}
 * @param timesToLiveUrl how many environments have reached a live URL
 * @param totalTimeToLiveUrl the sum of their times to a live URL
 * @param medianTimeToLiveUrl the median of the recent ones, or {@code null} when there are none
 * @param p90TimeToLiveUrl the 90th percentile of the recent ones, or {@code null} when there are none
 * @param reviews how the installation's pull requests were reviewed
 * @param reviewsByApp the same for each app, by app
 */
public record InstallationMetrics(
        Map<String, Long> environmentsByStatus,
        long deploys,
        long failures,
        Map<String, Long> teardownsByCause,
        long timesToLiveUrl,
        Duration totalTimeToLiveUrl,
        Duration medianTimeToLiveUrl,
        Duration p90TimeToLiveUrl,
        ReviewMetrics reviews,
        Map<String, ReviewMetrics> reviewsByApp) {

    static final String UNKNOWN_STATUS = "unknown";

    public InstallationMetrics {
        environmentsByStatus = Map.copyOf(environmentsByStatus);
        teardownsByCause = Map.copyOf(teardownsByCause);
        reviewsByApp = Collections.unmodifiableMap(new TreeMap<>(reviewsByApp));
    }

    /**
     * @param environments this installation's environments, from the inventory
     * @param counters what the installation has counted, from its {@link MetricsStore}
     */
    public static InstallationMetrics of(Collection<Environment> environments, InstallationCounters counters) {
        Map<String, Long> byStatus = new LinkedHashMap<>();
        for (EnvironmentStatus status : EnvironmentStatus.values()) {
            byStatus.put(status.value(), 0L);
        }
        for (Environment environment : environments) {
            String status = environment.status() == null ? UNKNOWN_STATUS : environment.status().value();
            byStatus.merge(status, 1L, Long::sum);
        }
        List<Duration> recent = counters.recentTimesToLiveUrl().stream().sorted().toList();
        return new InstallationMetrics(byStatus, counters.deploys(), counters.failures(), counters.teardownsByCause(),
                counters.timesToLiveUrl(), counters.totalTimeToLiveUrl(), percentile(recent, 0.5), percentile(recent, 0.9),
                ReviewMetrics.of(counters.changes().changes()), ReviewMetrics.byApp(counters.changes()));
    }

    /** All environments, whatever their status. */
    public long activeEnvironments() {
        return environmentsByStatus.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Nearest-rank percentile: the smallest value that at least {@code p} of the values do not exceed. */
    static Duration percentile(List<Duration> sorted, double p) {
        if (sorted.isEmpty()) {
            return null;
        }
        int rank = (int) Math.ceil(p * sorted.size());
        return sorted.get(Math.max(rank, 1) - 1);
    }
}
