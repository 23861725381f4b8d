package io.jenkins.plugins.branchdeploy.cli;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.jenkins.plugins.branchdeploy.cli.output.EnvironmentTable;
import io.jenkins.plugins.branchdeploy.engine.cluster.BranchEnvironments;
import io.jenkins.plugins.branchdeploy.engine.cluster.Environment;
import io.jenkins.plugins.branchdeploy.engine.naming.NamingPolicy;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code branch-deploy list}: every environment of this installation. */
@Command(name = "list", mixinStandardHelpOptions = true,
        description = "Lists every environment of this installation: namespace, app, branch, pull request, what a variant "
                + "was copied from and who created it, status, expiry and URL; --output json adds the commit and the creation, deploy and keep-until times.")
class ListCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ClusterOptions cluster;

    @Mixin
    OutputOption output;

    @Override
    public Integer call() {
        List<Environment> environments;
        try (KubernetesClient client = cluster.connect()) {
            environments = new BranchEnvironments(client, cluster.installation(), NamingPolicy.namespacesOnly(null)).inventory().all();
        }
        PrintWriter out = spec.commandLine().getOut();
        if (output.format() == OutputFormat.json) {
            out.println(Json.write(environments.stream().map(ListCommand::asMap).toList()));
        } else if (environments.isEmpty()) {
            out.println("No environments of installation " + cluster.installation());
        } else {
            EnvironmentTable.lines(environments).forEach(out::println);
        }
        out.flush();
        return 0;
    }

    /** One environment as the JSON output of list, extend, wake and scale-down shows it. */
    static Map<String, Object> asMap(Environment e) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("namespace", e.namespace());
        map.put("app", e.app());
        map.put("environment", e.environment());
        map.put("branch", e.branch());
        map.put("change", e.change());
        map.put("commit", e.commit());
        map.put("url", e.url());
        map.put("status", e.status() == null ? null : e.status().value());
        map.put("createdAt", e.createdAt());
        map.put("deployedAt", e.deployedAt());
        map.put("expiresAt", e.expiresAt());
        map.put("keepUntil", e.keepUntil());
        map.put("scaledDownBy", e.scaledDownBy() == null ? null : e.scaledDownBy().value());
        map.put("variantOf", e.isVariant() ? e.variant().source() : null);
        map.put("createdBy", e.isVariant() ? e.variant().createdBy() : null);
        return map;
    }
}
