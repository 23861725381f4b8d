package io.jenkins.plugins.branchdeploy.engine.history;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What an installation knows about one pull request of one app, for the review metrics: when it was
 * opened, by whom, when it was first live, who opened its environment, and how it ended. Immutable.
 *
 * @param app the app, as its environments' label has it
 * @param number the pull request number
 * @param openedAt when the pull request was opened, as the pipeline said, or {@code null}
 * @param firstSeenAt when its first deploy started: the opening time when none is given
 * @param author who opened the pull request, or {@code null} when not given
 * @param firstLiveAt when its first ready deploy finished, or {@code null}
 * @param openers who opened its environment (signed-in users only), each once with the first time,
 *     at most {@link #OPENERS_LIMIT}
 * @param endedAt when its environment was torn down because it was merged or closed, or {@code null} while open
 * @param merged whether it ended merged
 */
public record ChangeRecord(String app, int number, Instant openedAt, Instant firstSeenAt, String author,
        Instant firstLiveAt, List<ReviewOpen> openers, Instant endedAt, boolean merged) {

    public static final int OPENERS_LIMIT = 20;

    public ChangeRecord {
        Objects.requireNonNull(app, "app");
        Objects.requireNonNull(firstSeenAt, "firstSeenAt");
        openers = List.copyOf(openers);
    }

    static ChangeRecord seen(String app, int number, Instant at) {
        return new ChangeRecord(app, number, null, at, null, null, List.of(), null, false);
    }

    /** A deploy of this pull request: the first given opening time and author stick, a later one fills a gap. */
    ChangeRecord withDeploy(Instant givenOpenedAt, String givenAuthor, Instant finishedAt, boolean ready) {
        return new ChangeRecord(app, number, openedAt != null ? openedAt : givenOpenedAt, firstSeenAt,
                author != null ? author : blankToNull(givenAuthor),
                firstLiveAt == null && ready ? finishedAt : firstLiveAt, openers, endedAt, merged);
    }

    /** An open of its environment: anonymous opens and a user's later opens add nothing. */
    ChangeRecord withOpen(ReviewOpen open) {
        if (open.user() == null || openers.size() >= OPENERS_LIMIT
                || openers.stream().anyMatch(o -> o.user().equals(open.user()))) {
            return this;
        }
        List<ReviewOpen> more = new ArrayList<>(openers);
        more.add(open);
        return new ChangeRecord(app, number, openedAt, firstSeenAt, author, firstLiveAt, more, endedAt, merged);
    }

    ChangeRecord withEnd(boolean wasMerged, Instant at) {
        return endedAt != null ? this : new ChangeRecord(app, number, openedAt, firstSeenAt, author, firstLiveAt, openers, at, wasMerged);
    }

    /** From the pull request being opened (or first seen) to its first ready deploy; zero when it was live before. */
    public Optional<Duration> openToLive() {
        if (firstLiveAt == null) {
            return Optional.empty();
        }
        Duration took = Duration.between(openedAt != null ? openedAt : firstSeenAt, firstLiveAt);
        return Optional.of(took.isNegative() ? Duration.ZERO : took);
    }

    /** Whether its environment was live before it was merged (or before now, while open). */
    public boolean liveBeforeEnd() {
        return firstLiveAt != null && (endedAt == null || !firstLiveAt.isAfter(endedAt));
    }

    /**
     * Whether someone other than its author opened its environment before it ended; when the author
     * is not known, every signed-in user counts as someone else.
     */
    public boolean reviewedLive() {
        return openers.stream().anyMatch(o -> !o.user().equals(author) && (endedAt == null || !o.at().isAfter(endedAt)));
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}
