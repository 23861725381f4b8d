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
 *
 * <p>Variants ({@link #ofVariant}) start with {@value NamingPolicy#VARIANT_MARK}; a branch's slug never
 * does, in any form, so that no branch can take a variant's environment: a branch whose readable name
 * starts with it is read as {@code branch-try-...} and carries the hash.
 */
final class BranchSlug {

    private static final Pattern CHANGE_ID = Pattern.compile("pr-[0-9]+");
    private static final String FALLBACK = "branch";
    /** Longer variant names are refused, so that every name of a variant keeps its mark whole. */
    static final int MAX_VARIANT_NAME = 30;

    private final String readable;
    private final String hash;
    private final boolean exact;
    private final boolean variant;

    private BranchSlug(String readable, String hash, boolean exact, boolean variant) {
        this.readable = readable;
        this.hash = hash;
        this.exact = exact;
        this.variant = variant;
    }

    static BranchSlug of(BranchRef ref) {
        if (ref.change() != null) {
            int number = ref.change().number();
            return new BranchSlug("pr-" + number, StableHash.of("change:" + number), true, false);
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
        boolean marked = isMarked(readable);
        boolean exact = readable.equals(branch)
                && readable.length() <= DnsNames.MAX_LABEL
                && !CHANGE_ID.matcher(readable).matches()
                && !marked;
        String part = readable.isEmpty() ? FALLBACK : marked ? FALLBACK + "-" + readable : readable;
        return new BranchSlug(part, StableHash.of(branch), exact, false);
    }

    /**
     * A variant's slug: {@value NamingPolicy#VARIANT_MARK} and the readable name, exact when the name
     * already is that readable form, else with a hash of the name.
     *
     * @throws InvalidInputException naming {@code name} when it has no letter or digit or is too long
     */
    static BranchSlug ofVariant(String name) {
        String readable = Slugs.readable(name == null ? "" : name);
        if (readable.isEmpty() || !Slugs.isWellFormed(name)) {
            throw new InvalidInputException("name", "'" + name + "' has no letter or digit to name a variant after; "
                    + "use a short name such as pricing-v2");
        }
        if (readable.length() > MAX_VARIANT_NAME) {
            throw new InvalidInputException("name", "'" + name + "' is " + readable.length() + " characters as a DNS name; use at most "
                    + MAX_VARIANT_NAME + ", e.g. pricing-v2");
        }
        return new BranchSlug(NamingPolicy.VARIANT_MARK + readable, StableHash.of("variant:" + name), readable.equals(name), true);
    }

    /** Whether a readable branch name starts like a variant's slug. */
    private static boolean isMarked(String readable) {
        return readable.startsWith(NamingPolicy.VARIANT_MARK) || (readable + "-").equals(NamingPolicy.VARIANT_MARK);
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
        if (!variant && isMarked(head + "-")) {
            head = Slugs.truncate(head, head.length() - 1); // "tryst" cut to "try" would read as a variant
        }
        return head.isEmpty() ? hash : head + "-" + hash;
    }

    int fullLength() {
        return full().length();
    }
}
