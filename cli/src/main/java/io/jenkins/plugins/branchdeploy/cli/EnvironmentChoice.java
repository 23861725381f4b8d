package io.jenkins.plugins.branchdeploy.cli;

import io.jenkins.plugins.branchdeploy.engine.branch.BranchRef;
import io.jenkins.plugins.branchdeploy.engine.branch.ChangeRequest;
import io.jenkins.plugins.branchdeploy.engine.naming.NamingPolicy;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

/**
 * Which existing environment a command acts on: {@code --app} and exactly one of {@code --branch} and
 * {@code --change}, found by namespace with {@code --namespace-template}.
 */
class EnvironmentChoice {

    @Option(names = "--app", required = true, paramLabel = "APP", description = "Application name, e.g. shop.")
    String app;

    @ArgGroup(multiplicity = "1")
    Which which;

    @Option(names = "--namespace-template", paramLabel = "PATTERN", description = "Namespace pattern with {app} and {branch} (default: "
            + NamingPolicy.DEFAULT_NAMESPACE_TEMPLATE + ").")
    String namespaceTemplate;

    /** A branch's environment, or a pull request's. */
    static class Which {
        @Option(names = "--branch", required = true, paramLabel = "BRANCH", description = "Branch name, e.g. feature/auth.")
        String branch;

        @Option(names = "--change", required = true, paramLabel = "N", description = "Pull request number: its environment pr-<N>.")
        String change;
    }

    BranchRef branchRef() {
        return which.change == null ? BranchRef.of(app, which.branch)
                : BranchRef.of(app, "PR-" + which.change).withChange(ChangeRequest.of(ChangeRequest.parseNumber(which.change)));
    }

    /** Finds environments by namespace; makes no host. */
    NamingPolicy naming() {
        return NamingPolicy.namespacesOnly(namespaceTemplate);
    }

    /** The flag that chose, for errors. */
    String field() {
        return which.change == null ? "branch" : "change";
    }

    /** E.g. {@code app shop for branch feature/auth} or {@code app shop for pull request #42}. */
    String describe() {
        return "app " + app + " for " + (which.change == null ? "branch " + which.branch : "pull request #" + which.change);
    }
}
