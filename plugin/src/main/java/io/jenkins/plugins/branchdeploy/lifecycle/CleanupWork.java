package io.jenkins.plugins.branchdeploy.lifecycle;

import hudson.Extension;
import hudson.model.AsyncPeriodicWork;
import hudson.model.TaskListener;
import io.jenkins.plugins.branchdeploy.config.BranchDeployConfiguration;
import io.jenkins.plugins.branchdeploy.config.ClusterConfig;
import io.jenkins.plugins.branchdeploy.config.InstallationTeardowns;
import io.jenkins.plugins.branchdeploy.config.SettingsResolver;
import io.jenkins.plugins.branchdeploy.engine.InvalidInputException;
import io.jenkins.plugins.branchdeploy.engine.ProgressListener;
import io.jenkins.plugins.branchdeploy.engine.cluster.BranchEnvironments;
import io.jenkins.plugins.branchdeploy.engine.lifecycle.Cleanup;
import io.jenkins.plugins.branchdeploy.engine.lifecycle.CleanupPolicy;
import io.jenkins.plugins.branchdeploy.engine.lifecycle.CleanupReport;
import io.jenkins.plugins.branchdeploy.engine.lifecycle.ScmState;
import io.jenkins.plugins.branchdeploy.facade.JenkinsFacade;
import io.jenkins.plugins.branchdeploy.multibranch.ProjectScan;
import io.jenkins.plugins.branchdeploy.multibranch.SourceControlState;
import io.jenkins.plugins.branchdeploy.overview.ClusterSession;
import io.jenkins.plugins.branchdeploy.review.CheckingActions;
import io.jenkins.plugins.branchdeploy.steps.BuildLogProgress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import jenkins.branch.MultiBranchProject;

/**
 * Periodic cleanup: on every configured cluster, the engine's lifecycle policy over this Jenkins'
 * environments, judged by what the multibranch projects say about their branches and pull requests.
 * Jenkins schedules periodic work once, at a fixed rate; so this ticks every minute and runs when
 * the configured period has passed since the last run, and a changed period applies without a
 * restart. The first run comes one period after start-up. Runs as the system; each run's report
 * goes to this task's log. Teardowns pass the installation's gate ({@link InstallationTeardowns}), which
 * the other teardown paths share, and the run retries the teardowns its burst brake held; they go
 * through the engine's deployer: counted by cause in the installation's metrics, and with their
 * database branches dropped where a global database admin credential is configured. Environments are
 * judged by the project that deployed them, whatever app they were deployed as.
 */
@Extension
public final class CleanupWork extends AsyncPeriodicWork {

    private static final JenkinsFacade JENKINS = new JenkinsFacade();

    private static final Logger LOGGER = Logger.getLogger(CleanupWork.class.getName());
    private static final Duration TICK = Duration.ofMinutes(1);

    private final Clock clock;
    private Instant lastRun;

    public CleanupWork() {
        this(Clock.systemUTC());
    }

    CleanupWork(Clock clock) {
        super("Branch deployments cleanup");
        this.clock = clock;
        this.lastRun = clock.instant();
    }

    /** The tick: no configurable period is shorter. */
    @Override
    public long getRecurrencePeriod() {
        return TICK.toMillis();
    }

    @Override
    protected void execute(TaskListener listener) {
        if (claimRun(clock.instant())) {
            cleanUp(listener);
        }
    }

    /** Whether a run is due at {@code now}; if so, it counts as the last run from now on. */
    synchronized boolean claimRun(Instant now) {
        Duration period = Duration.ofMinutes(Math.max(1, BranchDeployConfiguration.get().getCleanupPeriodMinutes()));
        if (now.isBefore(lastRun.plus(period))) {
            return false;
        }
        lastRun = now;
        return true;
    }

    /** One cleanup run on every cluster; a cluster that fails does not stop the others. */
    void cleanUp(TaskListener listener) {
        BranchDeployConfiguration config = BranchDeployConfiguration.get();
        if (config.getClusters().isEmpty()) {
            return;
        }
        CleanupPolicy policy;
        try {
            policy = new SettingsResolver(config).cleanupPolicy();
        } catch (InvalidInputException e) {
            listener.error("Cleanup did not run: " + e.getMessage());
            return;
        }
        ScmState scm = SourceControlState.of(scanProjects());
        ProgressListener progress = new BuildLogProgress(listener);
        for (ClusterConfig cluster : config.getClusters()) {
            listener.getLogger().println("Cleaning up cluster " + cluster.getName());
            try {
                listener.getLogger().print(cleanUp(config, cluster, policy, scm, progress, listener).toText());
            } catch (RuntimeException e) {
                listener.error("Cleanup of cluster " + cluster.getName() + " failed: " + e.getMessage());
                LOGGER.log(Level.WARNING, "Cleanup of cluster " + cluster.getName() + " failed", e);
            }
        }
    }

    private CleanupReport cleanUp(BranchDeployConfiguration config, ClusterConfig cluster, CleanupPolicy policy,
            ScmState scm, ProgressListener progress, TaskListener listener) {
        try (ClusterSession session = ClusterSession.open(config, cluster)) {
            BranchEnvironments environments = session.environments();
            return new Cleanup(environments, new CheckingActions(new SettingsResolver(config).deployer(environments)
                    .cleanupActions(progress), listener), policy, clock)
                    .withGate(InstallationTeardowns.get().gate(cluster.getName()))
                    .run(scm, progress);
        }
    }

    private static List<ProjectScan> scanProjects() {
        List<ProjectScan> projects = new ArrayList<>();
        for (MultiBranchProject<?, ?> project : JENKINS.allItems(MultiBranchProject.class)) {
            projects.add(ProjectScan.of(project));
        }
        return projects;
    }
}
