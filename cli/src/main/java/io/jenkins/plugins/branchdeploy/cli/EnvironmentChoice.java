package io.jenkins.plugins.branchdeploy.cli;

import io.jenkins.plugins.branchdeploy.engine.branch.BranchRef;
import io.jenkins.plugins.branchdeploy.engine.branch.ChangeRequest;
import picocli.CommandLine.Option;

/** A branch's environment, or a pull request's: exactly one of {@code --branch} and {@code --change}. */
class EnvironmentChoice {

    @Option(names = "--branch", required = true, paramLabel = "BRANCH", description = "Branch name, e.g. feature/auth.")
    String branch;

    @Option(names = "--change", required = true, paramLabel = "N", description = "Pull request number: its environment pr-<N>.")
    String change;

    BranchRef branchRef(String app) {
        return change == null ? BranchRef.of(app, branch)
                : BranchRef.of(app, "PR-" + change).withChange(ChangeRequest.of(ChangeRequest.parseNumber(change)));
    }

    /** The flag that chose, for errors. */
    String field() {
        return change == null ? "branch" : "change";
    }

    /** E.g. {@code branch feature/auth} or {@code pull request #42}. */
    String describe() {
        return change == null ? "branch " + branch : "pull request #" + change;
    }
}
