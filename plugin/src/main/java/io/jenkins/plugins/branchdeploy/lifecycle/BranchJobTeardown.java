package io.jenkins.plugins.branchdeploy.lifecycle;

import hudson.model.Job;
import io.jenkins.plugins.branchdeploy.config.BranchDeployConfiguration;
import io.jenkins.plugins.branchdeploy.config.ClusterConfig;
import io.jenkins.plugins.branchdeploy.config.InstallationTeardowns;
import io.jenkins.plugins.branchdeploy.config.SettingsResolver;
import io.jenkins.plugins.branchdeploy.engine.ProgressListener;
import io.jenkins.plugins.branchdeploy.engine.branch.BranchRef;
import io.jenkins.plugins.branchdeploy.engine.cluster.BranchEnvironments;
import io.jenkins.plugins.branchdeploy.engine.cluster.Environment;
import io.jenkins.plugins.branchdeploy.engine.lifecycle.CleanupPolicy;
import io.jenkins.plugins.branchdeploy.engine.lifecycle.TeardownCause;
import io.jenkins.plugins.branchdeploy.engine.naming.NamingPolicy;
import io.jenkins.plugins.branchdeploy.multibranch.BranchJobs;
import io.jenkins.plugins.branchdeploy.overview.ClusterSession;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.RejectedExecutionException;
import java.util.logging.Level;
import java.util.logging.Logger;
import jenkins.util.Timer;

/**
 * Tears down the environments of a multibranch project's branch job, in the background: the caller
 * (an item deletion, an event) never waits for the cluster. What the job stands for (its project,
 * its branch or pull request, whether the branch filter lets it deploy at all) is read at once,
 * while the job and its folders still exist; the teardowns run on {@link Timer}, whose threads act
 * as the system. They find the job's environments on every configured cluster by the project that
 * deployed them (the {@code owner} annotation) and the branch, whatever app or cluster the steps
 * named ({@link JobEnvironments}), and pass the installation's gate ({@link InstallationTeardowns}: dry run, burst brake). There
 * is no build to report to, so what happens goes to the Jenkins log.
 */
final class BranchJobTeardown {

    private static final Logger LOGGER = Logger.getLogger(BranchJobTeardown.class.getName());

    private BranchJobTeardown() {}

    /**
     * Starts tearing down the environments {@code job} deployed; returns at once.
     *
     * @param cause what the installation's metrics count the teardown under
     * @param why what happened to the job, for the log, e.g. {@code branch job shop/feature%2Fx was deleted}
     */
    static void start(Job<?, ?> job, TeardownCause cause, String why) {
        BranchDeployConfiguration config = BranchDeployConfiguration.get();
        Optional<BranchRef> found = BranchJobs.branchOf(job);
        if (config.getClusters().isEmpty() || found.isEmpty()) {
            return;
        }
        BranchRef branch = found.get();
        try {
            JobEnvironments mine = new JobEnvironments(BranchJobs.owner(job), NamingPolicy.appSlug(branch.app()), branch.branch());
            SettingsResolver settings = new SettingsResolver(config);
            if (!settings.settingsFor(job).deploys(branch.branch())) {
                LOGGER.fine(() -> "Nothing to tear down for " + job.getFullName() + ": the branch filter leaves " + branch.branch() + " out");
                return;
            }
            CleanupPolicy policy = settings.cleanupPolicy();
            Timer.get().execute(() -> tearDown(config, settings, policy, mine, cause, why));
        } catch (RuntimeException e) {
            LOGGER.log(Level.WARNING, "Did not tear down the environments of " + job.getFullName() + " (" + why + "): "
                    + (e instanceof RejectedExecutionException ? "Jenkins is shutting down" : e.getMessage()));
        }
    }

    /** On every cluster: the job's environments, each through the gate. */
    private static void tearDown(BranchDeployConfiguration config, SettingsResolver settings, CleanupPolicy policy, JobEnvironments mine,
            TeardownCause cause, String why) {
        ProgressListener progress = new JenkinsLogProgress(LOGGER);
        for (ClusterConfig cluster : config.getClusters()) {
            try (ClusterSession session = ClusterSession.open(config, cluster)) {
                BranchEnvironments environments = session.environments().ownedBy(mine.owner());
                List<Environment> found = environments.inventory().all().stream().filter(mine::includes).toList();
                for (Environment environment : found) {
                    InstallationTeardowns.GatedTeardown teardown = InstallationTeardowns.get().tearDown(cluster.getName(),
                            settings.deployer(environments), environment, cause, why, policy, progress);
                    LOGGER.log(teardown.result() == InstallationTeardowns.GatedTeardown.Result.HELD ? Level.WARNING : Level.INFO,
                            teardown.message());
                }
            } catch (RuntimeException e) {
                LOGGER.log(Level.WARNING, "Tearing down the environments of branch " + mine.branch() + " of " + mine.owner()
                        + " on cluster " + cluster.getName() + " (" + why + ") failed: " + e.getMessage(), e);
            }
        }
    }

    /**
     * The environments of one branch job: those its project deployed (their {@code owner}) of its
     * branch, whatever app they were deployed as; and, of those that record no owner (deployed
     * before owners were recorded), the ones of the project's default app.
     */
    record JobEnvironments(String owner, String defaultAppSlug, String branch) {

        boolean includes(Environment environment) {
            if (!branch.equals(environment.branch())) {
                return false;
            }
            return environment.owner() == null
                    ? defaultAppSlug.equals(environment.app())
                    : owner.equals(environment.owner());
        }
    }
}
