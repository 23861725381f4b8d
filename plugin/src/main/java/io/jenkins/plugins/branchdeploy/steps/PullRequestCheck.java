package io.jenkins.plugins.branchdeploy.steps;

import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.branchdeploy.engine.branch.BranchRef;
import io.jenkins.plugins.branchdeploy.engine.cluster.BranchEnvironments;
import io.jenkins.plugins.branchdeploy.engine.cluster.Environment;
import io.jenkins.plugins.branchdeploy.engine.deploy.DeployCheck;
import io.jenkins.plugins.branchdeploy.engine.deploy.DeployOutcome;
import io.jenkins.plugins.branchdeploy.engine.naming.EnvironmentNames;
import io.jenkins.plugins.branchdeploy.review.BranchDeploymentCheck;
import io.jenkins.plugins.branchdeploy.overview.ReviewLinkAction;
import java.time.Instant;

/** One deploy's "Branch deployment" check, unless the step turned it off ({@code checks: false}). */
final class PullRequestCheck {

    private final Run<?, ?> run;
    private final TaskListener listener;
    private final BranchDeploymentCheck check;
    /** The review link as an absolute URL; {@code null} while Jenkins' own URL is not configured. */
    private final String reviewLink;
    private final EnvironmentNames names;

    PullRequestCheck(Run<?, ?> run, TaskListener listener, BranchDeployStep step, String cluster, EnvironmentNames names) {
        this.run = run;
        this.listener = listener;
        this.check = step.isChecks() ? new BranchDeploymentCheck(step.getCheckName()) : null;
        this.reviewLink = BranchDeploymentCheck.absolute(ReviewLinkAction.url(run.getParent(), cluster, names.namespace()));
        this.names = names;
    }

    void deploying() {
        if (check != null) {
            check.inProgress(run, listener, names.environment());
        }
    }

    void deployed(DeployOutcome outcome, BranchEnvironments environments, BranchRef branch) {
        if (check != null) {
            String link = reviewLink == null ? outcome.deploy().url() : reviewLink;
            check.completed(run, listener, DeployCheck.of(outcome, link, expiresAt(environments, branch)), reviewLink);
        }
    }

    /** The expiry as the namespace records it now; {@code null} when it cannot be read, which costs only that line. */
    private static Instant expiresAt(BranchEnvironments environments, BranchRef branch) {
        try {
            return environments.inventory().find(branch).map(Environment::expiresAt).orElse(null);
        } catch (RuntimeException e) {
            return null;
        }
    }
}
