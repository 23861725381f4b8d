package io.jenkins.plugins.branchdeploy.engine.cluster;

import java.util.List;

/**
 * A redeploy given exactly the input of the environment's last successful deploy, decided from its
 * record without rendering ({@link EnvironmentDeploys#unchangedRedeploy}): it wrote nothing.
 *
 * @param result an unchanged, ready deploy with the recorded URL and resources
 * @param adjustments what the recorded deploy's rendering and shaping changed
 * @param warnings what the recorded deploy warned about
 * @param history the deploy history on the environment ({@link ClusterContract#HISTORY}), as stored and
 *        read with the record, or {@code null} when there is none
 */
public record UnchangedRedeploy(DeployResult result, List<String> adjustments, List<String> warnings, String history) {

    public UnchangedRedeploy {
        adjustments = List.copyOf(adjustments);
        warnings = List.copyOf(warnings);
    }
}
