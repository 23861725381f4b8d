package io.jenkins.plugins.branchdeploy.steps;

import hudson.AbortException;
import hudson.EnvVars;
import hudson.FilePath;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.jenkins.plugins.branchdeploy.buildpage.BranchDeployAction;
import io.jenkins.plugins.branchdeploy.config.BranchDeployConfiguration;
import io.jenkins.plugins.branchdeploy.config.ClusterConfig;
import io.jenkins.plugins.branchdeploy.config.EffectiveSettings;
import io.jenkins.plugins.branchdeploy.engine.Durations;
import io.jenkins.plugins.branchdeploy.engine.InvalidInputException;
import io.jenkins.plugins.branchdeploy.engine.ProgressListener;
import io.jenkins.plugins.branchdeploy.engine.branch.BranchRef;
import io.jenkins.plugins.branchdeploy.engine.cluster.BranchEnvironments;
import io.jenkins.plugins.branchdeploy.engine.cluster.TeardownOutcome;
import io.jenkins.plugins.branchdeploy.engine.deploy.DeployRequest;
import io.jenkins.plugins.branchdeploy.engine.deploy.DeployResult;
import io.jenkins.plugins.branchdeploy.engine.deploy.SecretEntry;
import io.jenkins.plugins.branchdeploy.engine.naming.NamingPolicy;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The work behind {@code branchDeploy}/{@code branchTeardown} and their freestyle counterparts:
 * gathers the branch, the configuration, the secrets and the manifests of one build, hands them to
 * the engine, and records the outcome on the build. Bad input ends the build with an
 * {@link AbortException} that names the parameter.
 */
final class BranchDeployment {

    private final Run<?, ?> run;
    private final EnvVars env;
    private final ProgressListener progress;

    BranchDeployment(Run<?, ?> run, EnvVars env, TaskListener listener) {
        this.run = run;
        this.env = env;
        this.progress = new BuildLogProgress(listener);
    }

    /** Deploys; on failure records the outcome on the build, then fails. */
    DeployResult deploy(BranchDeployStep step, FilePath workspace) throws IOException, InterruptedException {
        if (step.getManifests() == null) {
            throw new AbortException("manifests: give the workspace directory that holds the Kubernetes YAML, e.g. manifests: 'k8s'");
        }
        try {
            EffectiveSettings settings = BranchDeployConfiguration.get().settingsFor(run.getParent());
            BranchRef branch = BuildBranch.of(step.getApp(), run.getParent(), env);
            ClusterConfig cluster = cluster(step.getCluster(), settings);
            NamingPolicy naming = step.getDomain() == null
                    ? settings.namingPolicy()
                    : new NamingPolicy(step.getDomain(), settings.namespaceTemplate(), settings.hostTemplate());
            Duration ttl = step.getTtl() == null ? settings.ttl() : Durations.parse("ttl", step.getTtl());
            Duration timeout = step.getTimeout() == null
                    ? DeployRequest.DEFAULT_TIMEOUT
                    : Durations.parse("timeout", step.getTimeout());
            List<SecretEntry> secrets = secrets(step.getSecrets(), branch, settings);
            reportNotYetApplied(step);
            try (WorkspaceManifests manifests = WorkspaceManifests.of(workspace, step.getManifests());
                    KubernetesClient client = cluster.connect(run)) {
                DeployRequest request = new DeployRequest(
                        branch,
                        manifests.path(),
                        Objects.requireNonNullElse(step.getVariables(), Map.of()),
                        secrets,
                        settings.quota().with("quota", step.getQuota()),
                        ttl,
                        timeout,
                        step.getSourceNamespace());
                progress.info("Deploying branch " + branch.branch() + " of " + branch.app() + " to cluster " + cluster.getName());
                DeployResult result = new BranchEnvironments(client, settings.installationId(), naming).deploy(request, progress);
                record(BranchDeployAction.of(result, branch.commit()));
                if (!result.succeeded()) {
                    throw new AbortException("Deploy of environment " + result.names().environment() + " failed: " + result.failureReason());
                }
                progress.info("Environment " + result.names().environment() + " is live at " + result.url());
                return result;
            }
        } catch (InvalidInputException e) {
            throw new AbortException(e.getMessage());
        }
    }

    /** Tears this branch's environment down; an absent environment is success. */
    TeardownOutcome teardown(BranchTeardownStep step) throws IOException, InterruptedException {
        try {
            EffectiveSettings settings = BranchDeployConfiguration.get().settingsFor(run.getParent());
            BranchRef branch = BuildBranch.of(step.getApp(), run.getParent(), env);
            ClusterConfig cluster = cluster(step.getCluster(), settings);
            try (KubernetesClient client = cluster.connect(run)) {
                BranchEnvironments environments = new BranchEnvironments(client, settings.installationId(), settings.namingPolicy());
                TeardownOutcome outcome = environments.teardown(branch, progress);
                String namespace = settings.namingPolicy().names(branch).namespace();
                progress.info(outcome == TeardownOutcome.DELETED
                        ? "Tore down environment " + namespace + " of branch " + branch.branch()
                        : "Branch " + branch.branch() + " has no environment " + namespace + ": nothing to tear down");
                return outcome;
            }
        } catch (InvalidInputException e) {
            throw new AbortException(e.getMessage());
        }
    }

    /** The step's cluster, else the project's; an unknown name is an InvalidInputException naming the field. */
    private static ClusterConfig cluster(String name, EffectiveSettings settings) {
        return name == null ? settings.cluster() : BranchDeployConfiguration.get().cluster(name);
    }

    /** Pull requests from forks get secrets only from forks the configuration trusts. */
    private List<SecretEntry> secrets(List<SecretBinding> bindings, BranchRef branch, EffectiveSettings settings)
            throws IOException {
        if (bindings.isEmpty()) {
            return List.of();
        }
        String fork = BuildBranch.fork(env);
        if (branch.change() != null && fork != null && !settings.trustFork(fork)) {
            progress.warn("Pull request #" + branch.change().number() + " comes from the fork " + fork
                    + ", which is not trusted: its environment gets none of the " + bindings.size()
                    + " secrets. Trust the fork in the Branch deployments configuration to change that.");
            return List.of();
        }
        return CredentialSecrets.resolve(bindings, run);
    }

    /** Parameters the step accepts ahead of the engine parts that will apply them. */
    private void reportNotYetApplied(BranchDeployStep step) {
        if (step.getDatabase() != null) {
            progress.warn("database: database branches are not available in this version; "
                    + step.getDatabase() + " was not created");
        }
        if (step.getSmokeTests() != null) {
            progress.warn("smokeTests: smoke tests are not run by this version; " + step.getSmokeTests() + " was not run");
        }
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
