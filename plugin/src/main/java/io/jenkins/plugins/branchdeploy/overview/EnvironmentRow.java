package io.jenkins.plugins.branchdeploy.overview;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.Util;
import hudson.model.Item;
import io.jenkins.plugins.branchdeploy.buildpage.StatusBadge;
import io.jenkins.plugins.branchdeploy.config.InstallationTeardowns;
import io.jenkins.plugins.branchdeploy.engine.cluster.Environment;
import io.jenkins.plugins.branchdeploy.engine.cluster.EnvironmentStatus;
import io.jenkins.plugins.branchdeploy.engine.lifecycle.HeldTeardown;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** One environment as the Branch deployments pages show it. */
public final class EnvironmentRow {

    private final String cluster;
    private final Environment environment;
    private final Instant now;
    private final boolean changeable;
    private List<HistoryEntry> history = List.of();

    /** @param changeable whether the current user may extend, wake, scale down and tear it down */
    EnvironmentRow(String cluster, Environment environment, Instant now, boolean changeable) {
        this.cluster = cluster;
        this.environment = environment;
        this.now = now;
        this.changeable = changeable;
    }

    /** This row with the environment's deploys, newest first, for the branch job's page. */
    EnvironmentRow withHistory(List<HistoryEntry> deploys) {
        this.history = List.copyOf(deploys);
        return this;
    }

    /** The deploys the environment's namespace records, newest first; empty on the overview pages. */
    public List<HistoryEntry> getHistory() {
        return history;
    }

    public String getCluster() {
        return cluster;
    }

    public String getNamespace() {
        return environment.namespace();
    }

    /** The project that owns the environment, as the user may see it, or {@code null}. */
    @CheckForNull
    public Item getProject() {
        return environment.owner() == null ? null : Projects.visible(environment.owner());
    }

    /** The owning project's full name, or {@code null} when the environment records none. */
    @CheckForNull
    public String getOwner() {
        return environment.owner();
    }

    public String getApp() {
        return environment.app();
    }

    /** The branch as its job builds it, e.g. {@code feature/cart} or {@code PR-42}. */
    public String getBranch() {
        return environment.branch();
    }

    public String getUrl() {
        return environment.url();
    }

    /** For a variant: the environment id it was copied from; {@code null} for a branch's or pull request's environment. */
    @CheckForNull
    public String getVariantOf() {
        return environment.isVariant() ? environment.variant().source() : null;
    }

    /** For a variant: who created it; {@code null} when unknown or not a variant. */
    @CheckForNull
    public String getCreatedBy() {
        return environment.isVariant() ? environment.variant().createdBy() : null;
    }

    /** "Try a variant" of this environment, relative to Jenkins' root URL; {@code null} when the user may not create variants. */
    @CheckForNull
    public String getTryVariantLink() {
        return TryVariantAction.mayCreate() ? TryVariantAction.linkFor(cluster, environment.namespace()) : null;
    }

    /**
     * The environment's review link (it records the open, then leads to the live URL), relative to
     * Jenkins' root URL: through the job that deployed it; {@code null} when no visible job did, or the
     * URL is no link.
     */
    @CheckForNull
    public String getReviewLink() {
        DeployedBy by = isLinkable() ? getDeployedBy() : null;
        return by == null ? null : ReviewLinkAction.url(by.getJob(), cluster, environment.namespace());
    }

    /** Only http(s) URLs become links. */
    public boolean isLinkable() {
        String url = environment.url();
        return url != null && (url.startsWith("https://") || url.startsWith("http://"));
    }

    public StatusBadge getStatus() {
        return StatusBadge.of(environment.status());
    }

    /** Why its teardown waits (held by the burst brake until cleanup retries it), or {@code null} when none does. */
    @CheckForNull
    public String getHeldTeardown() {
        return InstallationTeardowns.get().held(cluster, environment.namespace()).map(HeldTeardown::description).orElse(null);
    }

    /** A scaled-down environment offers wake; any other offers scale-down. */
    public boolean isScaledDown() {
        return environment.status() == EnvironmentStatus.SCALED_DOWN;
    }

    public boolean isChangeable() {
        return changeable;
    }

    /** The job and build whose deploy the environment holds, as far as the user may see them, or {@code null}. */
    @CheckForNull
    public DeployedBy getDeployedBy() {
        return DeployedBy.resolve(environment.deployedBy());
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
