package io.jenkins.plugins.branchdeploy.engine.history;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The recorded opens of one environment's review link, newest first, at most {@link #LIMIT}, so
 * that they fit in a namespace annotation. Immutable; store it with {@link ReviewOpensJson}.
 */
public final class ReviewOpens {

    public static final int LIMIT = 50;
    public static final ReviewOpens NONE = new ReviewOpens(List.of());

    private final List<ReviewOpen> entries;

    ReviewOpens(List<ReviewOpen> entries) {
        this.entries = List.copyOf(entries.subList(0, Math.min(LIMIT, entries.size())));
    }

    /** These opens with {@code open} as the newest, the oldest dropped beyond the limit. */
    public ReviewOpens record(ReviewOpen open) {
        List<ReviewOpen> newer = new ArrayList<>(entries.size() + 1);
        newer.add(Objects.requireNonNull(open, "open"));
        newer.addAll(entries);
        return new ReviewOpens(newer);
    }

    /** The kept opens, newest first. */
    public List<ReviewOpen> entries() {
        return entries;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ReviewOpens other && entries.equals(other.entries);
    }

    @Override
    public int hashCode() {
        return entries.hashCode();
    }

    @Override
    public String toString() {
        return "ReviewOpens" + entries;
    }
}
