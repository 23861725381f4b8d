package io.jenkins.plugins.branchdeploy.cli.sandbox;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.jenkins.plugins.branchdeploy.engine.ProgressListener;
import io.jenkins.plugins.branchdeploy.engine.branch.BranchRef;
import io.jenkins.plugins.branchdeploy.engine.cluster.BranchEnvironments;
import io.jenkins.plugins.branchdeploy.engine.cluster.DeployResult;
import io.jenkins.plugins.branchdeploy.engine.manifest.ManifestRenderer;
import io.jenkins.plugins.branchdeploy.engine.manifest.ManifestVariables;
import io.jenkins.plugins.branchdeploy.engine.manifest.RenderedManifest;
import io.jenkins.plugins.branchdeploy.engine.naming.EnvironmentNames;
import io.jenkins.plugins.branchdeploy.engine.report.EnvironmentValues;
import io.jenkins.plugins.branchdeploy.engine.naming.NamingPolicy;
import io.jenkins.plugins.branchdeploy.engine.request.DeployRequest;
import io.jenkins.plugins.branchdeploy.engine.request.ManifestSource;
import io.jenkins.plugins.branchdeploy.engine.request.SecretEntry;
import io.jenkins.plugins.branchdeploy.engine.request.SourceOptions;
import io.jenkins.plugins.branchdeploy.sandbox.SandboxCluster;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the steps of the sandbox walk-through share: the sandbox cluster, this installation's
 * environments on it, the example shop's manifests, what was deployed so far, and the terminal.
 */
public final class SandboxTour {

    public static final String INSTALLATION = "sandbox";
    public static final String DOMAIN = "preview.example.dev";

    private static final String INDENT = "      ";
    /** The simulated controller marks workloads ready at once; a minute is plenty even on a busy machine. */
    private static final Duration ROLLOUT_TIMEOUT = Duration.ofMinutes(1);

    private final SandboxCluster cluster;
    private final BranchEnvironments environments;
    private final NamingPolicy naming = NamingPolicy.withDefaults(DOMAIN);
    private final Path manifests;
    private final Path chart;
    private final PrintWriter out;
    /** The shop's database password: made up for this run, stored only as a Secret in the sandbox. */
    private final SecretEntry databasePassword;
    private final Map<ExampleBranch, DeployResult> deployed = new LinkedHashMap<>();

    /**
     * @param manifests the example shop's manifests
     * @param chart the example Helm chart
     */
    public SandboxTour(SandboxCluster cluster, BranchEnvironments environments, Path manifests, Path chart, PrintWriter out) {
        this.cluster = cluster;
        this.environments = environments;
        this.manifests = manifests;
        this.chart = chart;
        this.out = out;
        byte[] random = new byte[16];
        new SecureRandom().nextBytes(random);
        this.databasePassword = new SecretEntry("shop-db", "password", HexFormat.of().formatHex(random));
    }

    public SandboxCluster cluster() {
        return cluster;
    }

    public BranchEnvironments environments() {
        return environments;
    }

    public EnvironmentNames names(ExampleBranch branch) {
        return naming.names(branch.ref());
    }

    /**
     * Deploys a branch of the example shop and remembers the result.
     *
     * @throws IllegalStateException when the deploy fails
     */
    public DeployResult deploy(ExampleBranch branch) {
        DeployResult result = environments.deploys().deploy(request(branch), progress());
        if (!result.succeeded()) {
            throw new IllegalStateException("the deploy of " + branch.describe() + " failed: " + result.failureReason());
        }
        deployed.put(branch, result);
        return result;
    }

    /**
     * Deploys a branch of the example Helm chart with its host set to the environment's and runs its Helm tests.
     *
     * @throws IllegalStateException when the deploy fails
     */
    public DeployResult deployChart(BranchRef branch) {
        Map<String, String> set = Map.of("host", naming.names(branch).host());
        DeployRequest request = DeployRequest.builder(branch, chart).timeout(ROLLOUT_TIMEOUT)
                .source(new SourceOptions(ManifestSource.HELM, List.of(), set, true)).build();
        DeployResult result = environments.deploys().deploy(request, progress());
        if (!result.succeeded()) {
            throw new IllegalStateException("the deploy of the example chart failed: " + result.failureReason());
        }
        return result;
    }

    /** What each deploy so far resulted in, in the order they ran (a redeploy replaces the earlier result). */
    public Map<ExampleBranch, DeployResult> deployed() {
        return Collections.unmodifiableMap(deployed);
    }

    /** A branch's manifests as its deploy renders them, without a cluster. */
    public List<HasMetadata> render(ExampleBranch branch) {
        return environments.deploys().render(request(branch), manifests).stream().map(RenderedManifest::resource).toList();
    }

    private DeployRequest request(ExampleBranch branch) {
        return DeployRequest.builder(branch.ref(), manifests).variables(branch.variables())
                .secrets(List.of(databasePassword)).timeout(ROLLOUT_TIMEOUT).build();
    }

    /** The values a branch's environment has its own of, as its manifests' placeholders carry them. */
    public EnvironmentValues ownValues(ExampleBranch branch) {
        return EnvironmentValues.of(branch.ref(), names(branch));
    }

    /** Shows a line of a step's result, indented under the step's title. */
    public void show(String line) {
        out.println(INDENT + line);
        out.flush();
    }

    /** The engine's progress messages, shown as the step's lines. */
    public ProgressListener progress() {
        return message -> show("| " + message);
    }
}
