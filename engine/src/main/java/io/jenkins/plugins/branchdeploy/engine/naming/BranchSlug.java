package io.jenkins.plugins.branchdeploy.engine.naming;

import io.jenkins.plugins.branchdeploy.engine.InvalidInputException;
import io.jenkins.plugins.branchdeploy.engine.branch.BranchRef;
import java.util.regex.Pattern;

/**
 * The branch part of every name: a readable slug, plus a stable hash of the original name whenever
 * the slug alone would not tell distinct branches apart.
 *
 * <p>A branch keeps its exact name only when that name already is a lower-case DNS label and does
 * not look like a pull request's id ({@code pr-42}). Anything else ({@code feature/auth},
 * {@code Feature-Auth}) could be mistaken for another branch after sanitising, so it carries the
 * hash: {@code feature-auth-k3x9q2}. Pull requests are {@code pr-<number>}.
 */
final class BranchSlug {

    private static final Pattern CHANGE_ID = Pattern.compile("pr-[0-9]+");
    private static final String FALLBACK = "branch";

    private final String readable;
    private final String hash;
    private final boolean exact;

    private BranchSlug(String readable, String hash, boolean exact) {
        this.readable = readable;
        this.hash = hash;
        this.exact = exact;
    }

    static BranchSlug of(BranchRef ref) {
        if (ref.change() != null) {
            int number = ref.change().number();
            return new BranchSlug("pr-" + number, StableHash.of("change:" + number), true);
        }
        String branch = ref.branch();
        if (branch.isBlank()) {
            throw new InvalidInputException("branch", "is blank; give the branch name, e.g. feature/auth");
        }
        if (!Slugs.hasLetterOrDigit(branch)) {
            throw new InvalidInputException("branch", "'" + branch
                    + "' has no letter or digit to name an environment after; use a branch name with at least one");
        }
        if (!Slugs.isWellFormed(branch)) {
            // Its hash would be that of the name with '?' in place of the broken character: two such
            // names would share an environment. Git never gives one; a mangled parameter does.
            throw new InvalidInputException("branch", "'" + branch + "' has a broken character (half of a UTF-16 surrogate pair); "
                    + "pass the branch name exactly as Git has it");
        }
        String readable = Slugs.readable(branch);
        boolean exact = readable.equals(branch)
                && readable.length() <= DnsNames.MAX_LABEL
                && !CHANGE_ID.matcher(readable).matches();
        return new BranchSlug(readable.isEmpty() ? FALLBACK : readable, StableHash.of(branch), exact);
    }

    /** The full form: the exact name, or readable part and hash. */
    String full() {
        return exact ? readable : readable + "-" + hash;
    }

    /** Always carries the hash: the form used when the exact name would clash with a rule. */
    String hashed() {
        return readable + "-" + hash;
    }

    /**
     * The form that fits in {@code max} characters, shortening only the readable part, or
     * {@code null} when not even the hash fits.
     */
    String fitting(int max) {
        if (full().length() <= max) {
            return full();
        }
        if (max < StableHash.LENGTH) {
            return null;
        }
        String head = Slugs.truncate(readable, max - StableHash.LENGTH - 1);
        return head.isEmpty() ? hash : head + "-" + hash;
    }

    int fullLength() {
        return full().length();
    }
}
