package io.jenkins.plugins.branchdeploy.cli;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.jenkins.plugins.branchdeploy.engine.branch.BranchRef;
import io.jenkins.plugins.branchdeploy.engine.cluster.BranchEnvironments;
import io.jenkins.plugins.branchdeploy.engine.database.DatabaseBranches;
import io.jenkins.plugins.branchdeploy.engine.cluster.TeardownOutcome;
import io.jenkins.plugins.branchdeploy.engine.deploy.BranchDeployer;
import io.jenkins.plugins.branchdeploy.engine.lifecycle.TeardownCause;
import io.jenkins.plugins.branchdeploy.engine.naming.NamingPolicy;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code branch-deploy teardown}: deletes a branch's environment; an absent one is success. */
@Command(name = "teardown", mixinStandardHelpOptions = true,
        description = "Deletes a branch's environment (its namespace and everything in it) and, with --database, its database branch. "
                + "An environment that does not exist is success. A namespace this installation does not own is never touched. "
                + "Counted as a manual teardown in the metrics under --state-dir.")
class TeardownCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ClusterOptions cluster;

    @Mixin
    BranchOptions target;

    @Mixin
    OutputOption output;

    @Mixin
    TeardownDatabaseOptions database;

    @Mixin
    StateOptions state;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        NamingPolicy naming = target.namespacesOnly();
        BranchRef branch = target.branchRef(null);
        String namespace = naming.names(branch).namespace();
        DatabaseBranches databases = database.branches(System::getenv);
        TeardownOutcome outcome;
        try (KubernetesClient client = cluster.connect()) {
            BranchDeployer deployer = new BranchDeployer(new BranchEnvironments(client, cluster.installation(), naming), state.metrics())
                    .withDatabases(databases);
            outcome = deployer.teardown(branch, TeardownCause.MANUAL, message -> {
                err.println(message);
                err.flush();
            });
        }
        PrintWriter out = spec.commandLine().getOut();
        if (output.format() == OutputFormat.json) {
            Map<String, String> map = new LinkedHashMap<>();
            map.put("namespace", namespace);
            map.put("outcome", outcome.name().toLowerCase(Locale.ROOT));
            out.println(Json.write(map));
        } else {
            out.println(switch (outcome) {
                case DELETED -> "Deleted " + namespace;
                case DELETING -> "Namespace " + namespace + " is still being deleted by an earlier teardown";
                case ABSENT -> "No environment in " + namespace + "; nothing to do";
            });
        }
        out.flush();
        return 0;
    }
}
