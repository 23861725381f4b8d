package io.jenkins.plugins.branchdeploy.overview;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.model.Action;
import hudson.model.Item;
import hudson.model.Job;
import hudson.model.User;
import io.jenkins.plugins.branchdeploy.config.BranchDeployConfiguration;
import io.jenkins.plugins.branchdeploy.config.ClusterConfig;
import io.jenkins.plugins.branchdeploy.config.MetricsFile;
import io.jenkins.plugins.branchdeploy.config.SettingsResolver;
import io.jenkins.plugins.branchdeploy.engine.InvalidInputException;
import io.jenkins.plugins.branchdeploy.engine.ProgressListener;
import io.jenkins.plugins.branchdeploy.engine.cluster.ClusterApiException;
import io.jenkins.plugins.branchdeploy.engine.cluster.Environment;
import io.jenkins.plugins.branchdeploy.engine.deploy.ReviewLink;
import io.jenkins.plugins.branchdeploy.multibranch.BranchJobs;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import jenkins.model.TransientActionFactory;
import org.kohsuke.stapler.HttpResponse;
import org.kohsuke.stapler.HttpResponses;
import org.kohsuke.stapler.QueryParameter;

/**
 * The review link of a job's environments, {@code JOB_URL/branch-deploy-review?cluster=C&namespace=N}:
 * records that the signed-in user (or an anonymous visitor) opened the environment, then redirects
 * to the environment's own live URL as its namespace records it. The target never comes from the
 * request: the request only names the environment, which must be one this job deploys. A GET, as a
 * link must be; it changes no environment, it only records the open.
 */
public final class ReviewLinkAction implements Action {

    static final String URL_NAME = "branch-deploy-review";

    private final Job<?, ?> job;

    ReviewLinkAction(Job<?, ?> job) {
        this.job = job;
    }

    /** The review link of an environment of {@code job}, relative to the Jenkins root URL. */
    public static String url(Job<?, ?> job, String cluster, String namespace) {
        return job.getUrl() + URL_NAME + environmentQuery(cluster, namespace);
    }

    /** The query that names an environment to a job's endpoints: {@code ?cluster=C&namespace=N}. */
    static String environmentQuery(String cluster, String namespace) {
        return "?cluster=" + URLEncoder.encode(cluster, StandardCharsets.UTF_8)
                + "&namespace=" + URLEncoder.encode(namespace, StandardCharsets.UTF_8);
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

    /** Records the open and redirects; 404 for an environment this job does not deploy or one without a live URL. */
    public HttpResponse doIndex(@QueryParameter String cluster, @QueryParameter String namespace) {
        job.checkPermission(Item.READ);
        if (cluster == null || namespace == null) {
            return HttpResponses.errorWithoutStack(400, "cluster and namespace: name the environment to open");
        }
        BranchDeployConfiguration config = BranchDeployConfiguration.get();
        ClusterConfig clusterConfig;
        try {
            clusterConfig = new SettingsResolver(config).cluster(cluster);
        } catch (InvalidInputException e) {
            return HttpResponses.errorWithoutStack(404, e.getMessage());
        }
        try (ClusterSession session = ClusterSession.open(config, clusterConfig)) {
            Optional<Environment> environment = session.environments().inventory().all().stream()
                    .filter(e -> e.namespace().equals(namespace) && deploysInto(job, e)).findFirst();
            if (environment.isEmpty()) {
                return HttpResponses.errorWithoutStack(404, "This job has no environment in namespace " + namespace
                        + " on cluster " + cluster + "; it may have been torn down");
            }
            User user = User.current();
            URI target = new ReviewLink(session.environments(), MetricsFile.store(), Clock.systemUTC())
                    .open(environment.get(), user == null ? null : user.getId(), ProgressListener.SILENT);
            return HttpResponses.redirectTo(target.toString());
        } catch (InvalidInputException e) {
            return HttpResponses.errorWithoutStack(404, e.getMessage());
        } catch (ClusterApiException e) {
            return HttpResponses.errorWithoutStack(503, e.getMessage());
        }
    }

    /** Whether the environment is {@code job}'s: owned by its project and of its branch. */
    static boolean deploysInto(Job<?, ?> job, Environment environment) {
        return BranchJobs.owner(job).equals(environment.owner())
                && BranchJobs.branchOf(job).map(b -> b.branch().equals(environment.branch())).orElse(true);
    }

    /** Adds the link's endpoint to every job; it answers only for the job's own environments. */
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
            return List.of(new ReviewLinkAction(target));
        }
    }
}
