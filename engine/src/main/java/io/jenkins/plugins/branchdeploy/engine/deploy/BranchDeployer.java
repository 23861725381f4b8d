package io.jenkins.plugins.branchdeploy.engine.deploy;

import io.jenkins.plugins.branchdeploy.engine.InvalidInputException;
import io.jenkins.plugins.branchdeploy.engine.ProgressListener;
import io.jenkins.plugins.branchdeploy.engine.branch.BranchRef;
import io.jenkins.plugins.branchdeploy.engine.branch.ChangeRequest;
import io.jenkins.plugins.branchdeploy.engine.cluster.BranchEnvironments;
import io.jenkins.plugins.branchdeploy.engine.cluster.ClusterApiException;
import io.jenkins.plugins.branchdeploy.engine.cluster.DeployResult;
import io.jenkins.plugins.branchdeploy.engine.cluster.Environment;
import io.jenkins.plugins.branchdeploy.engine.cluster.EnvironmentRef;
import io.jenkins.plugins.branchdeploy.engine.cluster.EnvironmentStatus;
import io.jenkins.plugins.branchdeploy.engine.cluster.TeardownOutcome;
import io.jenkins.plugins.branchdeploy.engine.database.AdminConnection;
import io.jenkins.plugins.branchdeploy.engine.database.DatabaseBranch;
import io.jenkins.plugins.branchdeploy.engine.database.DatabaseBranchException;
import io.jenkins.plugins.branchdeploy.engine.database.DatabaseBranches;
import io.jenkins.plugins.branchdeploy.engine.history.DeployHistory;
import io.jenkins.plugins.branchdeploy.engine.history.MetricsStore;
import io.jenkins.plugins.branchdeploy.engine.lifecycle.EnvironmentActions;
import io.jenkins.plugins.branchdeploy.engine.lifecycle.TeardownCause;
import io.jenkins.plugins.branchdeploy.engine.naming.EnvironmentNames;
import io.jenkins.plugins.branchdeploy.engine.report.ChangeReport;
import io.jenkins.plugins.branchdeploy.engine.request.DeployRequest;
import io.jenkins.plugins.branchdeploy.engine.request.SecretEntry;
import io.jenkins.plugins.branchdeploy.engine.smoke.SmokeReport;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Deploys a branch with everything around it, and tears it down again; the Pipeline step and the
 * command line both go through here, so they behave alike. A deploy runs, in order:
 *
 * <ol>
 *   <li>the database branch, when asked for: its connection details become Secret
 *       {@value DatabaseBranch#SECRET_NAME}; the role keeps the password the Secret holds, so that
 *       a redeploy changes nothing;</li>
 *   <li>the deploy itself ({@link io.jenkins.plugins.branchdeploy.engine.cluster.EnvironmentDeploys#deploy});</li>
 *   <li>smoke tests against the live URL: a failing check that is not advisory fails the deploy and
 *       marks the environment failed with the reason; an advisory one only warns;</li>
 *   <li>the deploy appended to the environment's history (on its namespace, bounded);</li>
 *   <li>the change report versus main;</li>
 *   <li>the installation's metrics: deploys, failures, time to a live URL.</li>
 * </ol>
 *
 * A teardown, whoever asks for it (a build, a person, cleanup through {@link #cleanupActions}),
 * deletes the namespace, drops the database branch and counts the teardown under its cause.
 *
 * An unchanged redeploy whose smoke tests pass still writes nothing to the cluster: its history is
 * left as it was.
 */
public final class BranchDeployer {

    private final BranchEnvironments environments;
    private final MetricsStore metrics;
    private final DatabaseBranches databases;
    private final DeployBookkeeping bookkeeping;
    private final Clock clock;

    /** @param metrics where the installation's counters live, e.g. a {@code FileMetricsStore} */
    public BranchDeployer(BranchEnvironments environments, MetricsStore metrics) {
        this(environments, metrics, null, DeployHistory.DEFAULT_LIMIT, Clock.systemUTC());
    }

    private BranchDeployer(BranchEnvironments environments, MetricsStore metrics, DatabaseBranches databases,
            int historyLimit, Clock clock) {
        this.environments = Objects.requireNonNull(environments, "environments");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.databases = databases;
        this.bookkeeping = new DeployBookkeeping(environments, metrics, historyLimit);
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** With a database server: deploys may ask for a database branch, and teardowns drop it. */
    public BranchDeployer withDatabases(DatabaseBranches newDatabases) {
        return new BranchDeployer(environments, metrics, newDatabases, bookkeeping.historyLimit(), clock);
    }

    /** Keeping at most {@code limit} deploys in each environment's history. */
    public BranchDeployer withHistoryLimit(int limit) {
        DeployHistory.empty(limit); // refuses a limit below 1, naming the field
        return new BranchDeployer(environments, metrics, databases, limit, clock);
    }

    /** Reading the time of each deploy, for its history, from {@code newClock}. */
    public BranchDeployer withClock(Clock newClock) {
        return new BranchDeployer(environments, metrics, databases, bookkeeping.historyLimit(), newClock);
    }

    /**
     * Deploys a branch with the given options.
     *
     * @return the outcome; a failed deploy, smoke test or database branch is a {@code FAILED} deploy
     * @throws InvalidInputException for bad input, before anything is written
     * @throws InterruptedException when the smoke tests are interrupted, e.g. the build was aborted
     */
    public DeployOutcome deploy(DeployRequest request, DeployOptions options, ProgressListener progress)
            throws InterruptedException {
        Instant startedAt = clock.instant();
        BranchRef branch = request.branch();
        refuseDatabaseWithout(request, options);
        PreparedDeploy prepared = PreparedDeploy.of(environments.deploys(), request, options, progress); // refuses bad input before any write
        DeploySmokeTests.refuseWithoutUrl(prepared.url(), options, environments.names(branch));
        ChangeComparison comparison = new ChangeComparison(environments);
        ChangeBaseline baseline = options.baseline() != null ? options.baseline()
                : comparison.targetEnvironment(branch, progress).orElse(null);
        ChangeReport changes = baseline instanceof ChangeBaseline.Manifests
                ? comparison.compare(comparison.rendered(request), baseline, request, progress) : null;
        // an unchanged redeploy read the history with the record
        DeployHistory before = prepared.unchanged() != null ? bookkeeping.history(prepared.unchanged().history(), progress)
                : bookkeeping.history(branch, progress);

        Map<String, Duration> phases = new LinkedHashMap<>();
        DeployResult applied = apply(request, prepared, options, phases, progress);
        SmokeReport smoke = applied.succeeded() && !options.smokeChecks().isEmpty()
                ? DeploySmokeTests.run(applied, options, phases, progress) : null;
        DeployResult result = smoke != null && !smoke.passed()
                ? new DeployResult(applied.names(), applied.url(), EnvironmentStatus.FAILED,
                        markFailed(branch, DeploySmokeTests.failure(smoke), progress), false, applied.appliedResources(), phases)
                : new DeployResult(applied.names(), applied.url(), applied.status(), applied.failureReason(),
                        applied.unchanged(), applied.appliedResources(), phases);

        DeployHistory after = bookkeeping.recordDeploy(branch, before, startedAt, result, progress);
        bookkeeping.recordChangeDeploy(result.names().app(), branch, startedAt, clock.instant(), result.succeeded(), progress);
        if (baseline instanceof ChangeBaseline.Namespace || baseline instanceof ChangeBaseline.TargetEnvironment) {
            changes = liveChanges(comparison, request, baseline, progress);
        }
        if (options.drift() != null && options.drift().exceeded()) {
            progress.warn(options.drift().message());
        }
        String webhookUrl = environments.deploys().webhookUrl(request).orElse(null);
        if (changes != null) {
            changes = changes.withDrift(options.drift()).withWebhookUrl(webhookUrl);
        }
        return new DeployOutcome(result, smoke, changes, options.drift(), after, prepared.adjustments(), prepared.warnings(), webhookUrl);
    }

    /**
     * Applies the manifests, after the database branch when one is asked for; a database branch that
     * cannot be made is a failed deploy. Adds the phases' times to {@code phases}.
     */
    private DeployResult apply(DeployRequest request, PreparedDeploy prepared, DeployOptions options,
            Map<String, Duration> phases, ProgressListener progress) {
        if (prepared.unchanged() != null) {
            phases.putAll(prepared.unchanged().result().phases());
            return prepared.unchanged().result();
        }
        EnvironmentNames names = environments.names(request.branch());
        DeployResult result;
        try {
            DeployRequest withDatabase = options.database() == null ? request
                    : timed("database", phases, () -> withDatabase(request, names, options, progress));
            result = environments.deploys().deploy(withDatabase, prepared.shaped(), progress);
        } catch (DatabaseBranchException e) {
            progress.warn("Deploy of " + names.environment() + " failed: " + e.getMessage());
            result = new DeployResult(names, names.url(), EnvironmentStatus.FAILED, e.getMessage(), false, List.of(), Map.of());
        }
        phases.putAll(result.phases());
        return result;
    }

    /**
     * Tears a branch's environment down, and its database branch when this deployer has a database
     * server (what does not exist counts as dropped). A teardown that deleted a namespace is counted
     * under its cause. When the environments are {@linkplain BranchEnvironments#ownedBy scoped to a
     * project} and the namespace is absent, the database branch is kept: without the namespace's
     * owner, nothing proves that the database is this project's.
     *
     * @param cause why, for the metrics, e.g. {@link TeardownCause#MANUAL}
     */
    public TeardownOutcome teardown(BranchRef branch, TeardownCause cause, ProgressListener progress) {
        Objects.requireNonNull(cause, "cause");
        EnvironmentNames names = environments.names(branch);
        String databaseBranch = environments.inventory().find(branch).map(Environment::databaseBranch).orElse(null);
        TeardownOutcome outcome = environments.lifecycle().teardown(EnvironmentRef.of(branch), progress);
        if (outcome == TeardownOutcome.ABSENT && databases != null && environments.owner().isPresent()) {
            progress.info("Kept the database branch of " + names.environment() + ", if there is one: without its namespace, "
                    + "nothing shows it belongs to project " + environments.owner().get()
                    + "; a teardown from the command line drops it");
            return outcome;
        }
        return afterTeardown(outcome, names.app(), names.environment(), databaseBranch,
                branch.changeRequest().map(ChangeRequest::number).orElse(null), cause, progress);
    }

    /** As {@link #teardown(BranchRef, TeardownCause, ProgressListener)}, for an environment found by the inventory. */
    public TeardownOutcome teardown(Environment environment, TeardownCause cause, ProgressListener progress) {
        Objects.requireNonNull(cause, "cause");
        return afterTeardown(environments.lifecycle().teardown(EnvironmentRef.of(environment), progress), environment.app(),
                environment.environment(), environment.databaseBranch(), environment.change(), cause, progress);
    }

    /**
     * Cleanup's changes made through this deployer: its teardowns drop database branches and are
     * counted in the metrics like any other.
     *
     * @param progress where each step of each change is reported
     */
    public EnvironmentActions cleanupActions(ProgressListener progress) {
        return new DeployerActions(this, environments, progress);
    }

    /**
     * The database goes after the namespace, so that nothing is dropped for a namespace that is not
     * this installation's; a drop that fails is thrown after the teardown was counted. Without the
     * admin connection, a database branch the namespace recorded is named as left behind.
     *
     * @param databaseBranch the database branch the namespace recorded, or {@code null}
     * @param change the pull request's number, or {@code null}: a merge or close ends its review record
     */
    private TeardownOutcome afterTeardown(TeardownOutcome outcome, String app, String environment, String databaseBranch, Integer change,
            TeardownCause cause, ProgressListener progress) {
        if (outcome == TeardownOutcome.DELETED) {
            bookkeeping.recordTeardown(cause, progress);
        }
        if (change != null && (cause == TeardownCause.CHANGE_MERGED || cause == TeardownCause.CHANGE_CLOSED)) {
            bookkeeping.recordChangeEnd(app, change, cause == TeardownCause.CHANGE_MERGED, clock.instant(), progress);
        }
        if (databases != null) {
            databases.drop(app, environment, progress);
        } else if (databaseBranch != null) {
            progress.warn("Kept database branch " + databaseBranch + " of environment " + environment
                    + ": this teardown has no admin connection to its PostgreSQL server. Drop it with a teardown that has one, "
                    + "or on the server: DROP DATABASE \"" + databaseBranch + "\" WITH (FORCE) (or DROP SCHEMA \""
                    + databaseBranch + "\" CASCADE), then DROP ROLE \"" + databaseBranch + "\"");
        }
        return outcome;
    }

    /** The deploy history stored on a branch's environment; empty when there is none. */
    public DeployHistory history(BranchRef branch, ProgressListener progress) {
        return bookkeeping.history(environments.inventory().history(EnvironmentRef.of(branch), progress), progress);
    }

    /** The deploy history stored on an environment found by the inventory, e.g. for a page; empty when there is none. */
    public DeployHistory history(Environment environment, ProgressListener progress) {
        return bookkeeping.history(environments.inventory().history(EnvironmentRef.of(environment), progress), progress);
    }

    private DeployRequest withDatabase(DeployRequest request, EnvironmentNames names, DeployOptions options,
            ProgressListener progress) {
        String current = environments.inventory().secretValues(request.branch(), DatabaseBranch.SECRET_NAME, progress).get("PGPASSWORD");
        DatabaseBranch database = databases.provision(names, options.database(), current, progress);
        List<SecretEntry> secrets = new ArrayList<>(request.secrets());
        secrets.addAll(database.secretEntries());
        return request.withDatabaseBranch(database.name(), secrets);
    }

    private void refuseDatabaseWithout(DeployRequest request, DeployOptions options) {
        if (options.database() != null && databases == null) {
            throw new InvalidInputException(AdminConnection.FIELD, "a database branch needs the admin connection of a "
                    + "PostgreSQL server; give it, or deploy without a database");
        }
        if (options.database() != null
                && request.secrets().stream().anyMatch(s -> s.secretName().equals(DatabaseBranch.SECRET_NAME))) {
            throw new InvalidInputException("secrets", "Secret '" + DatabaseBranch.SECRET_NAME
                    + "' holds the database branch's connection details; give your secret another name");
        }
    }

    private ChangeReport liveChanges(ChangeComparison comparison, DeployRequest request, ChangeBaseline baseline,
            ProgressListener progress) {
        try {
            ChangeReport report = comparison.compare(comparison.live(request.branch(), progress), baseline, request, progress);
            progress.info(report.summary());
            return report;
        } catch (ClusterApiException e) {
            progress.warn("No change report: " + e.getMessage());
            return null;
        }
    }

    /** @return the reason, with a note when it could not be recorded on the namespace */
    private String markFailed(BranchRef branch, String reason, ProgressListener progress) {
        try {
            environments.deploys().markFailed(branch, reason, progress);
            return reason;
        } catch (ClusterApiException e) {
            return reason + "; recording the failure on the namespace failed too: " + e.getMessage();
        }
    }

    private static <T> T timed(String phase, Map<String, Duration> phases, Supplier<T> work) {
        long started = System.nanoTime();
        try {
            return work.get();
        } finally {
            phases.put(phase, Duration.ofNanos(System.nanoTime() - started));
        }
    }
}
