package io.jenkins.plugins.branchdeploy.cli;

import io.jenkins.plugins.branchdeploy.engine.branch.BranchRef;
import io.jenkins.plugins.branchdeploy.engine.report.Drift;
import java.nio.file.Path;
import java.util.OptionalInt;
import picocli.CommandLine.Option;

/** How far the branch is behind its target, given or counted with git in the current directory, and when to warn. */
public class DriftOptions {

    @Option(names = "--commits-behind", paramLabel = "N", description = "How many commits the branch is behind its target; warns "
            + "above --drift-threshold. Without it, counted with git when the current directory is a Git checkout "
            + "(git rev-list --count HEAD..origin/TARGET).")
    Integer commitsBehind;

    @Option(names = "--drift-threshold", paramLabel = "M",
            description = "How many commits behind are tolerated before the drift warning (default: " + Drift.DEFAULT_THRESHOLD + ").")
    Integer threshold;

    @Option(names = "--drift-target", paramLabel = "BRANCH",
            description = "The branch the drift is measured against (default: the pull request's target, else "
                    + Drift.DEFAULT_TARGET + ").")
    String target;

    /** Where git counts when {@code --commits-behind} is not given: the current directory. */
    Path checkout = Path.of("");

    /**
     * The commits behind as given, else counted with git in the checkout against the drift's target;
     * {@code null} when neither is known.
     */
    Integer commitsBehind(BranchRef branch) {
        if (commitsBehind != null) {
            return commitsBehind;
        }
        OptionalInt counted = GitDrift.commitsBehind(checkout.toAbsolutePath(), Drift.target(branch, target));
        return counted.isPresent() ? counted.getAsInt() : null;
    }

    /** The drift of {@code branch}, or {@code null} when the commits behind are neither given nor counted. */
    Drift drift(BranchRef branch) {
        return Drift.of(branch, commitsBehind(branch), threshold, target);
    }
}
