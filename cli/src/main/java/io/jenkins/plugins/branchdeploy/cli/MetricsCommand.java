package io.jenkins.plugins.branchdeploy.cli;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.jenkins.plugins.branchdeploy.engine.cluster.BranchEnvironments;
import io.jenkins.plugins.branchdeploy.engine.cluster.Environment;
import io.jenkins.plugins.branchdeploy.engine.history.InstallationMetrics;
import io.jenkins.plugins.branchdeploy.engine.history.MetricsJson;
import io.jenkins.plugins.branchdeploy.engine.history.PrometheusText;
import io.jenkins.plugins.branchdeploy.engine.naming.NamingPolicy;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code branch-deploy metrics}: how this installation is doing. */
@Command(name = "metrics", mixinStandardHelpOptions = true,
        description = "Prints this installation's metrics: environments by status (from the cluster); deploys, failures, "
                + "teardowns by cause and the median and 90th percentile time to a live URL (from the state directory).")
class MetricsCommand implements Callable<Integer> {

    /** The formats metrics come in. */
    enum Format { json, prometheus }

    @Spec
    CommandSpec spec;

    @Mixin
    ClusterOptions cluster;

    @Mixin
    StateOptions state;

    @Option(names = "--output", paramLabel = "FORMAT", defaultValue = "json",
            description = "json or prometheus (the text exposition format) (default: ${DEFAULT-VALUE}).")
    Format output;

    @Override
    public Integer call() {
        List<Environment> environments;
        try (KubernetesClient client = cluster.connect()) {
            environments = new BranchEnvironments(client, cluster.installation(), NamingPolicy.namespacesOnly(null)).inventory().all();
        }
        InstallationMetrics metrics = InstallationMetrics.of(environments, state.metrics().read());
        PrintWriter out = spec.commandLine().getOut();
        out.print(output == Format.prometheus ? PrometheusText.write(metrics) : MetricsJson.write(metrics));
        out.flush();
        return 0;
    }
}
