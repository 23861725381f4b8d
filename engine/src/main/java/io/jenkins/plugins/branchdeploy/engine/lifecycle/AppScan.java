package io.jenkins.plugins.branchdeploy.engine.lifecycle;

import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** What source control says about one app: either a successful scan or an unknown state and why. */
public sealed interface AppScan {

    /**
     * A successful scan. It is the complete truth for the app: a branch or pull request it does not
     * list is gone.
     *
     * @param branches the full names of the live branches
     * @param changes the state of each pull request, by number
     */
    record Scanned(Set<String> branches, Map<Integer, ChangeState> changes) implements AppScan {
        public Scanned {
            branches = Set.copyOf(branches);
            changes = Map.copyOf(changes);
        }
    }

    /**
     * The scan failed or did not happen (API error, rate limit, project not scanned). Never taken
     * for "deleted".
     *
     * @param reason why the state is unknown, in words, e.g. {@code GitHub API rate limit}
     */
    record Unknown(String reason) implements AppScan {
        public Unknown {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
