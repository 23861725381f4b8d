package io.jenkins.plugins.branchdeploy.engine.branch;

import io.jenkins.plugins.branchdeploy.engine.InvalidInputException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Which branches get an environment: glob patterns, {@code !} for exclusions. A branch is deployed
 * when it matches an include pattern (or there is none) and no exclude pattern, in any order.
 *
 * <p>{@code *} matches within one path segment, {@code **} across segments, {@code ?} one
 * character: {@code feature/*} matches {@code feature/auth} but not {@code feature/auth/v2};
 * {@code !dependabot/**} excludes every Dependabot branch.
 */
public final class BranchFilter {

    private final List<Pattern> includes = new ArrayList<>();
    private final List<Pattern> excludes = new ArrayList<>();

    public BranchFilter(List<String> patterns) {
        for (String raw : patterns) {
            String pattern = raw.trim();
            if (pattern.isEmpty()) {
                continue;
            }
            boolean exclude = pattern.startsWith("!");
            String glob = exclude ? pattern.substring(1) : pattern;
            if (glob.isEmpty()) {
                throw new InvalidInputException("branchFilter", "'" + raw + "' excludes nothing; write the glob after !, e.g. !dependabot/**");
            }
            (exclude ? excludes : includes).add(toRegex(glob));
        }
    }

    /** Parses a comma- or whitespace-separated list, e.g. {@code "feature/*, !dependabot/**"}. */
    public static BranchFilter parse(String patterns) {
        if (patterns == null || patterns.isBlank()) {
            return new BranchFilter(List.of());
        }
        return new BranchFilter(Arrays.asList(patterns.split("[,\\s]+")));
    }

    public boolean accepts(String branch) {
        boolean included = includes.isEmpty() || includes.stream().anyMatch(p -> p.matcher(branch).matches());
        return included && excludes.stream().noneMatch(p -> p.matcher(branch).matches());
    }

    private static Pattern toRegex(String glob) {
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (c == '*') {
                boolean doubleStar = i + 1 < glob.length() && glob.charAt(i + 1) == '*';
                if (doubleStar) {
                    i++;
                    // "**/" also matches zero segments: "a/**/b" matches "a/b"
                    if (i + 1 < glob.length() && glob.charAt(i + 1) == '/') {
                        i++;
                        regex.append("(?:.*/)?");
                    } else {
                        regex.append(".*");
                    }
                } else {
                    regex.append("[^/]*");
                }
            } else if (c == '?') {
                regex.append("[^/]");
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString());
    }
}
