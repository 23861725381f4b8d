package io.jenkins.plugins.branchdeploy.engine.cluster;

import io.jenkins.plugins.branchdeploy.engine.branch.BranchRef;
import java.util.Objects;

/**
 * Which environment a change or read acts on: a branch's (the command line, a build), or one found
 * in the {@linkplain EnvironmentInventory#all() inventory} (cleanup, the management page). A branch's
 * environment that does not exist is bad input; a listed one that has gone meanwhile is left alone
 * where the change allows it.
 */
public sealed interface EnvironmentRef permits EnvironmentRef.OfBranch, EnvironmentRef.Listed {

    static EnvironmentRef of(BranchRef branch) {
        return new OfBranch(Objects.requireNonNull(branch, "branch"));
    }

    static EnvironmentRef of(Environment environment) {
        return new Listed(Objects.requireNonNull(environment, "environment"));
    }

    /** A branch's environment, named by the installation's naming policy. */
    record OfBranch(BranchRef branch) implements EnvironmentRef {
    }

    /** An environment as the inventory listed it. */
    record Listed(Environment environment) implements EnvironmentRef {
    }
}
