package io.jenkins.plugins.branchdeploy.overview;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.model.Action;
import hudson.model.Item;
import hudson.model.Job;
import io.jenkins.plugins.branchdeploy.engine.cluster.Environment;
import java.util.Collection;
import java.util.List;
import jenkins.model.TransientActionFactory;
import org.kohsuke.stapler.HttpResponse;
import org.kohsuke.stapler.HttpResponses;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.interceptor.RequirePOST;

/**
 * The build page's "Send webhooks here": {@code JOB_URL/branch-deploy-webhooks/sendHere?cluster=C&namespace=N}
 * (POST) sends the bare webhook host of the environment's app to one of this job's environments, for
 * those who may configure the project that owns it, as a Branch deployments page does.
 */
public final class WebhookRouteAction implements Action {

    static final String URL_NAME = "branch-deploy-webhooks";

    private final Job<?, ?> job;
    private final EnvironmentChanges changes;

    WebhookRouteAction(Job<?, ?> job) {
        this.job = job;
        this.changes = new EnvironmentChanges(environment -> ReviewLinkAction.deploysInto(job, environment), this::checkChange);
    }

    /** Where the button for an environment of {@code job} posts, relative to the Jenkins root URL. */
    public static String url(Job<?, ?> job, String cluster, String namespace) {
        return job.getUrl() + URL_NAME + "/sendHere" + ReviewLinkAction.environmentQuery(cluster, namespace);
    }

    @Override
    public String getIconFileName() {
        return null;
    }

    @Override
    public String getDisplayName() {
        return null;
    }

    @Override
    public String getUrlName() {
        return URL_NAME;
    }

    /** Moves the default webhook route, then back to the page the button was on. */
    @RequirePOST
    public HttpResponse doSendHere(@QueryParameter String cluster, @QueryParameter String namespace) {
        job.checkPermission(Item.READ);
        return changes.sendWebhooksHere(cluster, namespace, HttpResponses.forwardToPreviousPage());
    }

    /** Those who may configure the project that owns the environment (else, hidden or deleted, this job). */
    private void checkChange(Environment environment) {
        Item owner = Projects.visible(environment.owner());
        (owner == null ? job : owner).checkPermission(Item.CONFIGURE);
    }

    /** Adds the endpoint to every job; it answers only for the job's own environments. */
    @Extension
    @SuppressWarnings("rawtypes")
    public static final class Factory extends TransientActionFactory<Job> {

        @Override
        public Class<Job> type() {
            return Job.class;
        }

        @NonNull
        @Override
        public Collection<? extends Action> createFor(@NonNull Job target) {
            return List.of(new WebhookRouteAction(target));
        }
    }
}
