package io.jenkins.plugins.branchdeploy.cli;

import io.jenkins.plugins.branchdeploy.engine.branch.TrustedForks;
import picocli.CommandLine.Option;

/** Which branches deploy at all, and which pull requests get secrets: the branch filter and the trusted forks. */
class TrustOptions {

    @Option(names = "--branch-filter", paramLabel = "GLOBS", description = "Deploy only branches that match these globs "
            + "(comma-separated; ! excludes, e.g. 'main, feature/*, !dependabot/**'); another branch exits 0 with one line saying why.")
    String branchFilter;

    @Option(names = "--fork-of", paramLabel = "OWNER/REPO", description = "The fork the pull request (--change) comes from; "
            + "unless --trusted-forks trusts it, the environment gets no secrets and no database branch.")
    String fork;

    @Option(names = "--trusted-forks", paramLabel = "PATTERNS", description = "Forks (owners or owner/repository, comma-separated) "
            + "whose pull requests get secrets and database branches.")
    String trustedForks;

    TrustedForks trustedForks() {
        return TrustedForks.parse(trustedForks);
    }
}
