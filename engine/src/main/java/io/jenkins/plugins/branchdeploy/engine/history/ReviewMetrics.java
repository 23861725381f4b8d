package io.jenkins.plugins.branchdeploy.engine.history;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * How pull requests are reviewed, for one app or the whole installation, from its {@link ChangeLedger}.
 *
 * @param changes the pull requests deployed
 * @param medianOpenToLive median time from a pull request being opened to its first ready deploy, or {@code null} when none was live
 * @param p90OpenToLive the 90th percentile of the same, or {@code null}
 * @param merged the merged pull requests: the denominator of both shares; one closed without a merge is not among them
 * @param liveShare the share of merged pull requests whose environment was live before the merge, or {@code null} when none was merged
 * @param reviewedLiveShare the share of merged pull requests whose environment someone other than the
 *     author opened before the merge, or {@code null} when none was merged
 */
public record ReviewMetrics(long changes, Duration medianOpenToLive, Duration p90OpenToLive, long merged,
        Double liveShare, Double reviewedLiveShare) {

    public static ReviewMetrics of(Collection<ChangeRecord> records) {
        List<Duration> times = records.stream().flatMap(c -> c.openToLive().stream()).sorted().toList();
        List<ChangeRecord> merged = records.stream().filter(ChangeRecord::merged).toList();
        return new ReviewMetrics(records.size(), InstallationMetrics.percentile(times, 0.5),
                InstallationMetrics.percentile(times, 0.9), merged.size(),
                share(merged.stream().filter(ChangeRecord::liveBeforeEnd).count(), merged.size()),
                share(merged.stream().filter(ChangeRecord::reviewedLive).count(), merged.size()));
    }

    /** The figures of each app, by app. */
    public static Map<String, ReviewMetrics> byApp(ChangeLedger ledger) {
        return ledger.changes().stream().collect(Collectors.groupingBy(ChangeRecord::app, TreeMap::new,
                Collectors.collectingAndThen(Collectors.toList(), ReviewMetrics::of)));
    }

    private static Double share(long part, long whole) {
        return whole == 0 ? null : (double) part / whole;
    }
}
