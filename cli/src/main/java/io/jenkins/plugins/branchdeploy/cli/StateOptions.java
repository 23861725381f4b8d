package io.jenkins.plugins.branchdeploy.cli;

import io.jenkins.plugins.branchdeploy.engine.history.FileMetricsStore;
import io.jenkins.plugins.branchdeploy.engine.history.MetricsStore;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Where the command line keeps what outlives one run: the installation's metrics. */
public class StateOptions {

    public static final String METRICS_FILE = "metrics.json";

    @Option(names = "--state-dir", paramLabel = "DIR", defaultValue = "${sys:user.home}/.branch-deploy",
            description = "Where the installation's metrics are kept, in " + METRICS_FILE + " (default: ${DEFAULT-VALUE}).")
    Path stateDir;

    public MetricsStore metrics() {
        return new FileMetricsStore(stateDir.resolve(METRICS_FILE));
    }
}
