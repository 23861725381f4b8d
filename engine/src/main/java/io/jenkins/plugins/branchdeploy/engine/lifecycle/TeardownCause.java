package io.jenkins.plugins.branchdeploy.engine.lifecycle;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * Why an environment was torn down, in a few fixed categories: the installation's metrics count
 * teardowns by these (a label value must come from a small set, never from prose), while the words
 * of each teardown go to its report or log.
 */
public enum TeardownCause {
    /** Cleanup: the pull request was merged. */
    CHANGE_MERGED,
    /**
     * Cleanup or a source-control event: the pull request was closed without a merge, or it is gone
     * from source control and nobody said it was merged.
     */
    CHANGE_CLOSED,
    /** Cleanup or a source-control event: the branch was deleted. */
    BRANCH_DELETED,
    /** Cleanup: the time-to-live (and any extension) ran out. */
    TTL_EXPIRED,
    /** Cleanup: a teardown started earlier did not finish. */
    UNFINISHED,
    /** Someone asked for it: {@code branch-deploy teardown} or the Branch deployments page. */
    MANUAL,
    /** A build asked for it: the {@code branchTeardown} step or its freestyle counterpart. */
    PIPELINE,
    /** Jenkins deleted the multibranch project's job of the branch or pull request. */
    BRANCH_JOB_DELETED;

    /** The metrics label value, e.g. {@code change-merged}. */
    @JsonValue
    public String value() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
