package io.jenkins.plugins.branchdeploy.engine.branch;

import io.jenkins.plugins.branchdeploy.engine.InvalidInputException;
import java.util.Optional;

/**
 * What is being deployed: an app, its branch, optionally the pull request the branch belongs to,
 * and the commit.
 *
 * @param app the application name as configured (sanitised into names by the naming policy)
 * @param branch the full, original branch name, e.g. {@code feature/auth}
 * @param change the pull request, or {@code null} for a plain branch
 * @param commit the commit being deployed, or {@code null} when unknown
 */
public record BranchRef(String app, String branch, ChangeRequest change, String commit) {

    public BranchRef {
        if (app == null || app.isBlank()) {
            throw new InvalidInputException("app", "is empty; give the application name, e.g. --app shop");
        }
        if (branch == null || branch.isEmpty()) {
            throw new InvalidInputException("branch", "is empty; give the branch name, e.g. --branch feature/auth");
        }
    }

    public static BranchRef of(String app, String branch) {
        return new BranchRef(app, branch, null, null);
    }

    public Optional<ChangeRequest> changeRequest() {
        return Optional.ofNullable(change);
    }

    public BranchRef withChange(ChangeRequest newChange) {
        return new BranchRef(app, branch, newChange, commit);
    }

    public BranchRef withCommit(String newCommit) {
        return new BranchRef(app, branch, change, newCommit);
    }
}
