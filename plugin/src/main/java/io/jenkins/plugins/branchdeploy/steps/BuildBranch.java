package io.jenkins.plugins.branchdeploy.steps;

import hudson.AbortException;
import hudson.EnvVars;
import hudson.Util;
import hudson.model.Job;
import io.jenkins.plugins.branchdeploy.engine.branch.BranchRef;
import io.jenkins.plugins.branchdeploy.engine.branch.ChangeRequest;
import io.jenkins.plugins.branchdeploy.multibranch.BranchJobs;

/**
 * The branch a build is about, read from the variables multibranch projects set: {@code BRANCH_NAME},
 * {@code CHANGE_ID}, {@code CHANGE_TARGET} and {@code GIT_COMMIT}. They name the environment; they
 * never decide trust, which comes from the job's source ({@code multibranch.ChangeOrigin}).
 */
final class BuildBranch {

    private BuildBranch() {}

    /**
     * @param app the app name the user gave, or {@code null} for the default
     * @param job the job being built; names the app by default
     */
    static BranchRef of(String app, Job<?, ?> job, EnvVars env) throws AbortException {
        String branch = Util.fixEmptyAndTrim(env.get("BRANCH_NAME"));
        if (branch == null) {
            throw new AbortException("BRANCH_NAME is not set: run this in a multibranch project,"
                    + " or set BRANCH_NAME yourself (a build parameter, or withEnv in a Pipeline)");
        }
        String changeId = Util.fixEmptyAndTrim(env.get("CHANGE_ID"));
        ChangeRequest change = changeId == null
                ? null
                : new ChangeRequest(ChangeRequest.parseNumber(changeId), Util.fixEmptyAndTrim(env.get("CHANGE_TARGET")),
                        Util.fixEmptyAndTrim(env.get("CHANGE_FORK")) != null, null);
        return new BranchRef(app == null ? BranchJobs.defaultApp(job) : app, branch, change, Util.fixEmptyAndTrim(env.get("GIT_COMMIT")));
    }
}
