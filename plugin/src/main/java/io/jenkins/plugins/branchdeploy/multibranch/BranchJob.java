package io.jenkins.plugins.branchdeploy.multibranch;

import java.util.Optional;
import java.util.OptionalInt;
import jenkins.branch.Branch;
import jenkins.scm.api.SCMHead;
import jenkins.scm.api.mixin.ChangeRequestSCMHead;

/**
 * One branch job of a multibranch project, as environments are named after it.
 *
 * @param head the head's name, which builds get as {@code BRANCH_NAME}, e.g. {@code feature/auth} or {@code PR-42}
 * @param change the pull request number ({@code CHANGE_ID}), or {@code null} for a branch
 * @param live whether source control still has the head; {@code false} for a dead branch job,
 *     whose branch was deleted or whose pull request was closed or merged
 */
public record BranchJob(String head, Integer change, boolean live) {

    /** The job behind branch-api's record of a branch; empty for a change request whose id is not a number. */
    static Optional<BranchJob> of(Branch branch) {
        SCMHead head = branch.getHead();
        if (!(head instanceof ChangeRequestSCMHead changeRequest)) {
            return Optional.of(new BranchJob(head.getName(), null, branch.isBuildable()));
        }
        OptionalInt number = BranchJobs.changeNumber(changeRequest);
        return number.isPresent()
                ? Optional.of(new BranchJob(head.getName(), number.getAsInt(), branch.isBuildable()))
                : Optional.empty();
    }
}
