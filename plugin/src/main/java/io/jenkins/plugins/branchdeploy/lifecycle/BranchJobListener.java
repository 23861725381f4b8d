package io.jenkins.plugins.branchdeploy.lifecycle;

import hudson.Extension;
import hudson.model.Item;
import hudson.model.Job;
import hudson.model.listeners.ItemListener;
import io.jenkins.plugins.branchdeploy.engine.lifecycle.TeardownCause;
import jenkins.branch.MultiBranchProject;

/**
 * A deleted branch job takes its environment with it: branch-api deletes the jobs of deleted
 * branches and closed pull requests (as the project's orphaned item strategy says), and deleting a
 * multibranch project deletes all its branch jobs.
 */
@Extension
public final class BranchJobListener extends ItemListener {

    @Override
    public void onDeleted(Item item) {
        if (item instanceof Job<?, ?> job && job.getParent() instanceof MultiBranchProject<?, ?>) {
            BranchJobTeardown.start(job, TeardownCause.BRANCH_JOB_DELETED, "branch job " + job.getFullName() + " was deleted");
        }
    }
}
