package io.jenkins.plugins.branchdeploy.engine.lifecycle;

import io.jenkins.plugins.branchdeploy.engine.cluster.Environment;
import java.time.Instant;

/** When an environment was last deployed, as its namespace records it. */
final class LastDeploy {

    private LastDeploy() {}

    /** {@code deployed-at}, else {@code created-at}, else {@code null} (unknown). */
    static Instant of(Environment environment) {
        return environment.deployedAt() != null ? environment.deployedAt() : environment.createdAt();
    }
}
