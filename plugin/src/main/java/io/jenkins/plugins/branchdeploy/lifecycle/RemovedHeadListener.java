package io.jenkins.plugins.branchdeploy.lifecycle;

import hudson.Extension;
import hudson.model.Job;
import io.jenkins.plugins.branchdeploy.engine.lifecycle.TeardownCause;
import io.jenkins.plugins.branchdeploy.facade.JenkinsFacade;
import io.jenkins.plugins.branchdeploy.multibranch.BranchJobs;
import jenkins.branch.MultiBranchProject;
import jenkins.scm.api.SCMEvent;
import jenkins.scm.api.SCMEventListener;
import jenkins.scm.api.SCMHead;
import jenkins.scm.api.SCMHeadEvent;
import jenkins.scm.api.SCMSource;
import jenkins.scm.api.mixin.ChangeRequestSCMHead;

/**
 * An early hint that a branch was deleted or a pull request closed: source control's event, before
 * the next indexing. An event is only a rumour (anyone may post a webhook), so this listener runs
 * after branch-api's own, which checks the rumour against the source and marks the branch job dead
 * only when the head is really gone; a job that is dead then has its environment torn down.
 */
@Extension(ordinal = -1000)
public final class RemovedHeadListener extends SCMEventListener {

    private static final JenkinsFacade JENKINS = new JenkinsFacade();

    @Override
    public void onSCMHeadEvent(SCMHeadEvent<?> event) {
        if (event.getType() != SCMEvent.Type.REMOVED) {
            return;
        }
        for (MultiBranchProject<?, ?> project : JENKINS.allItems(MultiBranchProject.class)) {
            for (SCMSource source : project.getSCMSources()) {
                if (!event.isMatch(source)) {
                    continue;
                }
                for (SCMHead head : event.heads(source).keySet()) {
                    Job<?, ?> job = project.getItemByBranchName(head.getName());
                    if (job != null && BranchJobs.isDead(job)) {
                        // the event does not say whether a pull request was merged or closed
                        TeardownCause cause = head instanceof ChangeRequestSCMHead
                                ? TeardownCause.CHANGE_CLOSED : TeardownCause.BRANCH_DELETED;
                        BranchJobTeardown.start(job, cause, "source control removed " + head.getName() + " from "
                                + project.getFullName());
                    }
                }
            }
        }
    }
}
