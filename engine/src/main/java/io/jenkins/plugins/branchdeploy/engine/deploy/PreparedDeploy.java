package io.jenkins.plugins.branchdeploy.engine.deploy;

import io.jenkins.plugins.branchdeploy.engine.ProgressListener;
import io.jenkins.plugins.branchdeploy.engine.cluster.EnvironmentDeploys;
import io.jenkins.plugins.branchdeploy.engine.cluster.UnchangedRedeploy;
import io.jenkins.plugins.branchdeploy.engine.request.DeployRequest;
import io.jenkins.plugins.branchdeploy.engine.shaping.ShapedManifests;
import java.util.List;

/**
 * What a deploy applies, found before anything is written: the manifests rendered and shaped, or,
 * for a redeploy given exactly the input of the last one, the environment's record of that deploy,
 * with nothing to render or apply. One of the two is {@code null}.
 */
record PreparedDeploy(ShapedManifests shaped, UnchangedRedeploy unchanged) {

    /** @throws io.jenkins.plugins.branchdeploy.engine.InvalidInputException for bad input */
    static PreparedDeploy of(EnvironmentDeploys deploys, DeployRequest request, DeployOptions options, ProgressListener progress) {
        // a database branch is provisioned, and its Secret compared, on every deploy
        UnchangedRedeploy unchanged = options.database() == null ? deploys.unchangedRedeploy(request, progress).orElse(null) : null;
        return unchanged != null ? new PreparedDeploy(null, unchanged) : new PreparedDeploy(deploys.prepare(request), null);
    }

    /** The URL the deploy gives the environment, or {@code null} when nothing routes to it. */
    String url() {
        return unchanged != null ? unchanged.result().url() : shaped.url();
    }

    List<String> adjustments() {
        return unchanged != null ? unchanged.adjustments() : shaped.adjustments();
    }

    List<String> warnings() {
        return unchanged != null ? unchanged.warnings() : shaped.warnings();
    }
}
