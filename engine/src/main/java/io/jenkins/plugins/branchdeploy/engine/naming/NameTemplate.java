package io.jenkins.plugins.branchdeploy.engine.naming;

import io.jenkins.plugins.branchdeploy.engine.InvalidInputException;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A name pattern such as {@code {app}-{branch}}. Expansion shortens only the branch part until the
 * result passes the given rule, never the fixed text.
 */
final class NameTemplate {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^}]*)}");

    private final String field;
    private final String pattern;

    NameTemplate(String field, String pattern, Set<String> allowed) {
        if (pattern == null || pattern.isBlank()) {
            throw new InvalidInputException(field, "is empty; use a pattern with {branch}, e.g. {app}-{branch}");
        }
        Matcher m = PLACEHOLDER.matcher(pattern);
        boolean hasBranch = false;
        while (m.find()) {
            String name = m.group(1);
            if (!allowed.contains(name)) {
                throw new InvalidInputException(field, "'" + pattern + "' has the unknown placeholder {" + name
                        + "}; use only " + placeholders(allowed));
            }
            hasBranch |= name.equals("branch");
        }
        if (!hasBranch) {
            throw new InvalidInputException(field, "'" + pattern
                    + "' has no {branch}, so every branch would share one name; add {branch}");
        }
        this.field = field;
        this.pattern = pattern;
    }

    /**
     * Expands the pattern with the longest branch form that makes the result pass {@code rule}.
     * Tries the full form, then the hashed form (for names that clash with a rule, like a reserved
     * shape), then ever shorter forms.
     */
    String expand(BranchSlug branch, Map<String, String> values, Predicate<String> rule, String ruleText) {
        String full = substitute(branch.full(), values);
        if (rule.test(full)) {
            return full;
        }
        String hashed = substitute(branch.hashed(), values);
        if (rule.test(hashed)) {
            return hashed;
        }
        int longest = longestFitting(branch, values, rule);
        if (longest >= 0) {
            return substitute(branch.fitting(longest), values);
        }
        throw new InvalidInputException(field, "'" + pattern + "' gives '" + full + "', which is not " + ruleText
                + ", and shortening the branch part does not help; shorten the fixed text or the app name");
    }

    /**
     * The longest branch part, between the hash alone and one short of the full form, that makes
     * the result pass, or -1. The rules only ever reject a branch part for being too long (or for a
     * prefix that shortening eventually cuts), so a binary search finds the same length a scan from
     * the top would, in a handful of tries instead of hundreds for a 300-character branch.
     */
    private int longestFitting(BranchSlug branch, Map<String, String> values, Predicate<String> rule) {
        int low = StableHash.LENGTH;
        int high = branch.fullLength() - 1;
        int longest = -1;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            if (rule.test(substitute(branch.fitting(middle), values))) {
                longest = middle;
                low = middle + 1;
            } else {
                high = middle - 1;
            }
        }
        return longest;
    }

    private String substitute(String branchPart, Map<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(pattern);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            String value = name.equals("branch") ? branchPart : values.get(name);
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String placeholders(Set<String> allowed) {
        return allowed.stream().sorted().map(p -> "{" + p + "}").reduce((a, b) -> a + ", " + b).orElse("");
    }

    @Override
    public String toString() {
        return pattern;
    }
}
