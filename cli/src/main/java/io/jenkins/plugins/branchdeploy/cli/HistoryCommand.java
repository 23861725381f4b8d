package io.jenkins.plugins.branchdeploy.cli;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.jenkins.plugins.branchdeploy.engine.ProgressListener;
import io.jenkins.plugins.branchdeploy.engine.branch.BranchRef;
import io.jenkins.plugins.branchdeploy.engine.cluster.BranchEnvironments;
import io.jenkins.plugins.branchdeploy.engine.cluster.EnvironmentRef;
import io.jenkins.plugins.branchdeploy.engine.history.DeployHistory;
import io.jenkins.plugins.branchdeploy.engine.history.DeployHistoryJson;
import io.jenkins.plugins.branchdeploy.engine.history.DeployRecord;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code branch-deploy history}: the last deploys of a branch's environment, newest first. */
@Command(name = "history", mixinStandardHelpOptions = true,
        description = "Prints the deploy history stored on a branch's environment, newest first: commit, time, result, URL and phase timings.")
class HistoryCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ClusterOptions cluster;

    @Mixin
    BranchOptions target;

    @Mixin
    OutputOption output;

    @Override
    public Integer call() {
        BranchRef branch = target.branchRef(null);
        String stored;
        try (KubernetesClient client = cluster.connect()) {
            stored = new BranchEnvironments(client, cluster.installation(), target.namespacesOnly())
                    .inventory().history(EnvironmentRef.of(branch), ProgressListener.SILENT);
        }
        DeployHistory history = DeployHistoryJson.read(stored, DeployHistory.DEFAULT_LIMIT);
        PrintWriter out = spec.commandLine().getOut();
        if (output.format() == OutputFormat.json) {
            out.println(Json.write(ReviewJson.history(history)));
        } else if (history.entries().isEmpty()) {
            out.println("No deploys recorded for branch " + branch.branch() + " of " + branch.app());
        } else {
            history.entries().forEach(deploy -> out.println(line(deploy)));
        }
        out.flush();
        return 0;
    }

    /** {@code 2026-03-01T10:00:00Z  4f2a9c1  ready   https://...  (namespace 0.1s, apply 0.4s, ...)}. */
    private static String line(DeployRecord deploy) {
        String phases = deploy.phases().entrySet().stream()
                .map(e -> e.getKey() + " " + String.format(Locale.ROOT, "%.1fs", e.getValue().toMillis() / 1000.0))
                .collect(Collectors.joining(", "));
        String result = deploy.ok() ? "ready   " + Objects.toString(deploy.url(), "-") : "failed  " + deploy.reason();
        return deploy.at() + "  " + Objects.toString(deploy.commit(), "-") + "  " + result + "  (" + phases + ")";
    }
}
