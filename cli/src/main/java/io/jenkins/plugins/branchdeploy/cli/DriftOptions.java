package io.jenkins.plugins.branchdeploy.cli;

import io.jenkins.plugins.branchdeploy.engine.report.Drift;
import java.nio.file.Path;
import java.util.OptionalInt;
import picocli.CommandLine.Option;

/** How far the branch is behind its target, given or counted with git in the current directory, and when to warn. */
public class DriftOptions {

    @Option(names = "--behind", paramLabel = "N", description = "How many commits the branch is behind its target; warns above "
            + "--drift-threshold. Without it, counted with git when the current directory is a Git checkout "
            + "(git rev-list --count HEAD..origin/TARGET).")
    Integer behind;

    @Option(names = "--drift-threshold", paramLabel = "M", defaultValue = "" + Drift.DEFAULT_THRESHOLD,
            description = "How many commits behind are tolerated before the drift warning (default: ${DEFAULT-VALUE}).")
    int threshold;

    @Option(names = "--target", paramLabel = "BRANCH", defaultValue = "main",
            description = "The branch the drift is measured against (default: ${DEFAULT-VALUE}).")
    String target;

    /** Where git counts when {@code --behind} is not given: the current directory. */
    Path checkout = Path.of("");

    /** The drift, or {@code null} without {@code --behind} outside a Git checkout. */
    Drift drift() {
        if (behind != null) {
            return new Drift(target, behind, threshold);
        }
        OptionalInt counted = GitDrift.commitsBehind(checkout.toAbsolutePath(), target);
        return counted.isPresent() ? new Drift(target, counted.getAsInt(), threshold) : null;
    }
}
