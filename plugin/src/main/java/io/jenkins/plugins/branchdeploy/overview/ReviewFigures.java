package io.jenkins.plugins.branchdeploy.overview;

import io.jenkins.plugins.branchdeploy.engine.history.ReviewMetrics;
import java.time.Duration;
import java.util.Locale;

/** One app's review metrics as the Branch deployments page shows them: words, not raw numbers. */
public final class ReviewFigures {

    private final String app;
    private final ReviewMetrics metrics;

    ReviewFigures(String app, ReviewMetrics metrics) {
        this.app = app;
        this.metrics = metrics;
    }

    public String getApp() {
        return app;
    }

    public long getPullRequests() {
        return metrics.changes();
    }

    public long getMerged() {
        return metrics.merged();
    }

    /** E.g. {@code 4 min 10 s}; a dash while no pull request was live. */
    public String getMedianOpenToLive() {
        return duration(metrics.medianOpenToLive());
    }

    public String getP90OpenToLive() {
        return duration(metrics.p90OpenToLive());
    }

    /** E.g. {@code 67%}; a dash while nothing was merged. */
    public String getLiveShare() {
        return percent(metrics.liveShare());
    }

    public String getReviewedLiveShare() {
        return percent(metrics.reviewedLiveShare());
    }

    private static String duration(Duration duration) {
        if (duration == null) {
            return "–";
        }
        long seconds = duration.toSeconds();
        if (seconds < 60) {
            return seconds + " s";
        }
        return seconds < 3600 ? seconds / 60 + " min " + seconds % 60 + " s" : seconds / 3600 + " h " + seconds % 3600 / 60 + " min";
    }

    private static String percent(Double share) {
        return share == null ? "–" : String.format(Locale.ROOT, "%.0f%%", share * 100);
    }
}
