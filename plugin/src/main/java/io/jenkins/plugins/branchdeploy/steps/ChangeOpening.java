package io.jenkins.plugins.branchdeploy.steps;

import hudson.model.Job;
import hudson.model.Run;
import io.jenkins.plugins.branchdeploy.engine.deploy.DeployInput;
import java.time.Instant;
import jenkins.scm.api.metadata.ContributorMetadataAction;

/**
 * What Jenkins knows about when a pull request was opened and by whom, for the review metrics: it
 * first saw the pull request when its job first built (the first build still kept), and the SCM
 * names the author in a {@link ContributorMetadataAction} on the pull request's job. The step's
 * {@code changeOpenedAt} overrides the time.
 */
final class ChangeOpening {

    private ChangeOpening() {}

    static DeployInput apply(DeployInput input, Job<?, ?> job, String changeOpenedAt) {
        Run<?, ?> first = job.getFirstBuild();
        ContributorMetadataAction contributor = job.getAction(ContributorMetadataAction.class);
        return input.changeOpening(changeOpenedAt, first == null ? null : Instant.ofEpochMilli(first.getTimeInMillis()),
                contributor == null ? null : contributor.getContributor());
    }
}
