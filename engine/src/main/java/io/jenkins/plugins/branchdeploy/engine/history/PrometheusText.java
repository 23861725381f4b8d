package io.jenkins.plugins.branchdeploy.engine.history;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Installation metrics in the Prometheus text exposition format (version 0.0.4), every name
 * prefixed {@code branch_deploy_}, for {@code branch-deploy metrics --output prometheus} and a
 * Jenkins metrics endpoint.
 */
public final class PrometheusText {

    /** The {@code Content-Type} to serve it with. */
    public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private PrometheusText() {}

    public static String write(InstallationMetrics metrics) {
        StringBuilder text = new StringBuilder();
        family(text, "active_environments", "gauge", "Environments of this installation, by status.");
        new TreeMap<>(metrics.environmentsByStatus()).forEach((status, count) ->
                sample(text, "active_environments", "status", status, String.valueOf(count)));
        family(text, "deploys_total", "counter", "Deploys run by this installation, ready or failed.");
        sample(text, "deploys_total", null, null, String.valueOf(metrics.deploys()));
        family(text, "deploy_failures_total", "counter", "Deploys that failed.");
        sample(text, "deploy_failures_total", null, null, String.valueOf(metrics.failures()));
        family(text, "teardowns_total", "counter", "Environments torn down, by cause.");
        new TreeMap<>(metrics.teardownsByCause()).forEach((cause, count) ->
                sample(text, "teardowns_total", "cause", cause, String.valueOf(count)));
        family(text, "time_to_live_url_seconds", "summary",
                "Time from a pull request being opened (or a branch's first deploy) to its first ready deploy with a URL.");
        sample(text, "time_to_live_url_seconds", "quantile", "0.5", quantile(metrics.medianTimeToLiveUrl()));
        sample(text, "time_to_live_url_seconds", "quantile", "0.9", quantile(metrics.p90TimeToLiveUrl()));
        sample(text, "time_to_live_url_seconds_sum", null, null, seconds(metrics.totalTimeToLiveUrl()));
        sample(text, "time_to_live_url_seconds_count", null, null, String.valueOf(metrics.timesToLiveUrl()));
        reviews(text, metrics);
        return text.toString();
    }

    /** Each review figure for the installation (no {@code app} label), then for each app. */
    private static void reviews(StringBuilder text, InstallationMetrics metrics) {
        Map<String, ReviewMetrics> all = new LinkedHashMap<>();
        all.put(null, metrics.reviews());
        all.putAll(metrics.reviewsByApp());
        family(text, "pr_open_to_live_seconds", "gauge",
                "Time from a pull request being opened (or first seen) to its first ready deploy, by quantile.");
        all.forEach((app, r) -> {
            labelled(text, "pr_open_to_live_seconds", app, "quantile=\"0.5\"", quantile(r.medianOpenToLive()));
            labelled(text, "pr_open_to_live_seconds", app, "quantile=\"0.9\"", quantile(r.p90OpenToLive()));
        });
        family(text, "merged_changes", "gauge", "Merged pull requests among those kept for the review metrics.");
        all.forEach((app, r) -> labelled(text, "merged_changes", app, null, String.valueOf(r.merged())));
        family(text, "live_share", "gauge", "Share of merged pull requests whose environment was live before the merge.");
        all.forEach((app, r) -> labelled(text, "live_share", app, null, share(r.liveShare())));
        family(text, "reviewed_live_share", "gauge",
                "Share of merged pull requests whose environment someone other than the author opened before the merge.");
        all.forEach((app, r) -> labelled(text, "reviewed_live_share", app, null, share(r.reviewedLiveShare())));
    }

    private static void labelled(StringBuilder text, String name, String app, String label, String value) {
        text.append("branch_deploy_").append(name);
        String labels = (app == null ? "" : "app=\"" + escapeLabel(app) + "\"")
                + (app != null && label != null ? "," : "") + (label == null ? "" : label);
        if (!labels.isEmpty()) {
            text.append('{').append(labels).append('}');
        }
        text.append(' ').append(value).append('\n');
    }

    /** No merged pull request: no share, {@code NaN}. */
    private static String share(Double share) {
        return share == null ? "NaN" : String.valueOf(share);
    }

    private static void family(StringBuilder text, String name, String type, String help) {
        text.append("# HELP branch_deploy_").append(name).append(' ').append(escapeHelp(help)).append('\n');
        text.append("# TYPE branch_deploy_").append(name).append(' ').append(type).append('\n');
    }

    private static void sample(StringBuilder text, String name, String label, String labelValue, String value) {
        text.append("branch_deploy_").append(name);
        if (label != null) {
            text.append('{').append(label).append("=\"").append(escapeLabel(labelValue)).append("\"}");
        }
        text.append(' ').append(value).append('\n');
    }

    /** A summary with no observations reports its quantiles as {@code NaN}. */
    private static String quantile(Duration duration) {
        return duration == null ? "NaN" : seconds(duration);
    }

    private static String seconds(Duration duration) {
        return MetricsJson.seconds(duration).toPlainString();
    }

    static String escapeLabel(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }

    private static String escapeHelp(String help) {
        return help.replace("\\", "\\\\").replace("\n", "\\n");
    }
}
