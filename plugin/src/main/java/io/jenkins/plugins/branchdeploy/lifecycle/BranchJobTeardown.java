package io.jenkins.plugins.branchdeploy.lifecycle;

import hudson.model.Job;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.jenkins.plugins.branchdeploy.config.BranchDeployConfiguration;
import io.jenkins.plugins.branchdeploy.config.EffectiveSettings;
import io.jenkins.plugins.branchdeploy.config.SettingsResolver;
import io.jenkins.plugins.branchdeploy.engine.ProgressListener;
import io.jenkins.plugins.branchdeploy.engine.branch.BranchRef;
import io.jenkins.plugins.branchdeploy.engine.cluster.BranchEnvironments;
import io.jenkins.plugins.branchdeploy.engine.cluster.TeardownOutcome;
import io.jenkins.plugins.branchdeploy.engine.lifecycle.TeardownCause;
import io.jenkins.plugins.branchdeploy.engine.naming.NamingPolicy;
import io.jenkins.plugins.branchdeploy.multibranch.BranchJobs;
import java.util.Optional;
import java.util.concurrent.RejectedExecutionException;
import java.util.logging.Level;
import java.util.logging.Logger;
import jenkins.util.Timer;

/**
 * Tears down the environment of a multibranch project's branch job, in the background: the caller
 * (an item deletion, an event) never waits for the cluster. The settings and the cluster's
 * credentials are resolved at once, while the job's folders still exist; the teardown itself runs on
 * {@link Timer}, whose threads act as the system, through the deployer of
 * {@link SettingsResolver#deployer} (counted by cause, database branch dropped where a global
 * database admin credential is configured). There is no build to report to, so what happens goes to
 * the Jenkins log. It acts for the job's project ({@link BranchJobs#owner}): an environment another
 * project owns is left alone, and so is the database branch of an environment already gone.
 */
final class BranchJobTeardown {

    private static final Logger LOGGER = Logger.getLogger(BranchJobTeardown.class.getName());

    private BranchJobTeardown() {}

    /**
     * Starts tearing down the environment {@code job} deploys to by default; returns at once.
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
        BranchEnvironments environments;
        KubernetesClient client;
        try {
            EffectiveSettings settings = new SettingsResolver(config).settingsFor(job);
            NamingPolicy naming = settings.namingPolicy();
            client = settings.cluster().connect(job.getParent());
            environments = new BranchEnvironments(client, settings.installationId(), naming).ownedBy(BranchJobs.owner(job));
        } catch (RuntimeException e) {
            LOGGER.log(Level.WARNING, "Did not tear down the environment of " + job.getFullName() + " (" + why + "): "
                    + e.getMessage());
            return;
        }
        try {
            Timer.get().execute(() -> tearDown(client, environments, branch, cause, job.getFullName(), why));
        } catch (RejectedExecutionException e) {
            client.close();
            LOGGER.log(Level.WARNING, "Did not tear down the environment of " + job.getFullName() + " (" + why
                    + "): Jenkins is shutting down");
        }
    }

    private static void tearDown(KubernetesClient client, BranchEnvironments environments, BranchRef branch, TeardownCause cause,
            String job, String why) {
        ProgressListener progress = new JenkinsLogProgress(LOGGER);
        try (client) {
            TeardownOutcome outcome = SettingsResolver.get().deployer(environments).teardown(branch, cause, progress);
            if (outcome == TeardownOutcome.DELETED) {
                LOGGER.info("Tore down the environment of " + job + " because " + why);
            }
        } catch (RuntimeException e) {
            LOGGER.log(Level.WARNING, "Tearing down the environment of " + job + " (" + why + ") failed: " + e.getMessage(), e);
        }
    }
}
