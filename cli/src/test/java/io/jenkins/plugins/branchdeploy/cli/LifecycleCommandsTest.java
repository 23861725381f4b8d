package io.jenkins.plugins.branchdeploy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.branchdeploy.engine.ProgressListener;
import io.jenkins.plugins.branchdeploy.engine.branch.BranchRef;
import io.jenkins.plugins.branchdeploy.engine.branch.ChangeRequest;
import io.jenkins.plugins.branchdeploy.engine.cluster.BranchEnvironments;
import io.jenkins.plugins.branchdeploy.engine.cluster.Environment;
import io.jenkins.plugins.branchdeploy.engine.cluster.EnvironmentRef;
import io.jenkins.plugins.branchdeploy.engine.cluster.ScaleDownCause;
import io.jenkins.plugins.branchdeploy.engine.database.AdminConnection;
import io.jenkins.plugins.branchdeploy.engine.database.DatabaseBranches;
import io.jenkins.plugins.branchdeploy.engine.database.DatabaseName;
import io.jenkins.plugins.branchdeploy.engine.database.DatabaseStrategy;
import io.jenkins.plugins.branchdeploy.engine.deploy.BranchDeployer;
import io.jenkins.plugins.branchdeploy.engine.deploy.DeployOptions;
import io.jenkins.plugins.branchdeploy.engine.deploy.DeployOutcome;
import io.jenkins.plugins.branchdeploy.engine.history.InMemoryMetricsStore;
import io.jenkins.plugins.branchdeploy.engine.naming.NamingPolicy;
import io.jenkins.plugins.branchdeploy.engine.request.DeployRequest;
import io.jenkins.plugins.branchdeploy.engine.request.SecretEntry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** cleanup, extend, wake and scale-down as a user runs them, against environments deployed into the sandbox API server. */
class LifecycleCommandsTest {

    private static final String INSTALLATION = "laptop";
    private static final Path SHOP = Path.of("../docs/examples/shop");
    private static final String DATABASE_URL = "BRANCH_DEPLOY_TEST_DATABASE_URL";
    private static final String NO_DATABASE = DATABASE_URL
            + " is not set: skipping the tests against a real PostgreSQL server (.ci/postgres.sh starts one and prints it)";

    private final ObjectMapper json = new ObjectMapper();
    private final NamingPolicy naming = NamingPolicy.withDefaults("preview.example.dev");
    private final BranchRef main = BranchRef.of("shop", "main");
    private final BranchRef gone = BranchRef.of("shop", "feature/gone");
    private final BranchRef closed = BranchRef.of("shop", "feature/closed").withChange(ChangeRequest.of(41));
    @RegisterExtension
    final SandboxKubeconfig sandbox = new SandboxKubeconfig();
    private Path live;

    @TempDir
    Path dir;

    @BeforeEach
    void start() throws IOException {
        live = Files.writeString(dir.resolve("live.json"), """
                {"apps": {"shop": {"branches": ["main"], "changes": {"41": "closed"}}}}
                """);
    }

    @Test
    void cleanupTearsDownAClosedPullRequestAndADeletedBranchAndPrintsTheReport() {
        deploy(main, Instant.now());
        deploy(gone, Instant.now());
        deploy(closed, Instant.now());

        CommandRun cleanup = run(cleanup("--live", live.toString(), "--max-teardown-percent", "100"));

        assertThat(cleanup.exitCode()).as(cleanup.err()).isZero();
        assertThat(cleanup.out()).contains("keep 1, warn 0, scale-down 0, wake 0, teardown 2; 0 failed")
                .containsPattern("teardown +done +" + namespace(closed) + " +pull request #41 was closed")
                .containsPattern("teardown +done +" + namespace(gone) + " +branch feature/gone was deleted")
                .containsPattern("keep +nothing-to-do +" + namespace(main) + " +branch main is live");
        assertThat(cleanup.err()).contains("Deleted namespace " + namespace(gone));
        assertThat(inventory()).extracting(Environment::namespace).containsExactly(namespace(main));
        CommandRun metrics = run(cluster("metrics", "--state-dir", state().toString(), "--output", "prometheus"));
        assertThat(metrics.out()).contains("branch_deploy_teardowns_total{cause=\"branch-deleted\"} 1\n",
                "branch_deploy_teardowns_total{cause=\"change-closed\"} 1\n");
    }

    @Test
    @EnabledIfEnvironmentVariable(named = DATABASE_URL, matches = ".+", disabledReason = NO_DATABASE)
    void cleanupWithTheDatabaseAdminDropsTheDatabaseOfAMergedPullRequest() throws Exception {
        String app = "shop" + Long.toString(System.nanoTime(), 36);
        BranchRef merged = BranchRef.of(app, "feature/cart").withChange(ChangeRequest.of(7));
        Path seed = Files.writeString(dir.resolve("seed.sql"), "CREATE TABLE products (name text);");
        Path adminFile = Files.writeString(dir.resolve("admin-url"), System.getenv(DATABASE_URL) + "\n");
        BranchEnvironments environments = new BranchEnvironments(sandbox.client(), INSTALLATION, naming);
        DeployOutcome deployed = new BranchDeployer(environments, new InMemoryMetricsStore())
                .withDatabases(new DatabaseBranches(AdminConnection.parse(System.getenv(DATABASE_URL))))
                .deploy(DeployRequest.builder(merged, SHOP).variables(Map.of("IMAGE_TAG", "1.4.2"))
                        .secrets(List.of(new SecretEntry("shop-db", "password", "s3cret"))).ttl(Duration.ofDays(7))
                        .timeout(Duration.ofSeconds(30)).build(),
                        DeployOptions.NONE.withDatabase(DatabaseStrategy.parse("schema:" + seed)), ProgressListener.SILENT);
        assertThat(deployed.succeeded()).as(deployed.deploy().failureReason()).isTrue();
        String role = DatabaseName.of(naming.names(merged));
        Path merges = Files.writeString(dir.resolve("merged.json"), "{\"apps\": {\"" + app + "\": {\"branches\": [\"main\"], "
                + "\"changes\": {\"7\": \"merged\"}}}}");

        CommandRun cleanup = run(cleanup("--live", merges.toString(), "--max-teardown-percent", "100",
                "--database-admin-file", adminFile.toString()));

        assertThat(cleanup.exitCode()).as(cleanup.err()).isZero();
        assertThat(cleanup.out()).containsPattern("teardown +done +" + namespace(merged) + " +pull request #7 was merged");
        assertThat(cleanup.err()).contains("database: dropped schema " + role + ", role " + role);
        assertThat(json.readTree(run(cluster("metrics", "--state-dir", state().toString())).out())
                .at("/teardownsByCause/change-merged").asInt()).isEqualTo(1);
    }

    @Test
    void aDryRunWritesNothingAndReportsAsJson() throws Exception {
        deploy(main, Instant.now());
        deploy(gone, Instant.now());
        deploy(closed, Instant.now());
        sandbox.cluster().requests().clear();

        CommandRun dryRun = run(cleanup("--live", live.toString(), "--dry-run", "--max-teardown-percent", "100", "--output", "json"));

        assertThat(dryRun.exitCode()).as(dryRun.err()).isZero();
        assertThat(sandbox.cluster().requests().writes()).isEmpty();
        JsonNode report = json.readTree(dryRun.out());
        assertThat(report.get("dryRun").asBoolean()).isTrue();
        assertThat(report.get("counts").get("teardown").asInt()).isEqualTo(2);
        assertThat(report.get("environments")).extracting(e -> e.get("outcome").asText()).containsOnly("dry-run", "nothing-to-do");
        assertThat(inventory()).hasSize(3);
    }

    @Test
    void aBrakeHoldsAndSaysSo() {
        deploy(main, Instant.now());
        deploy(gone, Instant.now().minus(Duration.ofHours(2)));
        deploy(closed, Instant.now().minus(Duration.ofHours(1)));

        CommandRun cleanup = run(cleanup("--live", live.toString(), "--max-teardowns-per-run", "1", "--max-teardown-percent", "100"));

        assertThat(cleanup.exitCode()).isZero();
        assertThat(cleanup.out()).contains("Brake held: max-teardowns-per-run (at most 1 teardown per run): 1 of 2 teardowns allowed")
                .containsPattern("keep +nothing-to-do +" + namespace(closed) + " +held by brake");
        assertThat(inventory()).extracting(Environment::namespace).containsExactlyInAnyOrder(namespace(main), namespace(closed));
    }

    @Test
    void aFailedActionExitsWithOneAndTheOthersStillHappen() {
        deploy(main, Instant.now());
        deploy(gone, Instant.now());
        deploy(closed, Instant.now());
        sandbox.cluster().faults().failOnce("DELETE", "/api/v1/namespaces/" + namespace(gone), 403, "namespaces is forbidden: not today");

        CommandRun cleanup = run(cleanup("--live", live.toString(), "--max-teardown-percent", "100"));

        assertThat(cleanup.exitCode()).isEqualTo(1);
        assertThat(cleanup.out()).contains("teardown 2; 1 failed").containsPattern("teardown +failed +" + namespace(gone)
                + " +branch feature/gone was deleted \\(failed: delete namespace " + namespace(gone) + ": the API server answered 403");
        assertThat(inventory()).extracting(Environment::namespace).containsExactlyInAnyOrder(namespace(main), namespace(gone));
    }

    @Test
    void idleAndScheduleScaleDownsAreWokenInsideWorkingHoursButAManualOneOnlyByWake() throws Exception {
        BranchRef idle = BranchRef.of("shop", "feature/idle");
        BranchRef paused = BranchRef.of("shop", "feature/paused");
        deploy(main, Instant.now());
        deploy(idle, Instant.now().minus(Duration.ofDays(4)));
        deploy(paused, Instant.now());
        Map<String, Integer> running = replicas(paused);
        Files.writeString(live, """
                {"apps": {"shop": {"branches": ["main", "feature/idle", "feature/paused"], "changes": {}}}}
                """);
        BranchEnvironments environments = new BranchEnvironments(sandbox.client(), INSTALLATION, naming);
        environments.lifecycle().scaleDown(EnvironmentRef.of(environments.inventory().find(main).orElseThrow()), ScaleDownCause.SCHEDULE, ProgressListener.SILENT);

        CommandRun scaleDown = run(cluster("scale-down", "--app", "shop", "--branch", "feature/paused", "--output", "json"));
        assertThat(scaleDown.exitCode()).as(scaleDown.err()).isZero();
        assertThat(json.readTree(scaleDown.out()).get("status").asText()).isEqualTo("scaled-down");
        assertThat(json.readTree(scaleDown.out()).get("scaledDownBy").asText()).isEqualTo("manual");
        assertThat(scaleDown.err()).contains("Scaled Deployment/frontend in " + namespace(paused) + " from 2 to 0 replicas");

        CommandRun cleanup = run(cleanup("--live", live.toString(), "--idle-period", "3d", "--working-hours", "Mon-Sun 00:00-24:00 UTC"));

        assertThat(cleanup.exitCode()).as(cleanup.err()).isZero();
        assertThat(cleanup.out())
                .containsPattern("wake +done +" + namespace(main) + " +inside working hours Mon-Sun 00:00-24:00 UTC")
                .containsPattern("scale-down +done +" + namespace(idle) + " +idle: last deployed")
                .containsPattern("keep +nothing-to-do +" + namespace(paused) + " +scaled down by hand");
        assertThat(replicas(paused)).allSatisfy((workload, count) -> assertThat(count).isZero());

        CommandRun wake = run(cluster("wake", "--app", "shop", "--branch", "feature/paused"));

        assertThat(wake.exitCode()).as(wake.err()).isZero();
        assertThat(wake.out().strip()).isEqualTo("Awake: " + namespace(paused) + " (status ready)");
        assertThat(replicas(paused)).isEqualTo(running);
    }

    @Test
    void extendMovesTheExpiry() throws Exception {
        deploy(main, Instant.now());
        Instant expires = inventory().get(0).expiresAt();

        CommandRun extend = run(cluster("extend", "--app", "shop", "--branch", "main", "--for", "2d", "--output", "json"));

        assertThat(extend.exitCode()).as(extend.err()).isZero();
        assertThat(Instant.parse(json.readTree(extend.out()).get("keepUntil").asText())).isEqualTo(expires.plus(Duration.ofDays(2)));
        CommandRun again = run(cluster("extend", "--app", "shop", "--branch", "main", "--for", "1d"));
        assertThat(again.out().strip()).isEqualTo("Extended " + namespace(main) + " until " + expires.plus(Duration.ofDays(3)));
        assertThat(inventory().get(0).keepUntil()).isEqualTo(expires.plus(Duration.ofDays(3)));
    }

    @Test
    void badInputExitsWithTwoAndWritesNothing() throws IOException {
        deploy(main, Instant.now());
        sandbox.cluster().requests().clear();

        CommandRun noEnvironment = run(cluster("extend", "--app", "shop", "--branch", "feature/none", "--for", "2d"));
        assertThat(noEnvironment.exitCode()).isEqualTo(2);
        assertThat(noEnvironment.err().strip()).isEqualTo("branch-deploy: branch: there is no environment of app shop for branch feature/none "
                + "in installation laptop; check --app, --branch, --change, --environment and --installation-id ('branch-deploy list' shows them)");
        assertThat(run(cluster("wake", "--app", "shop", "--branch", "main", "--change", "7")).exitCode()).isEqualTo(2);
        CommandRun badDuration = run(cluster("extend", "--app", "shop", "--branch", "main", "--for", "soon"));
        assertThat(badDuration.exitCode()).isEqualTo(2);
        assertThat(badDuration.err()).contains("for: 'soon' is not a duration");
        CommandRun badHours = run(cleanup("--live", live.toString(), "--working-hours", "weekdays"));
        assertThat(badHours.exitCode()).isEqualTo(2);
        assertThat(badHours.err()).contains("working-hours: 'weekdays' is not DAYS HH:MM-HH:MM ZONE");
        assertThat(run(cleanup("--live", live.toString(), "--max-teardown-percent", "150")).err())
                .contains("max-teardown-percent: must be between 0 and 100");
        assertThat(run(cleanup("--live", dir.resolve("missing.json").toString())).exitCode()).isEqualTo(2);
        Files.writeString(live, "{\"apps\": {\"shop\": {\"branches\": [\"main\"], \"changes\": {\"PR-41\": \"closed\"}}}}");
        CommandRun badFile = run(cleanup("--live", live.toString()));
        assertThat(badFile.exitCode()).isEqualTo(2);
        assertThat(badFile.err()).contains("$.apps.shop.changes.PR-41: 'PR-41' is not a pull request number");
        assertThat(run("cleanup", "--kubeconfig", sandbox.kubeconfig()).exitCode()).isEqualTo(2);

        assertThat(sandbox.cluster().requests().writes()).isEmpty();
    }

    @Test
    void aNamespaceOfAnotherInstallationIsRefusedWithExitCodeOne() {
        deploy(main, Instant.now());
        sandbox.cluster().requests().clear();

        for (String command : List.of("scale-down", "wake")) {
            CommandRun foreign = run(command, "--kubeconfig", sandbox.kubeconfig(), "--installation-id", "someone-else", "--app", "shop", "--branch", "main");
            assertThat(foreign.exitCode()).isEqualTo(1);
            assertThat(foreign.err()).contains("is not an environment of installation 'someone-else'");
        }
        assertThat(run("extend", "--kubeconfig", sandbox.kubeconfig(), "--installation-id", "someone-else", "--app", "shop", "--branch", "main",
                "--for", "1d").exitCode()).isEqualTo(1);
        assertThat(sandbox.cluster().requests().writes()).isEmpty();
    }

    private void deploy(BranchRef branch, Instant at) {
        DeployRequest request = DeployRequest.builder(branch, SHOP).variables(Map.of("IMAGE_TAG", "1.4.2"))
                .secrets(List.of(new SecretEntry("shop-db", "password", "s3cret"))).ttl(Duration.ofDays(7))
                .timeout(Duration.ofSeconds(30)).build();
        var result = new BranchEnvironments(sandbox.client(), INSTALLATION, naming, Clock.fixed(at, ZoneOffset.UTC)).deploys()
                .deploy(request, ProgressListener.SILENT);
        assertThat(result.succeeded()).as(result.failureReason()).isTrue();
    }

    private List<Environment> inventory() {
        return new BranchEnvironments(sandbox.client(), INSTALLATION, naming).inventory().all();
    }

    private Map<String, Integer> replicas(BranchRef branch) {
        Map<String, Integer> replicas = new TreeMap<>();
        sandbox.client().apps().deployments().inNamespace(namespace(branch)).list().getItems()
                .forEach(d -> replicas.put("Deployment/" + d.getMetadata().getName(), d.getSpec().getReplicas()));
        sandbox.client().apps().statefulSets().inNamespace(namespace(branch)).list().getItems()
                .forEach(s -> replicas.put("StatefulSet/" + s.getMetadata().getName(), s.getSpec().getReplicas()));
        return replicas;
    }

    private String namespace(BranchRef branch) {
        return naming.names(branch).namespace();
    }

    /** Cleanup with its options, counting in this test's state directory. */
    private String[] cleanup(String... options) {
        List<String> args = new ArrayList<>(List.of("--state-dir", state().toString()));
        args.addAll(List.of(options));
        return cluster("cleanup", args.toArray(String[]::new));
    }

    private Path state() {
        return dir.resolve("state");
    }

    /** The command and its options, with the sandbox's kubeconfig and this test's installation. */
    private String[] cluster(String command, String... options) {
        List<String> args = new ArrayList<>(List.of(command, "--kubeconfig", sandbox.kubeconfig(), "--installation-id", INSTALLATION));
        args.addAll(List.of(options));
        return args.toArray(String[]::new);
    }

    private static CommandRun run(String... args) {
        return CommandRun.of(args);
    }
}
