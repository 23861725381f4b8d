package io.jenkins.plugins.branchdeploy.engine.variant;

import io.jenkins.plugins.branchdeploy.engine.cluster.DeployResult;
import io.jenkins.plugins.branchdeploy.engine.cluster.Environment;
import io.jenkins.plugins.branchdeploy.engine.naming.EnvironmentNames;
import java.time.Instant;

/**
 * What creating a variant did. Never holds a secret value.
 *
 * @param source the environment it was copied from
 * @param expiresAt when its time to live runs out
 * @param deploy the deploy of the copy: its status, URL (the link to share), phases
 */
public record VariantResult(EnvironmentNames names, Environment source, String createdBy, Instant expiresAt, DeployResult deploy) {

    public boolean succeeded() {
        return deploy.succeeded();
    }

    /** The link to share: the URL something routes to, else the variant's host's. */
    public String url() {
        return deploy.url();
    }
}
