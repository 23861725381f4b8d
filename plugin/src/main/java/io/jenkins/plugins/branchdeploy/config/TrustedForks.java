package io.jenkins.plugins.branchdeploy.config;

import io.jenkins.plugins.branchdeploy.engine.InvalidInputException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The forks whose pull requests get secrets: owners ({@code octocat}) or repositories
 * ({@code octocat/shop}), compared without regard to case.
 */
record TrustedForks(List<String> entries) {

    private static final Pattern ENTRY = Pattern.compile("[A-Za-z0-9._-]+(/[A-Za-z0-9._-]+)?");

    TrustedForks {
        entries = List.copyOf(entries);
    }

    /** Parses a comma- or whitespace-separated list. */
    static TrustedForks parse(String text) {
        List<String> entries = text == null || text.isBlank()
                ? List.of()
                : Arrays.stream(text.trim().split("[,\\s]+")).toList();
        for (String entry : entries) {
            if (!ENTRY.matcher(entry).matches()) {
                throw new InvalidInputException("trustedForks", "'" + entry
                        + "' is neither an owner nor owner/repository; write e.g. octocat or octocat/shop");
            }
        }
        return new TrustedForks(entries.stream().map(e -> e.toLowerCase(Locale.ROOT)).toList());
    }

    /** @param fork the fork's owner ({@code octocat}) or repository ({@code octocat/shop}) */
    boolean trusts(String fork) {
        if (fork == null || fork.isBlank()) {
            return false;
        }
        String wanted = fork.trim().toLowerCase(Locale.ROOT);
        String owner = wanted.contains("/") ? wanted.substring(0, wanted.indexOf('/')) : wanted;
        return entries.contains(wanted) || entries.contains(owner);
    }
}
