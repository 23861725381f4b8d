package io.jenkins.plugins.branchdeploy.engine.cluster;

import io.jenkins.plugins.branchdeploy.engine.naming.EnvironmentNames;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one deploy did.
 *
 * @param names every name of the environment (namespace, host...)
 * @param url the live URL: from the Ingress when there is one, else {@code names.url()}
 * @param status {@link EnvironmentStatus#READY} or {@link EnvironmentStatus#FAILED}
 * @param failureReason why the deploy failed, or {@code null} when it succeeded
 * @param unchanged whether this was a redeploy of identical manifests and secrets that wrote nothing
 * @param appliedResources every resource in the namespace the deploy applied, as {@code Kind/name}, sorted
 * @param phases how long each phase took, in the order they ran (e.g. namespace, apply, prune, rollout)
 */
public record DeployResult(
        EnvironmentNames names,
        String url,
        EnvironmentStatus status,
        String failureReason,
        boolean unchanged,
        List<String> appliedResources,
        Map<String, Duration> phases) {

    public DeployResult {
        appliedResources = List.copyOf(appliedResources);
        phases = Collections.unmodifiableMap(new LinkedHashMap<>(phases));
    }

    public boolean succeeded() {
        return status == EnvironmentStatus.READY;
    }
}
