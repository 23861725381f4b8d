package io.jenkins.plugins.branchdeploy.engine.history;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The pull requests an installation has deployed, oldest first, at most {@link #LIMIT} (the oldest
 * dropped), for the review metrics. Kept with the {@link InstallationCounters}, because a pull
 * request's figures are complete only after its environment is gone. Immutable.
 */
public record ChangeLedger(List<ChangeRecord> changes) {

    public static final int LIMIT = 2000;
    public static final ChangeLedger NONE = new ChangeLedger(List.of());

    public ChangeLedger {
        changes = List.copyOf(changes.subList(Math.max(0, changes.size() - LIMIT), changes.size()));
    }

    /**
     * A deploy of a pull request, counted when it finished.
     *
     * @param openedAt when the pull request was opened, or {@code null} to take the first deploy's start
     * @param author who opened the pull request, or {@code null}
     */
    public ChangeLedger withDeploy(String app, int number, Instant openedAt, String author, Instant startedAt,
            Instant finishedAt, boolean ready) {
        ChangeLedger known = find(app, number) == null ? add(ChangeRecord.seen(app, number, startedAt)) : this;
        return known.change(app, number, c -> c.withDeploy(openedAt, author, finishedAt, ready));
    }

    /** An open of a pull request's environment; nothing for a pull request this ledger does not know. */
    public ChangeLedger withOpen(String app, int number, ReviewOpen open) {
        return change(app, number, c -> c.withOpen(open));
    }

    /** A pull request's environment torn down because it was merged or closed; the first end sticks. */
    public ChangeLedger withEnd(String app, int number, boolean merged, Instant at) {
        return change(app, number, c -> c.withEnd(merged, at));
    }

    /** The record of a pull request, or {@code null}. */
    public ChangeRecord find(String app, int number) {
        return changes.stream().filter(c -> c.app().equals(app) && c.number() == number).findFirst().orElse(null);
    }

    private ChangeLedger add(ChangeRecord record) {
        List<ChangeRecord> more = new ArrayList<>(changes);
        more.add(record);
        return new ChangeLedger(more);
    }

    private ChangeLedger change(String app, int number, UnaryOperator<ChangeRecord> change) {
        List<ChangeRecord> next = new ArrayList<>(changes.size());
        for (ChangeRecord record : changes) {
            next.add(record.app().equals(app) && record.number() == number ? change.apply(record) : record);
        }
        return new ChangeLedger(next);
    }
}
