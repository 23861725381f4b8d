package io.jenkins.plugins.branchdeploy.engine.history;

import io.jenkins.plugins.branchdeploy.engine.InvalidInputException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The deploys of one environment, newest first, at most {@link #limit()} of them, so that the history
 * fits in a namespace annotation. It also remembers, beyond the limit, when the environment was first
 * deployed and first ready with a URL: the two ends of its time to a live URL. Immutable; store it with
 * {@link DeployHistoryJson}.
 */
public final class DeployHistory {

    public static final int DEFAULT_LIMIT = 20;

    private final int limit;
    private final List<DeployRecord> entries;
    private final Instant firstDeployAt;
    private final Instant firstReadyAt;

    DeployHistory(int limit, List<DeployRecord> entries, Instant firstDeployAt, Instant firstReadyAt) {
        if (limit < 1) {
            throw new InvalidInputException("history-limit", "must keep at least 1 deploy, got " + limit);
        }
        this.limit = limit;
        this.entries = List.copyOf(entries.subList(0, Math.min(limit, entries.size())));
        this.firstDeployAt = firstDeployAt;
        this.firstReadyAt = firstReadyAt;
    }

    /** A history with no deploys that keeps the newest {@link #DEFAULT_LIMIT}. */
    public static DeployHistory empty() {
        return empty(DEFAULT_LIMIT);
    }

    public static DeployHistory empty(int limit) {
        return new DeployHistory(limit, List.of(), null, null);
    }

    /** This history with {@code deploy} as its newest entry, the oldest dropped beyond the limit. */
    public DeployHistory record(DeployRecord deploy) {
        Objects.requireNonNull(deploy, "deploy");
        List<DeployRecord> newer = new ArrayList<>(entries.size() + 1);
        newer.add(deploy);
        newer.addAll(entries);
        Instant first = firstDeployAt == null || deploy.at().isBefore(firstDeployAt) ? deploy.at() : firstDeployAt;
        // live means reachable: a ready deploy that nothing routes to has no URL yet
        Instant ready = firstReadyAt == null && deploy.ok() && deploy.url() != null ? deploy.at() : firstReadyAt;
        return new DeployHistory(limit, newer, first, ready);
    }

    /** The same history keeping at most {@code newLimit} deploys. */
    public DeployHistory withLimit(int newLimit) {
        return new DeployHistory(newLimit, entries, firstDeployAt, firstReadyAt);
    }

    public int limit() {
        return limit;
    }

    /** The kept deploys, newest first. */
    public List<DeployRecord> entries() {
        return entries;
    }

    public Optional<DeployRecord> latest() {
        return entries.stream().findFirst();
    }

    public Optional<Instant> firstDeployAt() {
        return Optional.ofNullable(firstDeployAt);
    }

    public Optional<Instant> firstReadyAt() {
        return Optional.ofNullable(firstReadyAt);
    }

    /** Whether a deploy of this environment has ever been ready with a URL. */
    public boolean isLive() {
        return firstReadyAt != null;
    }

    /**
     * How long it took from the pull request being opened (or, without one, the branch's first
     * deploy) to the first ready deploy with a URL; empty while there has been none. A pull request
     * opened after the branch was already live counts as zero.
     *
     * @param changeOpenedAt when the pull request was opened, or {@code null} for a plain branch
     */
    public Optional<Duration> timeToLiveUrl(Instant changeOpenedAt) {
        Instant start = changeOpenedAt != null ? changeOpenedAt : firstDeployAt;
        if (firstReadyAt == null || start == null) {
            return Optional.empty();
        }
        Duration took = Duration.between(start, firstReadyAt);
        return Optional.of(took.isNegative() ? Duration.ZERO : took);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DeployHistory other && limit == other.limit && entries.equals(other.entries)
                && Objects.equals(firstDeployAt, other.firstDeployAt) && Objects.equals(firstReadyAt, other.firstReadyAt);
    }

    @Override
    public int hashCode() {
        return Objects.hash(limit, entries, firstDeployAt, firstReadyAt);
    }

    @Override
    public String toString() {
        return "DeployHistory[" + entries.size() + " of at most " + limit + " deploys, first deployed " + firstDeployAt
                + ", first ready " + firstReadyAt + "]";
    }
}
