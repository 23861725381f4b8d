package io.jenkins.plugins.branchdeploy.cli;

import io.jenkins.plugins.branchdeploy.engine.branch.BranchRef;
import io.jenkins.plugins.branchdeploy.engine.branch.ChangeRequest;
import io.jenkins.plugins.branchdeploy.engine.naming.NamingPolicy;
import picocli.CommandLine.Option;

/** Which environment a command is about: app, branch, pull request, and the namespace pattern. */
public class BranchOptions {

    @Option(names = "--app", required = true, paramLabel = "APP", description = "Application name, e.g. shop.")
    String app;

    // not required by picocli: extend, wake, scale-down and teardown take --environment instead; BranchRef names a missing one
    @Option(names = "--branch", paramLabel = "BRANCH", description = "Branch name, e.g. feature/auth.")
    String branch;

    @Option(names = "--change", paramLabel = "N", description = "Pull request number; the environment is then pr-<N>.")
    String change;

    @Option(names = "--namespace-template", paramLabel = "PATTERN", description = "Namespace pattern with {app} and {branch} (default: "
            + NamingPolicy.DEFAULT_NAMESPACE_TEMPLATE + ").")
    String namespaceTemplate;

    BranchRef branchRef(String commit) {
        BranchRef ref = BranchRef.of(app, branch).withCommit(commit);
        return change == null ? ref : ref.withChange(ChangeRequest.of(ChangeRequest.parseNumber(change)));
    }

    NamingPolicy naming(String domain, String hostTemplate) {
        return new NamingPolicy(domain, namespaceTemplate, hostTemplate);
    }

    /** For commands that find environments by namespace and make no host: no domain needed. */
    NamingPolicy namespacesOnly() {
        return NamingPolicy.namespacesOnly(namespaceTemplate);
    }
}
