package io.jenkins.plugins.branchdeploy.engine.deploy;

import io.jenkins.plugins.branchdeploy.engine.InvalidInputException;
import io.jenkins.plugins.branchdeploy.engine.ProgressListener;
import io.jenkins.plugins.branchdeploy.engine.cluster.BranchEnvironments;
import io.jenkins.plugins.branchdeploy.engine.cluster.ClusterApiException;
import io.jenkins.plugins.branchdeploy.engine.cluster.Environment;
import io.jenkins.plugins.branchdeploy.engine.history.MetricsStore;
import io.jenkins.plugins.branchdeploy.engine.history.ReviewOpen;
import io.jenkins.plugins.branchdeploy.engine.history.ReviewOpens;
import io.jenkins.plugins.branchdeploy.engine.history.ReviewOpensJson;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.util.Locale;
import java.util.Objects;

/**
 * The review link of an environment: opening it records who opened it and when, on the environment's
 * namespace (bounded, so that it outlives a Jenkins restart and the command line reads it too) and in
 * the installation's review metrics, and leads to the environment's own live URL, never anywhere else.
 * The Jenkins endpoint and {@code branch-deploy open} both go through here.
 */
public final class ReviewLink {

    private final BranchEnvironments environments;
    private final MetricsStore metrics;
    private final Clock clock;

    public ReviewLink(BranchEnvironments environments, MetricsStore metrics, Clock clock) {
        this.environments = Objects.requireNonNull(environments, "environments");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Records an open of {@code environment} and says where it leads.
     *
     * @param user who opens it (a Jenkins user id, {@code --user}), or {@code null} when anonymous
     * @return the environment's own live URL, as its namespace records it now
     * @throws InvalidInputException when the environment is gone or has no live http(s) URL; nothing is recorded then
     */
    public URI open(Environment environment, String user, ProgressListener progress) {
        target(environment); // refuses before anything is written
        ReviewOpen open = new ReviewOpen(user, clock.instant());
        Environment now = environments.opens().record(environment,
                stored -> ReviewOpensJson.write(readable(stored, progress).record(open)), progress);
        URI target = target(now);
        if (now.change() != null) {
            try {
                metrics.recordChanges(ledger -> ledger.withOpen(now.app(), now.change(), open));
            } catch (UncheckedIOException | InvalidInputException e) {
                progress.warn("The open was not counted in the metrics (" + metrics + "): " + e.getMessage());
            }
        }
        return target;
    }

    /** The opens recorded on an environment, newest first; none when it has none or they are unreadable. */
    public ReviewOpens opens(Environment environment, ProgressListener progress) {
        try {
            return readable(environments.opens().stored(environment, progress), progress);
        } catch (ClusterApiException e) {
            progress.warn("The opens of " + environment.namespace() + " were not read: " + e.getMessage());
            return ReviewOpens.NONE;
        }
    }

    /**
     * Where a review link of {@code environment} leads: its recorded live URL, when that is an
     * absolute {@code http} or {@code https} URL.
     *
     * @throws InvalidInputException otherwise
     */
    public static URI target(Environment environment) {
        String url = environment.url();
        if (url == null || url.isBlank()) {
            throw new InvalidInputException("environment", "namespace " + environment.namespace()
                    + " records no live URL yet; open it after a deploy has finished");
        }
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
                return uri;
            }
        } catch (URISyntaxException e) {
            // refused below
        }
        throw new InvalidInputException("environment", "namespace " + environment.namespace()
                + " records a live URL that is not an http(s) URL; redeploy it to record its URL again");
    }

    private static ReviewOpens readable(String stored, ProgressListener progress) {
        try {
            return ReviewOpensJson.read(stored);
        } catch (InvalidInputException e) {
            progress.warn(e.getMessage());
            return ReviewOpens.NONE;
        }
    }
}
