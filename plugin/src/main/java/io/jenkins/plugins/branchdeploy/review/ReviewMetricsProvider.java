package io.jenkins.plugins.branchdeploy.review;

import com.codahale.metrics.Gauge;
import com.codahale.metrics.Metric;
import com.codahale.metrics.MetricSet;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import io.jenkins.plugins.branchdeploy.config.MetricsFile;
import io.jenkins.plugins.branchdeploy.engine.history.ReviewMetrics;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import jenkins.metrics.api.MetricProvider;
import jenkins.metrics.api.Metrics;

/**
 * The review metrics in the Metrics plugin's registry (which the Prometheus plugin exposes): for the
 * installation under {@code branch-deploy.reviews.}, for each app under {@code branch-deploy.apps.APP.},
 * each with {@code pr-open-to-live.median-seconds}, {@code pr-open-to-live.p90-seconds},
 * {@code merged-changes}, {@code live-share} and {@code reviewed-live-share}. A figure with nothing to
 * count reads {@code NaN}. An app's gauges are registered when a reading first finds the app.
 */
@Extension
public final class ReviewMetricsProvider extends MetricProvider {

    static final String INSTALLATION = "branch-deploy.reviews";
    static final String APPS = "branch-deploy.apps";

    private final ReviewMetricsSnapshot snapshot = new ReviewMetricsSnapshot(MetricsFile::store, Clock.systemUTC(),
            app -> gauges(APPS + "." + app, () -> snapshot().app(app)).forEach(ReviewMetricsProvider::register));

    @NonNull
    @Override
    public MetricSet getMetricSet() {
        Map<String, Metric> installation = gauges(INSTALLATION, () -> snapshot().installation());
        return () -> installation;
    }

    private ReviewMetricsSnapshot snapshot() {
        return snapshot;
    }

    private static void register(String name, Metric gauge) {
        if (!Metrics.metricRegistry().getNames().contains(name)) {
            Metrics.metricRegistry().register(name, gauge);
        }
    }

    static Map<String, Metric> gauges(String prefix, Supplier<ReviewMetrics> figures) {
        Map<String, Metric> gauges = new LinkedHashMap<>();
        gauges.put(prefix + ".pr-open-to-live.median-seconds", (Gauge<Double>) () -> seconds(figures.get().medianOpenToLive()));
        gauges.put(prefix + ".pr-open-to-live.p90-seconds", (Gauge<Double>) () -> seconds(figures.get().p90OpenToLive()));
        gauges.put(prefix + ".merged-changes", (Gauge<Long>) () -> figures.get().merged());
        gauges.put(prefix + ".live-share", (Gauge<Double>) () -> share(figures.get().liveShare()));
        gauges.put(prefix + ".reviewed-live-share", (Gauge<Double>) () -> share(figures.get().reviewedLiveShare()));
        return gauges;
    }

    private static double seconds(Duration duration) {
        return duration == null ? Double.NaN : duration.toMillis() / 1000.0;
    }

    private static double share(Double share) {
        return share == null ? Double.NaN : share;
    }
}
