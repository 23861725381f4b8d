package io.jenkins.plugins.branchdeploy.cli;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.jenkins.plugins.branchdeploy.engine.Durations;
import io.jenkins.plugins.branchdeploy.engine.ProgressListener;
import io.jenkins.plugins.branchdeploy.engine.cluster.BranchEnvironments;
import io.jenkins.plugins.branchdeploy.engine.database.DatabaseBranches;
import io.jenkins.plugins.branchdeploy.engine.deploy.BranchDeployer;
import io.jenkins.plugins.branchdeploy.engine.lifecycle.Cleanup;
import io.jenkins.plugins.branchdeploy.engine.lifecycle.CleanupPolicy;
import io.jenkins.plugins.branchdeploy.engine.lifecycle.CleanupReport;
import io.jenkins.plugins.branchdeploy.engine.lifecycle.LiveStateFile;
import io.jenkins.plugins.branchdeploy.engine.lifecycle.ScmState;
import io.jenkins.plugins.branchdeploy.engine.lifecycle.WorkingHours;
import io.jenkins.plugins.branchdeploy.engine.naming.NamingPolicy;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code branch-deploy cleanup}: one cleanup run over every environment of this installation. */
@Command(name = "cleanup", mixinStandardHelpOptions = true,
        description = "Tears down environments of deleted branches, closed or merged pull requests and run-out TTLs, scales idle ones "
                + "(and, with --working-hours, those outside them) to zero and wakes them inside working hours. Apps not in the "
                + "live-state file are in unknown state and never torn down for a deleted branch. With the database admin connection, "
                + "a torn-down environment's database branch is dropped too. Teardowns are counted by cause in the metrics under "
                + "--state-dir. Exits with 1 when an action failed.")
class CleanupCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ClusterOptions cluster;

    @Mixin
    OutputOption output;

    @Mixin
    DatabaseAdminOptions databaseAdmin;

    @Mixin
    StateOptions state;

    @Option(names = "--live", required = true, paramLabel = "FILE",
            description = "What source control says, as JSON: {\"apps\": {\"APP\": {\"branches\": [...], \"changes\": {\"42\": \"open\"}}}}.")
    Path live;

    @Option(names = "--dry-run", description = "Plan and report; change nothing.")
    boolean dryRun;

    @Option(names = "--max-teardowns-per-run", paramLabel = "N", defaultValue = "" + CleanupPolicy.DEFAULT_MAX_TEARDOWNS_PER_RUN,
            description = "Brake: at most N teardowns per run (default: ${DEFAULT-VALUE}).")
    int maxTeardownsPerRun;

    @Option(names = "--max-teardown-percent", paramLabel = "P", defaultValue = "" + CleanupPolicy.DEFAULT_MAX_TEARDOWN_PERCENT,
            description = "Brake: at most P %% of the environments torn down per run (default: ${DEFAULT-VALUE}).")
    int maxTeardownPercent;

    @Option(names = "--warning-window", paramLabel = "DURATION", defaultValue = CleanupPolicy.DEFAULT_WARNING_WINDOW_TEXT,
            description = "Warn when a TTL runs out within this; 0m for no warnings (default: ${DEFAULT-VALUE}).")
    String ttlWarning;

    @Option(names = "--idle-period", paramLabel = "DURATION", description = "Scale down environments last deployed at least this long ago, e.g. 3d.")
    String idle;

    @Option(names = "--working-hours", paramLabel = "SCHEDULE",
            description = "Scale down outside these hours and wake inside them, e.g. \"Mon-Fri 08:00-19:00 Europe/Berlin\".")
    String workingHours;

    @Override
    public Integer call() throws IOException {
        CleanupPolicy policy = CleanupPolicy.defaults()
                .withWarningWindow(Durations.parse("warning-window", ttlWarning))
                .withIdlePeriod(idle == null ? null : Durations.parse("idle-period", idle))
                .withWorkingHours(workingHours == null ? null : WorkingHours.parse(workingHours))
                .withBrakes(maxTeardownsPerRun, maxTeardownPercent)
                .withDryRun(dryRun);
        ScmState scm = LiveStateFile.read(live);
        DatabaseBranches databases = databaseAdmin.optional(System::getenv);
        ProgressListener progress = new StderrProgress(spec.commandLine().getErr());
        CleanupReport report;
        try (KubernetesClient client = cluster.connect()) {
            BranchEnvironments environments = new BranchEnvironments(client, cluster.installation(), NamingPolicy.namespacesOnly(null));
            BranchDeployer deployer = new BranchDeployer(environments, state.metrics()).withDatabases(databases);
            report = new Cleanup(environments, deployer.cleanupActions(progress), policy, Clock.systemUTC()).run(scm, progress);
        }
        PrintWriter out = spec.commandLine().getOut();
        out.print(output.format() == OutputFormat.json ? Json.write(report) + System.lineSeparator() : report.toText());
        out.flush();
        return report.failures() > 0 ? BranchDeployCommand.FAILED : 0;
    }
}
