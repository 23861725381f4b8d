package io.jenkins.plugins.branchdeploy.steps;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.AbortException;
import hudson.EnvVars;
import hudson.FilePath;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.jenkins.plugins.branchdeploy.buildpage.BranchDeployAction;
import io.jenkins.plugins.branchdeploy.config.ClusterConfig;
import io.jenkins.plugins.branchdeploy.config.EffectiveSettings;
import io.jenkins.plugins.branchdeploy.config.MetricsFile;
import io.jenkins.plugins.branchdeploy.config.SettingsResolver;
import io.jenkins.plugins.branchdeploy.engine.ProgressListener;
import io.jenkins.plugins.branchdeploy.engine.RefusedException;
import io.jenkins.plugins.branchdeploy.engine.branch.BranchRef;
import io.jenkins.plugins.branchdeploy.engine.cluster.BranchEnvironments;
import io.jenkins.plugins.branchdeploy.engine.cluster.DeployResult;
import io.jenkins.plugins.branchdeploy.engine.cluster.TeardownOutcome;
import io.jenkins.plugins.branchdeploy.engine.database.AdminConnection;
import io.jenkins.plugins.branchdeploy.engine.database.DatabaseBranches;
import io.jenkins.plugins.branchdeploy.engine.database.DatabaseStrategy;
import io.jenkins.plugins.branchdeploy.engine.deploy.BranchDeployer;
import io.jenkins.plugins.branchdeploy.engine.deploy.DeployCheck;
import io.jenkins.plugins.branchdeploy.engine.deploy.DeployInput;
import io.jenkins.plugins.branchdeploy.engine.deploy.DeployOutcome;
import io.jenkins.plugins.branchdeploy.engine.lifecycle.TeardownCause;
import io.jenkins.plugins.branchdeploy.engine.naming.NamingPolicy;
import io.jenkins.plugins.branchdeploy.engine.report.Drift;
import io.jenkins.plugins.branchdeploy.engine.request.ManifestSource;
import io.jenkins.plugins.branchdeploy.engine.request.SecretEntry;
import io.jenkins.plugins.branchdeploy.engine.request.SourceOptions;
import io.jenkins.plugins.branchdeploy.multibranch.BranchJobs;
import io.jenkins.plugins.branchdeploy.multibranch.ChangeOrigin;
import io.jenkins.plugins.branchdeploy.overview.ReviewLinkAction;
import io.jenkins.plugins.branchdeploy.overview.WebhookRouteAction;
import io.jenkins.plugins.branchdeploy.review.BranchDeploymentCheck;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;

/**
 * The work behind {@code branchDeploy}/{@code branchTeardown} and their freestyle counterparts:
 * gathers the branch, the configuration, the secrets, the manifests, the smoke file and the database
 * credential of one build, hands them to the engine's {@link BranchDeployer}, and records the outcome
 * on the build. Bad input, refused namespaces and API failures end the build with an
 * {@link AbortException} carrying the engine's message (it names the parameter or the resource and
 * never a secret), not a stack trace. A build acts only on its project's environments
 * ({@link BranchJobs#owner}): another project's environment fails the step.
 */
final class BuildDeployer {

    private final Run<?, ?> run;
    private final EnvVars env;
    private final TaskListener listener;
    private final ProgressListener progress;

    BuildDeployer(Run<?, ?> run, EnvVars env, TaskListener listener) {
        this.run = run;
        this.env = env;
        this.listener = listener;
        this.progress = new BuildLogProgress(listener);
    }

    /**
     * Deploys: resolves the settings, cluster and naming, what the branch is trusted with and the
     * workspace files, then its {@link #input}, {@link #deployOn deploys} and {@link #recorded records}
     * the outcome on the build; a failed deploy then fails the build.
     *
     * @return the deploy, or {@code null} when the branch filter leaves this branch out (the log says so)
     */
    @CheckForNull
    DeployResult deploy(BranchDeployStep step, FilePath workspace) throws IOException, InterruptedException {
        if (step.getManifests() == null) {
            throw new AbortException("manifests: give the workspace directory that holds the Kubernetes YAML, e.g. manifests: 'k8s'");
        }
        try {
            EffectiveSettings settings = SettingsResolver.get().settingsFor(run.getParent());
            BranchRef branch = BuildBranch.of(step.getApp(), run.getParent(), env);
            if (!settings.deploys(branch.branch())) {
                progress.info("Not deploying branch " + branch.branch() + ": the branch filter of the Branch deployments"
                        + " configuration leaves it out");
                return null;
            }
            ClusterConfig cluster = cluster(step.getCluster(), settings);
            NamingPolicy naming = naming(step, settings);
            boolean trusted = trusted(settings, step);
            List<SecretEntry> secrets = trusted ? CredentialSecrets.resolve(step.getSecrets(), run) : List.of();
            DatabaseOptions database = trusted ? step.getDatabase() : null;
            ManifestSource source = ManifestSource.named(step.getSource());
            try (WorkspaceManifests manifests = WorkspaceManifests.manifests(workspace, step.getManifests(), source);
                    WorkspaceValues values = WorkspaceValues.of(workspace, step.getValues());
                    WorkspaceManifests smokeFile = WorkspaceManifests.optional(workspace, "smokeTests", step.getSmokeTests());
                    WorkspaceManifests schemaScript = WorkspaceManifests.optional(workspace, "database", schemaScript(database))) {
                DeployInput input = input(step, branch, settings, secrets, manifests.path(),
                        new SourceOptions(source, values.paths(), Objects.requireNonNullElse(step.getSet(), Map.of()), step.isHelmTests()),
                        smokeFile.path(), strategy(database, schemaScript), commitsBehind(step, branch, workspace));
                if (branch.change() != null) {
                    ChangeOpening.apply(input, run.getParent(), step.getChangeOpenedAt());
                }
                progress.info("Deploying branch " + branch.branch() + " of " + branch.app() + " to cluster " + cluster.getName());
                PullRequestCheck check = new PullRequestCheck(run, listener, step, cluster.getName(), naming.names(branch));
                check.deploying();
                DeployOutcome outcome = deployOn(cluster, settings.installationId(), naming, database, input, check);
                String namespace = outcome.deploy().names().namespace();
                return recorded(outcome, branch, ReviewLinkAction.url(run.getParent(), cluster.getName(), namespace),
                        WebhookRouteAction.url(run.getParent(), cluster.getName(), namespace));
            }
        } catch (RefusedException e) {
            throw new AbortException(e.getMessage());
        }
    }

    /** The step's domain under the project's templates, else the project's naming. */
    private static NamingPolicy naming(BranchDeployStep step, EffectiveSettings settings) {
        return step.getDomain() == null
                ? settings.namingPolicy()
                : new NamingPolicy(step.getDomain(), settings.namespaceTemplate(), settings.hostTemplate());
    }

    /** What the step's parameters say, as typed, over the project's settings. */
    private DeployInput input(BranchDeployStep step, BranchRef branch, EffectiveSettings settings, List<SecretEntry> secrets,
            Path manifests, SourceOptions source, Path smokeTests, DatabaseStrategy database, Integer commitsBehind) {
        return new DeployInput(branch, manifests)
                .variables(step.getVariables())
                .secrets(secrets)
                .quota(settings.quota(), step.getQuota())
                .ttl(settings.ttl(), step.getTtl())
                .timeout(step.getTimeout())
                .sourceNamespace(step.getSourceNamespace())
                .source(source)
                .expose(step.getExpose(), step.getRouteVia(), settings.ingressClass(), settings.tlsSecret())
                .webhooks(step.getWebhooks(), settings.webhookHostTemplate(), settings.webhookIngressAnnotations())
                .keepLoadBalancers(step.isKeepLoadBalancers())
                .applyWith(settings.applyWith(step.getApplyWith()), settings.argoCd(step.getApplyWith(), step.getArgoCd()),
                        step.getManifests(), step.getValues())
                .networkPolicy(step.isNetworkPolicy(), settings.allowFromNamespaces())
                .database(database)
                .smokeTests(smokeTests)
                .baseline(step.getBaselineNamespace(), null)
                .drift(commitsBehind, step.getDriftThreshold(), null)
                .deployedBy(run.getExternalizableId());
    }

    /** The step's {@code commitsBehind}, else counted in the workspace's Git checkout; {@code null} when neither is known. */
    private Integer commitsBehind(BranchDeployStep step, BranchRef branch, FilePath workspace) throws InterruptedException {
        return step.getCommitsBehind() != null ? step.getCommitsBehind()
                : WorkspaceDrift.commitsBehind(workspace, Drift.target(branch, null), listener, env);
    }

    /** Connects to the cluster and deploys there, as this build's project; the check follows the deploy. */
    private DeployOutcome deployOn(ClusterConfig cluster, String installation, NamingPolicy naming, DatabaseOptions database,
            DeployInput input, PullRequestCheck check) throws IOException, InterruptedException {
        try (KubernetesClient client = cluster.connect(run)) {
            BranchEnvironments environments = environments(client, installation, naming);
            BranchDeployer deployer = new BranchDeployer(environments, MetricsFile.store()).withDatabases(databases(database));
            DeployOutcome outcome = deployer.deploy(input.request(), input.options(), progress);
            check.deployed(outcome, environments, input.request().branch());
            return outcome;
        }
    }

    /** Records the outcome on the build; a failed deploy then fails the build. */
    private DeployResult recorded(DeployOutcome outcome, BranchRef branch, String reviewLink, String sendWebhooksHere)
            throws AbortException {
        DeployResult result = outcome.deploy();
        record(BranchDeployAction.of(outcome, branch.commit()).withReviewLink(reviewLink).withSendWebhooksHere(sendWebhooksHere));
        if (!result.succeeded()) {
            throw new AbortException("Deploy of environment " + result.names().environment() + " failed: " + result.failureReason());
        }
        if (result.url() != null) {
            progress.info("Environment " + result.names().environment() + " is live at " + result.url());
        }
        return result;
    }

    /**
     * Tears this branch's environment down, and its database branch: with the step's admin credential,
     * else with the global one when configured. An absent environment is success.
     */
    TeardownOutcome teardown(BranchTeardownStep step) throws IOException, InterruptedException {
        try {
            EffectiveSettings settings = SettingsResolver.get().settingsFor(run.getParent());
            BranchRef branch = BuildBranch.of(step.getApp(), run.getParent(), env);
            ClusterConfig cluster = cluster(step.getCluster(), settings);
            try (KubernetesClient client = cluster.connect(run)) {
                BranchDeployer deployer = new BranchDeployer(
                        environments(client, settings.installationId(), settings.namingPolicy()), MetricsFile.store())
                        .withDatabases(step.getDatabase() == null
                                ? SettingsResolver.get().databaseBranches()
                                : databases(step.getDatabase()));
                TeardownOutcome outcome = deployer.teardown(branch, TeardownCause.PIPELINE, progress);
                String namespace = settings.namingPolicy().names(branch).namespace();
                if (outcome == TeardownOutcome.DELETED) {
                    new BranchDeploymentCheck(step.getCheckName()).completed(run, listener,
                            DeployCheck.tornDown(namespace, "the pipeline tore it down"), null);
                }
                progress.info(switch (outcome) {
                    case DELETED -> "Tore down environment " + namespace + " of branch " + branch.branch();
                    case DELETING -> "Environment " + namespace + " of branch " + branch.branch()
                            + " is still being deleted by an earlier teardown";
                    case ABSENT -> "Branch " + branch.branch() + " has no environment " + namespace + ": nothing to tear down";
                });
                return outcome;
            }
        } catch (RefusedException e) {
            throw new AbortException(e.getMessage());
        }
    }

    /** The environments of the installation as this build's project may change them. */
    private BranchEnvironments environments(KubernetesClient client, String installation, NamingPolicy naming) {
        return new BranchEnvironments(client, installation, naming).ownedBy(BranchJobs.owner(run.getParent()));
    }

    /** The step's cluster, else the project's; an unknown name is an InvalidInputException naming the field. */
    private static ClusterConfig cluster(String name, EffectiveSettings settings) {
        return name == null ? settings.cluster() : SettingsResolver.get().cluster(name);
    }

    /**
     * Pull requests from forks get secrets and database branches only from forks the configuration
     * trusts, and none the source control system distrusts: judged by where the job's source says
     * the change comes from, never by the build's environment.
     */
    private boolean trusted(EffectiveSettings settings, BranchDeployStep step) throws IOException, InterruptedException {
        ChangeOrigin origin = ChangeOrigin.of(run, listener);
        if (origin.allowSecrets(settings.trustedForks())) {
            return true;
        }
        if (!step.getSecrets().isEmpty() || step.getDatabase() != null) {
            String why = origin.distrustedBySource()
                    ? "which its source control does not trust"
                    : "from the fork " + origin.fork() + ", which is not trusted";
            progress.warn("This pull request comes " + (origin.distrustedBySource() ? "from a contributor " : "") + why
                    + ": its environment gets none of the " + step.getSecrets().size() + " secrets and no database branch."
                    + " Trust the fork in the Branch deployments configuration, or its author in the source's configuration,"
                    + " to change that.");
        }
        return false;
    }

    /** A schema script is a workspace file; a template's seed is a database name. */
    private static String schemaScript(DatabaseOptions database) {
        if (database == null || database.getStrategy() == null) {
            return null;
        }
        return DatabaseStrategy.parse(database.getStrategy()) instanceof DatabaseStrategy.Schema schema ? schema.script().toString() : null;
    }

    private static DatabaseStrategy strategy(DatabaseOptions database, WorkspaceManifests schemaScript) {
        if (database == null) {
            return null;
        }
        return schemaScript.path() != null ? new DatabaseStrategy.Schema(schemaScript.path()) : DatabaseStrategy.parse(database.getStrategy());
    }

    /** The database server the step's admin credential (secret text holding the URL) reaches, or {@code null}. */
    private DatabaseBranches databases(DatabaseOptions database) throws IOException {
        if (database == null) {
            return null;
        }
        String id = database.getCredentialsId();
        if (id == null) {
            throw new AbortException("database: give credentialsId, the secret text credential holding the admin connection URL");
        }
        StringCredentials admin = CredentialsProvider.findCredentialById(id, StringCredentials.class, run);
        if (admin == null) {
            throw new AbortException("database: no secret text credential with id '" + id + "' is available to this build");
        }
        CredentialsProvider.track(run, admin);
        return new DatabaseBranches(AdminConnection.parse(admin.getSecret().getPlainText()));
    }

    /** One action per environment on a build: a second deploy of it in the same build replaces the first. */
    private void record(BranchDeployAction action) {
        for (BranchDeployAction earlier : run.getActions(BranchDeployAction.class)) {
            if (earlier.getNamespace().equals(action.getNamespace())) {
                run.removeAction(earlier);
            }
        }
        run.addAction(action);
    }
}
