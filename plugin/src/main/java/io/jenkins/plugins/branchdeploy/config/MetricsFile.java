package io.jenkins.plugins.branchdeploy.config;

import io.jenkins.plugins.branchdeploy.engine.history.FileMetricsStore;
import io.jenkins.plugins.branchdeploy.engine.history.MetricsStore;
import io.jenkins.plugins.branchdeploy.facade.JenkinsFacade;

/**
 * Where this Jenkins keeps its installation's counters: one file under {@code JENKINS_HOME}, shared
 * by builds, periodic cleanup, the Branch deployments page and the job listeners.
 */
public final class MetricsFile {

    private static final JenkinsFacade JENKINS = new JenkinsFacade();

    private MetricsFile() {}

    public static MetricsStore store() {
        return new FileMetricsStore(JENKINS.rootDir().resolve("branch-deploy").resolve("metrics.json"));
    }
}
