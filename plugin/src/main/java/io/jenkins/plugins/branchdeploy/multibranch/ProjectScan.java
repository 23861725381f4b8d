package io.jenkins.plugins.branchdeploy.multibranch;

import com.cloudbees.hudson.plugins.folder.computed.FolderComputation;
import hudson.model.Job;
import hudson.model.Result;
import hudson.model.Run;
import hudson.model.TopLevelItem;
import java.util.ArrayList;
import java.util.List;
import jenkins.branch.Branch;
import jenkins.branch.MultiBranchProject;

/**
 * What one multibranch project says about the branches and pull requests of its app.
 *
 * @param project the project's full name
 * @param app the app its branches deploy as by default
 * @param unknownReason why its branches are not known (disabled, not indexed yet, being indexed,
 *     last indexing failed), or {@code null} when its last branch indexing succeeded
 * @param jobs its branch jobs, live and dead
 */
public record ProjectScan(String project, String app, String unknownReason, List<BranchJob> jobs) {

    public ProjectScan {
        jobs = List.copyOf(jobs);
    }

    public static ProjectScan scanned(String project, String app, List<BranchJob> jobs) {
        return new ProjectScan(project, app, null, jobs);
    }

    public static ProjectScan unknown(String project, String app, String reason) {
        return new ProjectScan(project, app, reason, List.of());
    }

    /** Reads a project as it stands: its jobs only count when its last branch indexing succeeded. */
    public static ProjectScan of(MultiBranchProject<?, ?> project) {
        String reason = unknownReason(project);
        return reason == null
                ? scanned(project.getFullName(), BranchJobs.app(project), jobsOf(project))
                : unknown(project.getFullName(), BranchJobs.app(project), reason);
    }

    /**
     * A job list is complete only after an indexing that succeeded: a failed one (source control
     * unreachable, rate limit) or one still running may lack jobs whose branches exist.
     */
    private static String unknownReason(MultiBranchProject<?, ?> project) {
        String name = project.getFullName();
        if (!project.isBuildable()) {
            return "multibranch project " + name + " is disabled or has no branch source";
        }
        FolderComputation<?> indexing = project.getComputation();
        if (indexing.isBuilding()) {
            return "branch indexing of " + name + " is in progress";
        }
        Result result = indexing.getResult();
        if (result == null) {
            return "multibranch project " + name + " has not been indexed yet";
        }
        if (result.isWorseThan(Result.SUCCESS)) {
            return "the last branch indexing of " + name + " ended " + result;
        }
        return null;
    }

    private static <P extends Job<P, R> & TopLevelItem, R extends Run<P, R>> List<BranchJob> jobsOf(MultiBranchProject<P, R> project) {
        List<BranchJob> jobs = new ArrayList<>();
        for (P job : project.getItems()) {
            Branch branch = BranchJobs.branchIn(project, job);
            if (branch != null) {
                BranchJob.of(branch).ifPresent(jobs::add);
            }
        }
        return jobs;
    }
}
