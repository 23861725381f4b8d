package io.jenkins.plugins.branchdeploy.cli;

import io.jenkins.plugins.branchdeploy.engine.branch.BranchRef;
import io.jenkins.plugins.branchdeploy.engine.report.Drift;
import picocli.CommandLine.Option;

/** How far the branch is behind its target, counted by the caller from git, and when to warn. */
public class DriftOptions {

    @Option(names = "--commits-behind", paramLabel = "N", description = "How many commits the branch is behind its target, "
            + "e.g. $$(git rev-list --count HEAD..origin/main); warns above --drift-threshold.")
    Integer commitsBehind;

    @Option(names = "--drift-threshold", paramLabel = "M",
            description = "How many commits behind are tolerated before the drift warning (default: " + Drift.DEFAULT_THRESHOLD + ").")
    Integer threshold;

    @Option(names = "--drift-target", paramLabel = "BRANCH",
            description = "The branch the drift is measured against (default: the pull request's target, else "
                    + Drift.DEFAULT_TARGET + ").")
    String target;

    /** The drift of {@code branch}, or {@code null} without {@code --commits-behind}. */
    Drift drift(BranchRef branch) {
        return Drift.of(branch, commitsBehind, threshold, target);
    }
}
