package io.jenkins.plugins.branchdeploy.overview;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.model.Action;
import hudson.model.Item;
import hudson.model.Job;
import hudson.model.Run;
import io.jenkins.plugins.branchdeploy.buildpage.BranchDeployAction;
import io.jenkins.plugins.branchdeploy.config.BranchDeployConfiguration;
import io.jenkins.plugins.branchdeploy.config.ClusterConfig;
import io.jenkins.plugins.branchdeploy.config.MetricsFile;
import io.jenkins.plugins.branchdeploy.engine.ProgressListener;
import io.jenkins.plugins.branchdeploy.engine.branch.BranchRef;
import io.jenkins.plugins.branchdeploy.engine.cluster.Environment;
import io.jenkins.plugins.branchdeploy.engine.deploy.BranchDeployer;
import io.jenkins.plugins.branchdeploy.multibranch.BranchJobs;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import jenkins.branch.MultiBranchProject;
import jenkins.model.TransientActionFactory;

/**
 * "Environment" on a multibranch project's branch job: the environments of its branch or pull
 * request (live URL, status, expiry, the job and build that deployed it, and the deploys its namespace
 * records), so that a reviewer reaches them from the job without opening a build. Read-only; the
 * project's {@link ProjectDeploymentsAction} changes them.
 */
public final class BranchEnvironmentAction implements Action {

    private static final Logger LOGGER = Logger.getLogger(BranchEnvironmentAction.class.getName());
    /** How many recent builds are searched for a deploy before the job shows the link. */
    private static final int RECENT_BUILDS = 5;

    private final Job<?, ?> job;
    private final String owner;
    private final String branch;

    BranchEnvironmentAction(Job<?, ?> job, String owner, String branch) {
        this.job = job;
        this.owner = owner;
        this.branch = branch;
    }

    public Job<?, ?> getJob() {
        return job;
    }

    @Override
    public String getIconFileName() {
        return job.hasPermission(Item.READ) ? ProjectDeploymentsAction.SYMBOL : null;
    }

    @Override
    public String getDisplayName() {
        return "Environment";
    }

    @Override
    public String getUrlName() {
        return "environment";
    }

    /**
     * The deploys of the job's latest build that deployed, for the job's own page: read from the
     * build, so that showing the job asks no cluster. The Environment page says how they are now.
     */
    public List<BranchDeployAction> getLatestDeploys() {
        return Factory.latestDeploys(job);
    }

    /** The branch's environments on every configured cluster, each with its history. */
    public List<ClusterEnvironments> getClusters() {
        job.checkPermission(Item.READ);
        BranchDeployConfiguration config = BranchDeployConfiguration.get();
        Instant now = Instant.now();
        List<ClusterEnvironments> sections = new ArrayList<>();
        for (ClusterConfig cluster : config.getClusters()) {
            try (ClusterSession session = ClusterSession.open(config, cluster)) {
                BranchDeployer deployer = new BranchDeployer(session.environments(), MetricsFile.store());
                List<EnvironmentRow> rows = new ArrayList<>();
                for (Environment environment : session.environments().inventory().all()) {
                    if (owner.equals(environment.owner()) && branch.equals(environment.branch())) {
                        rows.add(new EnvironmentRow(cluster.getName(), environment, now, false).withHistory(
                                deployer.history(environment, ProgressListener.SILENT).entries().stream()
                                        .map(deploy -> new HistoryEntry(deploy, now)).toList()));
                    }
                }
                if (!rows.isEmpty()) {
                    sections.add(new ClusterEnvironments(cluster.getName(), rows, null));
                }
            } catch (RuntimeException e) {
                LOGGER.log(Level.FINE, "cannot list the environments on " + cluster, e);
                sections.add(new ClusterEnvironments(cluster.getName(), List.of(), e.getMessage()));
            }
        }
        return sections;
    }

    /** Adds the page to a multibranch project's branch jobs that deployed in one of their recent builds. */
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
            Job<?, ?> job = target;
            if (!(job.getParent() instanceof MultiBranchProject<?, ?>) || BranchDeployConfiguration.get().getClusters().isEmpty()
                    || !deployedRecently(job)) {
                return List.of();
            }
            Optional<BranchRef> branch = BranchJobs.branchOf(job);
            return branch.isEmpty() ? List.of()
                    : List.of(new BranchEnvironmentAction(job, BranchJobs.owner(job), branch.get().branch()));
        }

        private static boolean deployedRecently(Job<?, ?> job) {
            return !latestDeploys(job).isEmpty();
        }

        /** What the latest of the job's recent builds that deployed recorded; empty when none did. */
        static List<BranchDeployAction> latestDeploys(Job<?, ?> job) {
            for (Run<?, ?> build : job.getBuilds().limit(RECENT_BUILDS)) {
                List<BranchDeployAction> deploys = build.getActions(BranchDeployAction.class);
                if (!deploys.isEmpty()) {
                    return deploys;
                }
            }
            return List.of();
        }
    }
}
