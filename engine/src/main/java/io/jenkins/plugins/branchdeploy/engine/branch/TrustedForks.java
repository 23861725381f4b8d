package io.jenkins.plugins.branchdeploy.engine.branch;

import io.jenkins.plugins.branchdeploy.engine.InvalidInputException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The forks whose pull requests get secrets and database branches: owners ({@code octocat}) or
 * repositories ({@code octocat/shop}), compared without regard to case. Pull requests from other
 * forks are deployed without them, so that a stranger's change cannot read them.
 */
public record TrustedForks(List<String> entries) {

    private static final Pattern ENTRY = Pattern.compile("[A-Za-z0-9._-]+(/[A-Za-z0-9._-]+)?");

    public TrustedForks {
        entries = entries.stream().map(e -> e.toLowerCase(Locale.ROOT)).toList();
    }

    /**
     * Parses a comma- or whitespace-separated list.
     *
     * @throws InvalidInputException naming {@code trustedForks} for an entry that is neither
     */
    public static TrustedForks parse(String text) {
        List<String> entries = text == null || text.isBlank()
                ? List.of()
                : Arrays.stream(text.trim().split("[,\\s]+")).toList();
        for (String entry : entries) {
            if (!ENTRY.matcher(entry).matches()) {
                throw new InvalidInputException("trustedForks", "'" + entry
                        + "' is neither an owner nor owner/repository; write e.g. octocat or octocat/shop");
            }
        }
        return new TrustedForks(entries);
    }

    /**
     * Whether a deploy of {@code branch} may get secrets and a database branch: yes, unless it is a
     * pull request from a fork that this list does not trust.
     *
     * @param fork the owner or repository the pull request comes from, or {@code null} when it comes
     *     from the repository itself
     */
    public boolean allowSecrets(BranchRef branch, String fork) {
        return branch.change() == null || allowSecrets(fork, false);
    }

    /**
     * Whether a change request may get secrets and a database branch, judged by where source control
     * says it comes from, not by what the build was told: yes when it comes from the repository
     * itself or from a fork this list trusts, and in either case only when the source control system
     * does not distrust it itself (Jenkins: the source replaces its revision by a trusted one).
     *
     * @param fork the fork the change comes from, or {@code null} when it comes from the repository itself
     * @param distrustedBySource whether the source control system marked the change untrusted
     */
    public boolean allowSecrets(String fork, boolean distrustedBySource) {
        return !distrustedBySource && (fork == null || trusts(fork));
    }

    /** @param fork the fork's owner ({@code octocat}) or repository ({@code octocat/shop}) */
    public boolean trusts(String fork) {
        if (fork == null || fork.isBlank()) {
            return false;
        }
        String wanted = fork.trim().toLowerCase(Locale.ROOT);
        String owner = wanted.contains("/") ? wanted.substring(0, wanted.indexOf('/')) : wanted;
        return entries.contains(wanted) || entries.contains(owner);
    }
}
