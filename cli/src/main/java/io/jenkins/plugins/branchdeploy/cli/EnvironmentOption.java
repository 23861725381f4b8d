package io.jenkins.plugins.branchdeploy.cli;

import io.jenkins.plugins.branchdeploy.engine.InvalidInputException;
import io.jenkins.plugins.branchdeploy.engine.branch.BranchRef;
import io.jenkins.plugins.branchdeploy.engine.cluster.BranchEnvironments;
import io.jenkins.plugins.branchdeploy.engine.cluster.Environment;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * {@code --environment ID}: names an environment by its id instead of its branch, for the lifecycle
 * commands; how a variant ({@code try-pricing-v2}), which no branch names, is addressed.
 */
public class EnvironmentOption {

    @Option(names = "--environment", paramLabel = "ID",
            description = "The environment's id as list shows it (e.g. try-pricing-v2 or pr-42), instead of --branch and --change.")
    String environment;

    /** Whether the environment is named by its id. */
    boolean given() {
        return environment != null;
    }

    /**
     * The environment named by {@code --environment}, or else the branch's.
     *
     * @throws InvalidInputException when both or neither are given, or the environment does not exist
     */
    Environment find(BranchEnvironments environments, BranchOptions target, String installation) {
        if (environment != null && target.branch != null) {
            throw new InvalidInputException("environment", "give either --environment or --branch, not both");
        }
        if (environment == null) {
            BranchRef branch = target.branchRef(null);
            return found(environments.inventory().find(branch), "branch", "of app " + branch.app() + " for "
                    + branch.changeRequest().map(c -> "pull request #" + c.number()).orElse("branch " + branch.branch()), installation);
        }
        return found(environments.inventory().find(target.app, environment), "environment", environment + " of app " + target.app,
                installation);
    }

    private static Environment found(Optional<Environment> environment, String field, String what, String installation) {
        return environment.orElseThrow(() -> new InvalidInputException(field, "there is no environment " + what + " in installation "
                + installation + "; check --app, --branch, --change, --environment and --installation-id ('branch-deploy list' shows them)"));
    }
}
