package io.jenkins.plugins.branchdeploy.engine.report;

import io.jenkins.plugins.branchdeploy.engine.InvalidInputException;
import io.jenkins.plugins.branchdeploy.engine.branch.BranchRef;
import io.jenkins.plugins.branchdeploy.engine.branch.ChangeRequest;

/**
 * How far a branch has fallen behind the branch it targets. The caller counts the commits (from git);
 * above the threshold the report warns that the comparison with main may mislead the review.
 *
 * @param target the target branch, e.g. {@code main}
 * @param commitsBehind commits on the target that the branch does not have
 * @param threshold how many commits behind are tolerated before the warning
 */
public record Drift(String target, int commitsBehind, int threshold) {

    /** The threshold when the caller names none. */
    public static final int DEFAULT_THRESHOLD = 50;

    /** The target counted against when the caller names none and the branch is not a pull request. */
    public static final String DEFAULT_TARGET = "main";

    /**
     * The drift a user reported for a branch.
     *
     * @param commitsBehind counted by the caller from git, or {@code null} when not known
     * @param threshold commits behind tolerated before the warning, or {@code null} for {@link #DEFAULT_THRESHOLD}
     * @param target the branch counted against, or {@code null} or blank for the pull request's target,
     *     else {@value #DEFAULT_TARGET}
     * @return the drift, or {@code null} when {@code commitsBehind} is not known
     */
    public static Drift of(BranchRef branch, Integer commitsBehind, Integer threshold, String target) {
        if (commitsBehind == null) {
            return null;
        }
        String counted = target(branch, target);
        return new Drift(counted, commitsBehind, threshold == null ? DEFAULT_THRESHOLD : threshold);
    }

    /**
     * The branch a drift of {@code branch} is counted against, and its change report compared with.
     *
     * @param given the target the user named, or {@code null} or blank for the pull request's target,
     *     else {@value #DEFAULT_TARGET}
     */
    public static String target(BranchRef branch, String given) {
        return given != null && !given.isBlank() ? given.trim()
                : branch.changeRequest().map(ChangeRequest::target).filter(t -> t != null && !t.isBlank()).orElse(DEFAULT_TARGET);
    }

    public Drift {
        if (target == null || target.isBlank()) {
            throw new InvalidInputException("target", "is empty; give the branch the change targets, e.g. main");
        }
        if (commitsBehind < 0) {
            throw new InvalidInputException("commits-behind", "must be 0 or more, got " + commitsBehind);
        }
        if (threshold < 0) {
            throw new InvalidInputException("drift-threshold", "must be 0 or more commits, got " + threshold);
        }
    }

    /** Whether the branch is further behind than the threshold allows. */
    public boolean exceeded() {
        return commitsBehind > threshold;
    }

    /** One sentence for the report; above the threshold it says what to do. */
    public String message() {
        String behind = "This branch is " + commitsBehind + (commitsBehind == 1 ? " commit" : " commits")
                + " behind " + target;
        if (!exceeded()) {
            return behind + ".";
        }
        return behind + " (more than " + threshold + "): merge or rebase " + target
                + " so that this comparison shows current code.";
    }
}
