package io.jenkins.plugins.branchdeploy.cli;

import io.jenkins.plugins.branchdeploy.engine.report.Drift;
import picocli.CommandLine.Option;

/** How far the branch is behind its target, counted by the caller from git, and when to warn. */
public class DriftOptions {

    @Option(names = "--commits-behind", paramLabel = "N", description = "How many commits the branch is behind its target, "
            + "e.g. $$(git rev-list --count HEAD..origin/main); warns above --drift-threshold.")
    Integer commitsBehind;

    @Option(names = "--drift-threshold", paramLabel = "M", defaultValue = "" + Drift.DEFAULT_THRESHOLD,
            description = "How many commits behind are tolerated before the drift warning (default: ${DEFAULT-VALUE}).")
    int threshold;

    @Option(names = "--drift-target", paramLabel = "BRANCH", defaultValue = "main",
            description = "The branch the drift is measured against (default: ${DEFAULT-VALUE}).")
    String target;

    /** The drift, or {@code null} without {@code --commits-behind}. */
    Drift drift() {
        return commitsBehind == null ? null : new Drift(target, commitsBehind, threshold);
    }
}
