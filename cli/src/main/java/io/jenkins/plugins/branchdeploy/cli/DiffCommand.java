package io.jenkins.plugins.branchdeploy.cli;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.jenkins.plugins.branchdeploy.engine.InvalidInputException;
import io.jenkins.plugins.branchdeploy.engine.ProgressListener;
import io.jenkins.plugins.branchdeploy.engine.branch.BranchRef;
import io.jenkins.plugins.branchdeploy.engine.cluster.BranchEnvironments;
import io.jenkins.plugins.branchdeploy.engine.deploy.ChangeBaseline;
import io.jenkins.plugins.branchdeploy.engine.deploy.ChangeComparison;
import io.jenkins.plugins.branchdeploy.engine.report.ChangeReport;
import io.jenkins.plugins.branchdeploy.engine.report.Drift;
import io.jenkins.plugins.branchdeploy.engine.report.ChangeReportHtml;
import io.jenkins.plugins.branchdeploy.engine.report.ChangeReportText;
import io.jenkins.plugins.branchdeploy.engine.request.DeployRequest;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code branch-deploy diff}: what a branch's environment changes versus main. */
@Command(name = "diff", mixinStandardHelpOptions = true,
        description = "Reports which resources a branch's environment adds, removes or changes versus main, and which fields: "
                + "images, replicas, env var names, resources, ports, ConfigMap and Secret keys (never values).")
class DiffCommand implements Callable<Integer> {

    /** The formats a change report comes in. */
    enum Format { json, text, html }

    @Spec
    CommandSpec spec;

    @Mixin
    ClusterOptions cluster;

    @Mixin
    BranchOptions target;

    @Mixin
    BaselineOptions baseline;

    @Mixin
    DriftOptions drift;

    @Option(names = "--manifests", paramLabel = "PATH",
            description = "Compare the branch's manifests at PATH (plain YAML, a Helm chart or a Kustomize overlay), rendered, "
                    + "instead of its live environment; "
                    + "pairs with --baseline-manifests (like with like).")
    Path manifests;

    @Mixin
    RenderOptions render;

    @Option(names = "--domain", paramLabel = "DOMAIN", defaultValue = NameCommand.EXAMPLE_DOMAIN,
            description = "Domain of environment hosts, for $${HOST} and $${URL} in rendered manifests (default: ${DEFAULT-VALUE}).")
    String domain;

    @Option(names = "--output", paramLabel = "FORMAT", defaultValue = "text",
            description = "json, text or html (an HTML fragment, every text escaped) (default: ${DEFAULT-VALUE}).")
    Format output;

    @Override
    public Integer call() {
        ChangeBaseline given = baseline.baseline();
        BranchRef branch = target.branchRef(render.commit);
        DeployRequest context = DeployRequest.builder(branch, manifests).variables(render.variables)
                .sourceNamespace(render.sourceNamespace).source(render.sourceOptions(false)).build();
        PrintWriter err = spec.commandLine().getErr();
        ProgressListener progress = message -> {
            err.println(message);
            err.flush();
        };
        ChangeReport report;
        try (KubernetesClient client = cluster.connect()) {
            BranchEnvironments environments = new BranchEnvironments(client, cluster.installation(), target.naming(domain, null));
            ChangeComparison comparison = new ChangeComparison(environments);
            ChangeBaseline main = given != null ? given : comparison.targetEnvironment(branch, progress).orElseThrow(() ->
                    new InvalidInputException("baseline-namespace", "app " + branch.app() + " has no environment of the target branch "
                            + "to compare with; give --baseline-namespace NS or --baseline-manifests DIR"));
            List<HasMetadata> branchSide = manifests == null ? comparison.live(branch, progress) : comparison.rendered(context);
            if (branchSide.isEmpty() && manifests == null) {
                progress.warn("Branch " + branch.branch() + " has no environment in namespace "
                        + environments.names(branch).namespace() + "; deploy it first, or compare its manifests (--manifests DIR)");
            }
            report = comparison.compare(branchSide, main, context, progress);
        }
        Drift counted = drift.drift(branch);
        if (counted != null) {
            report = report.withDrift(counted);
        }
        PrintWriter out = spec.commandLine().getOut();
        switch (output) {
            case json -> out.println(Json.write(ReviewJson.changes(report)));
            case html -> out.print(ChangeReportHtml.render(report));
            default -> out.print(ChangeReportText.render(report));
        }
        out.flush();
        return 0;
    }
}
