package io.jenkins.plugins.branchdeploy.engine.branch;

import io.jenkins.plugins.branchdeploy.engine.InvalidInputException;
import java.time.Instant;
import java.util.Objects;

/**
 * A pull (merge) request: its number, the branch it targets, whether it comes from a fork, when
 * it was opened and by whom (if known, for the review metrics).
 *
 * @param number the change number as the SCM shows it, e.g. {@code 42}
 * @param target the target branch, e.g. {@code main}; may be {@code null} when unknown
 * @param fork whether the change comes from a fork (untrusted secrets)
 * @param openedAt when the change was opened, or {@code null}
 * @param author who opened it (the SCM's login), or {@code null}
 */
public record ChangeRequest(int number, String target, boolean fork, Instant openedAt, String author) {

    public ChangeRequest {
        if (number <= 0) {
            throw new InvalidInputException("change", "must be a positive pull request number, got " + number);
        }
        author = author == null || author.isBlank() ? null : author.trim();
    }

    /** A change whose author is not known. */
    public ChangeRequest(int number, String target, boolean fork, Instant openedAt) {
        this(number, target, fork, openedAt, null);
    }

    public static ChangeRequest of(int number) {
        return new ChangeRequest(number, null, false, null);
    }

    public ChangeRequest withOpening(Instant newOpenedAt, String newAuthor) {
        return new ChangeRequest(number, target, fork, newOpenedAt, newAuthor);
    }

    /** Parses the {@code CHANGE_ID} form of a change number, naming the field on bad input. */
    public static int parseNumber(String text) {
        Objects.requireNonNull(text, "text");
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw new InvalidInputException("change", "'" + text + "' is not a pull request number; use digits only, e.g. 42");
        }
    }
}
