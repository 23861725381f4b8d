package io.jenkins.plugins.branchdeploy.multibranch;

import hudson.model.Item;
import hudson.model.Job;
import hudson.model.Run;
import hudson.model.TopLevelItem;
import io.jenkins.plugins.branchdeploy.engine.InvalidInputException;
import io.jenkins.plugins.branchdeploy.engine.branch.BranchRef;
import io.jenkins.plugins.branchdeploy.engine.branch.ChangeRequest;
import java.util.Optional;
import java.util.OptionalInt;
import jenkins.branch.Branch;
import jenkins.branch.BranchProjectFactory;
import jenkins.branch.MultiBranchProject;
import jenkins.scm.api.mixin.ChangeRequestSCMHead;

/**
 * The branch jobs of multibranch projects as environments see them. A build of a branch job gets
 * {@code BRANCH_NAME} (the head's name) and, for a pull request, {@code CHANGE_ID}; the steps name
 * the environment after those and, by default, after the project. Reading the same facts from the
 * job names the same environment.
 */
public final class BranchJobs {

    private BranchJobs() {}

    /** The app a multibranch project's branches deploy as when a step names none: the project's name. */
    public static String app(MultiBranchProject<?, ?> project) {
        return project.getName();
    }

    /** The multibranch project's app for a branch job, else the job's own name. */
    public static String defaultApp(Job<?, ?> job) {
        return job.getParent() instanceof MultiBranchProject<?, ?> project ? app(project) : job.getName();
    }

    /**
     * The project that owns the environments a job deploys: the multibranch project's full name for
     * its branch jobs (all branches of a project share their environments' owner), else the job's.
     */
    public static String owner(Job<?, ?> job) {
        return job.getParent() instanceof MultiBranchProject<?, ?> project ? project.getFullName() : job.getFullName();
    }

    /**
     * The branch, and pull request, a multibranch project's branch job builds, with the project's
     * app; empty for any other job and for a change request whose id is not a number.
     */
    public static Optional<BranchRef> branchOf(Job<?, ?> job) {
        if (!(job.getParent() instanceof MultiBranchProject<?, ?> project)) {
            return Optional.empty();
        }
        return Optional.ofNullable(branchIn(project, job))
                .flatMap(BranchJob::of)
                .map(b -> new BranchRef(app(project), b.head(), b.change() == null ? null : ChangeRequest.of(b.change()), null));
    }

    /**
     * Whether a multibranch project's branch job is dead: source control no longer has its head
     * (the branch was deleted, the pull request closed or merged). Other jobs are never dead.
     */
    public static boolean isDead(Job<?, ?> job) {
        if (!(job.getParent() instanceof MultiBranchProject<?, ?> project)) {
            return false;
        }
        Branch branch = branchIn(project, job);
        return branch != null && !branch.isBuildable();
    }

    /** The project's record of the branch behind {@code item}, or {@code null} when it is not one of its branch jobs. */
    static <P extends Job<P, R> & TopLevelItem, R extends Run<P, R>> Branch branchIn(MultiBranchProject<P, R> project, Item item) {
        BranchProjectFactory<P, R> factory = project.getProjectFactory();
        return factory.isProject(item) ? factory.getBranch(factory.asProject(item)) : null;
    }

    /** A change request's number as {@code CHANGE_ID} carries it; empty when its id is not a pull request number. */
    static OptionalInt changeNumber(ChangeRequestSCMHead head) {
        try {
            return OptionalInt.of(ChangeRequest.of(ChangeRequest.parseNumber(head.getId())).number());
        } catch (InvalidInputException e) {
            return OptionalInt.empty();
        }
    }
}
