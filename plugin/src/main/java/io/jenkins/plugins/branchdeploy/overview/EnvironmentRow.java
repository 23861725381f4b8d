package io.jenkins.plugins.branchdeploy.overview;

import hudson.Util;
import io.jenkins.plugins.branchdeploy.engine.cluster.Environment;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

/** One environment as the overview table shows it. */
public final class EnvironmentRow {

    private final String cluster;
    private final Environment environment;
    private final Instant now;

    EnvironmentRow(String cluster, Environment environment, Instant now) {
        this.cluster = cluster;
        this.environment = environment;
        this.now = now;
    }

    /** Where the tear-down button posts to, relative to the page. */
    public String getTeardownUrl() {
        return "teardown?cluster=" + URLEncoder.encode(cluster, StandardCharsets.UTF_8)
                + "&namespace=" + URLEncoder.encode(environment.namespace(), StandardCharsets.UTF_8);
    }

    public String getNamespace() {
        return environment.namespace();
    }

    public String getApp() {
        return environment.app();
    }

    public String getBranch() {
        return environment.branch();
    }

    /** {@code #42}, or empty for a plain branch. */
    public String getChange() {
        return environment.change() == null ? "" : "#" + environment.change();
    }

    public String getUrl() {
        return environment.url();
    }

    /** Only http(s) URLs become links. */
    public boolean isLinkable() {
        String url = environment.url();
        return url != null && (url.startsWith("https://") || url.startsWith("http://"));
    }

    public String getStatus() {
        return environment.status() == null ? "unknown" : environment.status().value();
    }

    /** Since the first deploy, e.g. {@code 3 days}. */
    public String getAge() {
        return environment.createdAt() == null ? "" : span(environment.createdAt(), now);
    }

    /** When the time-to-live runs out, counting an extension. */
    public String getExpiry() {
        Instant until = environment.expiresAt();
        if (environment.keepUntil() != null && (until == null || environment.keepUntil().isAfter(until))) {
            until = environment.keepUntil();
        }
        if (until == null) {
            return "";
        }
        return until.isAfter(now) ? "in " + span(now, until) : "expired " + span(until, now) + " ago";
    }

    private static String span(Instant from, Instant to) {
        return Util.getTimeSpanString(Duration.between(from, to).toMillis());
    }
}
