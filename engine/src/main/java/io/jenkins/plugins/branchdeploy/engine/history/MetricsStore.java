package io.jenkins.plugins.branchdeploy.engine.history;

import io.jenkins.plugins.branchdeploy.engine.lifecycle.TeardownCause;
import java.time.Duration;
import java.util.function.UnaryOperator;

/**
 * Where an installation keeps its {@link InstallationCounters} across deploys, teardowns and
 * restarts: Jenkins under {@code JENKINS_HOME}, the command line under its state directory (see
 * {@link FileMetricsStore}).
 */
public interface MetricsStore {

    /** The counters as last stored; {@link InstallationCounters#NONE} before anything was counted. */
    InstallationCounters read();

    /** Applies {@code change} to the stored counters and stores the result, as one step. */
    InstallationCounters update(UnaryOperator<InstallationCounters> change);

    default void recordDeploy(boolean ok) {
        update(counters -> counters.withDeploy(ok));
    }

    default void recordTeardown(TeardownCause cause) {
        update(counters -> counters.withTeardown(cause));
    }

    default void recordTimeToLiveUrl(Duration took) {
        update(counters -> counters.withTimeToLiveUrl(took));
    }

    /** Applies {@code change} to the pull requests kept for the review metrics. */
    default void recordChanges(UnaryOperator<ChangeLedger> change) {
        update(counters -> counters.withChanges(change));
    }
}
