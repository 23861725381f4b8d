package io.jenkins.plugins.branchdeploy.review;

import hudson.model.Job;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.branchdeploy.engine.deploy.DeployCheck;
import io.jenkins.plugins.branchdeploy.facade.JenkinsFacade;
import io.jenkins.plugins.checks.api.ChecksConclusion;
import io.jenkins.plugins.checks.api.ChecksDetails;
import io.jenkins.plugins.checks.api.ChecksOutput;
import io.jenkins.plugins.checks.api.ChecksPublisher;
import io.jenkins.plugins.checks.api.ChecksPublisherFactory;
import io.jenkins.plugins.checks.api.ChecksStatus;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * The "Branch deployment" check on a pull request, through the Checks API plugin: in progress while
 * deploying, then success or failure with the review link as details URL and the engine's
 * {@link DeployCheck} summary, and an update when the environment is torn down or scaled down.
 * Without a checks implementation (GitHub, GitLab, Bitbucket) the Checks API publishes nowhere and
 * nothing fails.
 */
public final class BranchDeploymentCheck {

    /** The check's name when the step names none. */
    public static final String DEFAULT_NAME = "Branch deployment";

    private final String name;

    /** @param name the check's name, or {@code null} for {@link #DEFAULT_NAME} */
    public BranchDeploymentCheck(String name) {
        this.name = name == null || name.isBlank() ? DEFAULT_NAME : name.trim();
    }

    /** The deploy has started. */
    public void inProgress(Run<?, ?> run, TaskListener listener, String environment) {
        publish(ChecksPublisherFactory.fromRun(run, listener), new ChecksDetails.ChecksDetailsBuilder()
                .withName(name)
                .withStatus(ChecksStatus.IN_PROGRESS)
                .withStartedAt(now())
                .withOutput(new ChecksOutput.ChecksOutputBuilder().withTitle("Deploying " + environment)
                        .withSummary("Deploying the environment " + environment + "; the live URL follows.").build())
                .build());
    }

    /** {@code url}, relative to Jenkins' root, as an absolute URL; {@code null} while Jenkins' URL is not configured. */
    public static String absolute(String url) {
        String root = new JenkinsFacade().rootUrl();
        return root == null ? null : root + url;
    }

    /**
     * The deploy has finished.
     *
     * @param reviewLink the environment's review link as an absolute URL, or {@code null}
     */
    public void completed(Run<?, ?> run, TaskListener listener, DeployCheck check, String reviewLink) {
        publish(ChecksPublisherFactory.fromRun(run, listener), finished(check, reviewLink));
    }

    /** The environment of a branch job went away or was scaled down (cleanup, the Branch deployments page). */
    public void changed(Job<?, ?> job, TaskListener listener, DeployCheck check) {
        publish(ChecksPublisherFactory.fromJob(job, listener), finished(check, null));
    }

    private ChecksDetails finished(DeployCheck check, String reviewLink) {
        ChecksDetails.ChecksDetailsBuilder details = new ChecksDetails.ChecksDetailsBuilder()
                .withName(name)
                .withStatus(ChecksStatus.COMPLETED)
                .withConclusion(check.succeeded() ? ChecksConclusion.SUCCESS : ChecksConclusion.FAILURE)
                .withCompletedAt(now())
                .withOutput(new ChecksOutput.ChecksOutputBuilder().withTitle(check.title()).withSummary(check.summary()).build());
        if (reviewLink != null) {
            details.withDetailsURL(reviewLink);
        }
        return details.build();
    }

    private static void publish(ChecksPublisher publisher, ChecksDetails details) {
        publisher.publish(details);
    }

    private static LocalDateTime now() {
        return LocalDateTime.now(ZoneOffset.UTC);
    }
}
