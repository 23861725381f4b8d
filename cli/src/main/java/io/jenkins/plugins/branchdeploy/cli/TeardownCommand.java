package io.jenkins.plugins.branchdeploy.cli;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.jenkins.plugins.branchdeploy.engine.branch.BranchRef;
import io.jenkins.plugins.branchdeploy.engine.ProgressListener;
import io.jenkins.plugins.branchdeploy.engine.cluster.BranchEnvironments;
import io.jenkins.plugins.branchdeploy.engine.cluster.Environment;
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

/** {@code branch-deploy teardown}: deletes a branch's environment, or one named by its id; an absent branch's is success. */
@Command(name = "teardown", mixinStandardHelpOptions = true,
        description = "Deletes a branch's environment, or a variant or any environment named by --environment, (its namespace and everything in it) and, given the admin connection "
                + "($" + DatabaseAdminOptions.ADMIN_VARIABLE + " or --database-admin-file), its database branch; without it, says "
                + "which database branch stays. "
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
    EnvironmentOption id;

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
        DatabaseBranches databases = database.branches(System::getenv);
        ProgressListener progress = message -> {
            err.println(message);
            err.flush();
        };
        String namespace;
        TeardownOutcome outcome;
        try (KubernetesClient client = cluster.connect()) {
            BranchEnvironments environments = new BranchEnvironments(client, cluster.installation(), naming);
            BranchDeployer deployer = new BranchDeployer(environments, state.metrics()).withDatabases(databases);
            if (id.given()) {
                Environment environment = id.find(environments, target, cluster.installation());
                namespace = environment.namespace();
                outcome = deployer.teardown(environment, TeardownCause.MANUAL, progress);
            } else {
                BranchRef branch = target.branchRef(null);
                namespace = naming.names(branch).namespace();
                outcome = deployer.teardown(branch, TeardownCause.MANUAL, progress);
            }
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
                case ABSENT -> "No environment in " + namespace + (databases == null ? "; nothing to do" : "");
            });
        }
        out.flush();
        return 0;
    }
}
