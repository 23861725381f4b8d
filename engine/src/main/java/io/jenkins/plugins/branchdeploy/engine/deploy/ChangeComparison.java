package io.jenkins.plugins.branchdeploy.engine.deploy;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.jenkins.plugins.branchdeploy.engine.ProgressListener;
import io.jenkins.plugins.branchdeploy.engine.branch.BranchRef;
import io.jenkins.plugins.branchdeploy.engine.cluster.BranchEnvironments;
import io.jenkins.plugins.branchdeploy.engine.cluster.Environment;
import io.jenkins.plugins.branchdeploy.engine.cluster.ForeignNamespaceException;
import io.jenkins.plugins.branchdeploy.engine.manifest.RenderedManifest;
import io.jenkins.plugins.branchdeploy.engine.report.EnvironmentValues;
import io.jenkins.plugins.branchdeploy.engine.report.ChangeReport;
import io.jenkins.plugins.branchdeploy.engine.report.ChangeReporter;
import io.jenkins.plugins.branchdeploy.engine.report.Drift;
import io.jenkins.plugins.branchdeploy.engine.request.DeployRequest;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Gathers both sides of a change report: the branch's resources, live from its environment or
 * rendered from its manifests, and main's, live from a reference namespace or rendered from main's
 * manifests. Compare like with like: a live resource holds defaults the API server filled in.
 */
public final class ChangeComparison {

    private final BranchEnvironments environments;

    public ChangeComparison(BranchEnvironments environments) {
        this.environments = environments;
    }

    /** The branch's side as its environment holds it now; empty when it has no environment. */
    public List<HasMetadata> live(BranchRef branch, ProgressListener progress) {
        return environments.inventory().liveResources(branch, progress);
    }

    /** The branch's side as a deploy of {@code request} renders its manifests; needs no cluster. */
    public List<HasMetadata> rendered(DeployRequest request) {
        return resources(environments.deploys().render(request, request.manifests()));
    }

    /**
     * Compares the branch's side with the baseline.
     *
     * @param context the branch, variables and source namespace that main's manifests are rendered with
     * @throws io.jenkins.plugins.branchdeploy.engine.InvalidInputException when main's manifests do not render
     * @throws io.jenkins.plugins.branchdeploy.engine.cluster.ClusterApiException when the reference namespace cannot be read
     */
    public ChangeReport compare(List<HasMetadata> branchSide, ChangeBaseline baseline, DeployRequest context,
            ProgressListener progress) {
        if (baseline instanceof ChangeBaseline.TargetEnvironment target) {
            List<HasMetadata> main = environments.inventory().resourcesIn(target.namespace(), branchSide, progress);
            return ChangeReporter.compare(branchSide, ownValues(context.branch()), main, ownValues(target.target()),
                    baseline.describe());
        }
        List<HasMetadata> main = baseline instanceof ChangeBaseline.Namespace reference
                ? environments.inventory().resourcesIn(reference.namespace(), branchSide, progress)
                : resources(environments.deploys().render(context, ((ChangeBaseline.Manifests) baseline).directory()));
        return ChangeReporter.compare(branchSide, main, baseline.describe());
    }

    /**
     * The baseline when none is given: the same app's environment of the branch's target ({@code main}
     * unless a pull request names another), when there is one and it is not the branch's own.
     */
    public Optional<ChangeBaseline> targetEnvironment(BranchRef branch, ProgressListener progress) {
        String target = Drift.target(branch, null);
        BranchRef targetRef = BranchRef.of(branch.app(), target);
        String namespace = environments.names(targetRef).namespace();
        if (namespace.equals(environments.names(branch).namespace())) {
            return Optional.empty();
        }
        try {
            return environments.inventory().find(targetRef).map(e -> new ChangeBaseline.TargetEnvironment(targetRef, e.namespace()));
        } catch (ForeignNamespaceException e) {
            progress.info("No change report versus " + target + ": " + e.getMessage());
            return Optional.empty();
        }
    }

    /**
     * A branch's own values as its environment records them (its live URL and host, whatever domain
     * this comparison names hosts with), else as a deploy would name them.
     */
    private EnvironmentValues ownValues(BranchRef branch) {
        Optional<Environment> live = environments.inventory().find(branch);
        if (live.isEmpty() || live.get().url() == null) {
            return EnvironmentValues.of(branch, environments.names(branch));
        }
        Environment environment = live.get();
        Map<String, String> values = new HashMap<>();
        values.put("URL", environment.url());
        values.put("HOST", URI.create(environment.url()).getHost());
        values.put("BRANCH", environment.branch());
        values.put("ENVIRONMENT", environment.environment());
        values.put("NAMESPACE", environment.namespace());
        return EnvironmentValues.of(values);
    }

    private static List<HasMetadata> resources(List<RenderedManifest> manifests) {
        return manifests.stream().map(RenderedManifest::resource).toList();
    }
}
