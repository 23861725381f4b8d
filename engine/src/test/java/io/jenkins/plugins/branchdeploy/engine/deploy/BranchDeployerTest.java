package io.jenkins.plugins.branchdeploy.engine.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.jenkins.plugins.branchdeploy.engine.InvalidInputException;
import io.jenkins.plugins.branchdeploy.engine.ProgressListener;
import io.jenkins.plugins.branchdeploy.engine.branch.BranchRef;
import io.jenkins.plugins.branchdeploy.engine.branch.ChangeRequest;
import io.jenkins.plugins.branchdeploy.engine.cluster.BranchEnvironments;
import io.jenkins.plugins.branchdeploy.engine.cluster.ClusterContract;
import io.jenkins.plugins.branchdeploy.engine.cluster.Environment;
import io.jenkins.plugins.branchdeploy.engine.cluster.EnvironmentStatus;
import io.jenkins.plugins.branchdeploy.engine.cluster.SandboxEnvironments;
import io.jenkins.plugins.branchdeploy.engine.cluster.TeardownOutcome;
import io.jenkins.plugins.branchdeploy.engine.database.AdminConnection;
import io.jenkins.plugins.branchdeploy.engine.database.DatabaseBranches;
import io.jenkins.plugins.branchdeploy.engine.database.DatabaseStrategy;
import io.jenkins.plugins.branchdeploy.engine.history.DeployHistoryJson;
import io.jenkins.plugins.branchdeploy.engine.history.DeployRecord;
import io.jenkins.plugins.branchdeploy.engine.history.FileMetricsStore;
import io.jenkins.plugins.branchdeploy.engine.history.InstallationCounters;
import io.jenkins.plugins.branchdeploy.engine.history.InstallationMetrics;
import io.jenkins.plugins.branchdeploy.engine.history.PrometheusText;
import io.jenkins.plugins.branchdeploy.engine.lifecycle.ChangeState;
import io.jenkins.plugins.branchdeploy.engine.lifecycle.Cleanup;
import io.jenkins.plugins.branchdeploy.engine.lifecycle.CleanupPolicy;
import io.jenkins.plugins.branchdeploy.engine.lifecycle.CleanupReport;
import io.jenkins.plugins.branchdeploy.engine.lifecycle.ScmState;
import io.jenkins.plugins.branchdeploy.engine.lifecycle.TeardownCause;
import io.jenkins.plugins.branchdeploy.engine.naming.EnvironmentNames;
import io.jenkins.plugins.branchdeploy.engine.naming.NamingPolicy;
import io.jenkins.plugins.branchdeploy.engine.report.ChangeReport;
import io.jenkins.plugins.branchdeploy.engine.report.ChangeType;
import io.jenkins.plugins.branchdeploy.engine.report.Drift;
import io.jenkins.plugins.branchdeploy.engine.report.ResourceChange;
import io.jenkins.plugins.branchdeploy.engine.request.DeployRequest;
import io.jenkins.plugins.branchdeploy.engine.request.SecretEntry;
import io.jenkins.plugins.branchdeploy.engine.request.Webhooks;
import io.jenkins.plugins.branchdeploy.engine.smoke.SmokeTests;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A deploy with everything around it, as the Pipeline step and the command line run it: against the
 * sandbox API server, a real PostgreSQL server and a real HTTP server on loopback.
 */
class BranchDeployerTest {

    private static final Path SHOP = Path.of("../docs/examples/shop");
    private static final String DATABASE_URL = "BRANCH_DEPLOY_TEST_DATABASE_URL";
    private static final String NO_DATABASE = DATABASE_URL
            + " is not set: skipping the tests against a real PostgreSQL server (.ci/postgres.sh starts one and prints it)";
    private static final String SMOKE = """
            - name: health
              path: /healthz
            - name: home page
              path: /
              bodyContains: Welcome
            - name: search
              path: /search
              advisory: true
            """;

    private final NamingPolicy naming = NamingPolicy.withDefaults("preview.example.dev");
    private final List<String> messages = new CopyOnWriteArrayList<>();
    private final ProgressListener progress = messages::add;

    @RegisterExtension
    final SandboxEnvironments sandbox = new SandboxEnvironments(naming);
    private SmokeServer app;
    private BranchEnvironments environments;
    private FileMetricsStore metrics;

    @TempDir
    Path dir;

    @BeforeEach
    void start() {
        app = SmokeServer.start();
        environments = sandbox.environments();
        metrics = new FileMetricsStore(dir.resolve("state/metrics.json"));
    }

    @AfterEach
    void stop() {
        app.close();
    }

    @Test
    @EnabledIfEnvironmentVariable(named = DATABASE_URL, matches = ".+", disabledReason = NO_DATABASE)
    void deploysWithADatabaseAndSmokeTestsRedeploysWithoutWritingAndTearsBothDown() throws Exception {
        AdminConnection admin = AdminConnection.parse(System.getenv(DATABASE_URL));
        BranchRef branch = BranchRef.of(uniqueApp(), "feature/cart").withCommit("4f2a9c1");
        EnvironmentNames names = environments.names(branch);
        Path seed = Files.writeString(dir.resolve("seed.sql"), "CREATE TABLE products (name text); INSERT INTO products VALUES ('tea');");
        BranchDeployer deployer = new BranchDeployer(environments, metrics).withDatabases(new DatabaseBranches(admin));
        DeployOptions options = smokeOptions(SMOKE).withDatabase(DatabaseStrategy.parse("schema:" + seed));

        DeployOutcome first = deployer.deploy(shop(branch), options, progress);

        assertThat(first.succeeded()).as(first.deploy().failureReason()).isTrue();
        assertThat(first.deploy().phases().keySet()).containsExactly("database", "namespace", "apply", "prune", "rollout", "smoke");
        assertThat(first.deploy().appliedResources()).contains("Secret/database", "Secret/shop-db");
        Map<String, String> database = secretValues(names, "database");
        try (Connection session = AdminConnection.parse(database.get("DATABASE_URL")).open();
                Statement sql = session.createStatement();
                ResultSet row = sql.executeQuery("SELECT name FROM products")) {
            assertThat(row.next()).isTrue();
            assertThat(row.getString(1)).isEqualTo("tea");
        }
        assertThat(first.smoke().passed()).isTrue();
        assertThat(first.smoke().results()).hasSize(3);
        assertThat(first.history().entries()).singleElement().satisfies(entry -> {
            assertThat(entry.ok()).isTrue();
            assertThat(entry.commit()).isEqualTo("4f2a9c1");
            assertThat(entry.phases()).containsKeys("database", "rollout", "smoke");
        });
        assertThat(storedHistory(names).entries()).isEqualTo(first.history().entries().stream()
                .map(e -> new DeployRecord(e.commit(), e.at(), millis(e.phases()), e.ok(), e.reason(), e.url())).toList());
        assertThat(metrics.read().deploys()).isEqualTo(1);
        assertThat(metrics.read().timesToLiveUrl()).isEqualTo(1);

        sandbox.cluster().requests().clear();
        DeployOutcome again = deployer.deploy(shop(branch), options, progress);

        assertThat(again.succeeded()).isTrue();
        assertThat(again.deploy().unchanged()).isTrue();
        assertThat(sandbox.cluster().requests().writes()).isEmpty();
        assertThat(secretValues(names, "database")).isEqualTo(database);
        assertThat(again.history().entries()).hasSize(1);
        assertThat(metrics.read().deploys()).isEqualTo(2);
        assertThat(metrics.read().timesToLiveUrl()).isEqualTo(1);
        assertThat(String.join("\n", messages) + first + again).doesNotContain(database.get("PGPASSWORD"));

        assertThat(deployer.teardown(branch, TeardownCause.MANUAL, progress)).isEqualTo(TeardownOutcome.DELETED);

        try (Connection session = admin.open(); Statement sql = session.createStatement();
                ResultSet row = sql.executeQuery("SELECT count(*) FROM pg_roles WHERE rolname = '" + database.get("PGUSER") + "'")) {
            row.next();
            assertThat(row.getInt(1)).isZero();
        }
        assertThat(metrics.read().teardownsByCause()).containsExactly(Map.entry("manual", 1L));
        assertThat(deployer.teardown(branch, TeardownCause.MANUAL, progress)).isEqualTo(TeardownOutcome.ABSENT);
        assertThat(metrics.read().teardowns()).isEqualTo(1);
    }

    @Test
    @EnabledIfEnvironmentVariable(named = DATABASE_URL, matches = ".+", disabledReason = NO_DATABASE)
    void cleanupOfAMergedPullRequestDropsItsDatabaseAndCountsTheMerge() throws Exception {
        AdminConnection admin = AdminConnection.parse(System.getenv(DATABASE_URL));
        String shop = uniqueApp();
        BranchRef merged = BranchRef.of(shop, "feature/cart").withChange(ChangeRequest.of(41));
        BranchRef open = BranchRef.of(shop, "feature/search").withChange(ChangeRequest.of(42));
        Path seed = Files.writeString(dir.resolve("seed.sql"), "CREATE TABLE products (name text);");
        BranchDeployer deployer = new BranchDeployer(environments, metrics).withDatabases(new DatabaseBranches(admin));
        DeployOptions withDatabase = DeployOptions.NONE.withDatabase(DatabaseStrategy.parse("schema:" + seed));
        for (BranchRef branch : List.of(merged, open)) {
            DeployOutcome deployed = deployer.deploy(shop(branch), withDatabase, progress);
            assertThat(deployed.succeeded()).as(deployed.deploy().failureReason()).isTrue();
        }
        String mergedRole = secretValues(environments.names(merged), "database").get("PGUSER");
        String openRole = secretValues(environments.names(open), "database").get("PGUSER");
        ScmState scm = ScmState.builder("not scanned")
                .scanned(shop, Set.of("main"), Map.of(41, ChangeState.MERGED, 42, ChangeState.OPEN)).build();

        CleanupReport report = new Cleanup(environments, deployer.cleanupActions(progress), CleanupPolicy.defaults(),
                Clock.systemUTC()).run(scm, progress);

        assertThat(report.failures()).isZero();
        assertThat(sandbox.client().namespaces().withName(environments.names(merged).namespace()).get()).isNull();
        try (Connection session = admin.open()) {
            assertThat(rowExists(session, "SELECT 1 FROM pg_roles WHERE rolname = ?", mergedRole)).isFalse();
            assertThat(rowExists(session, "SELECT 1 FROM pg_namespace WHERE nspname = ?", mergedRole)).isFalse();
            assertThat(rowExists(session, "SELECT 1 FROM pg_roles WHERE rolname = ?", openRole)).isTrue();
            assertThat(rowExists(session, "SELECT 1 FROM pg_namespace WHERE nspname = ?", openRole)).isTrue();
        }
        assertThat(messages).contains("database: dropped schema " + mergedRole + ", role " + mergedRole);
        assertThat(metrics.read().teardownsByCause()).containsExactly(Map.entry("change-merged", 1L));
        assertThat(PrometheusText.write(InstallationMetrics.of(environments.inventory().all(), metrics.read())))
                .contains("branch_deploy_teardowns_total{cause=\"change-merged\"} 1\n");

        deployer.teardown(open, TeardownCause.MANUAL, progress);
    }

    @Test
    @EnabledIfEnvironmentVariable(named = DATABASE_URL, matches = ".+", disabledReason = NO_DATABASE)
    void aProjectsTeardownOfAnAbsentNamespaceKeepsTheDatabaseBranch() throws Exception {
        AdminConnection admin = AdminConnection.parse(System.getenv(DATABASE_URL));
        BranchRef branch = BranchRef.of(uniqueApp(), "feature/cart");
        EnvironmentNames names = environments.names(branch);
        Path seed = Files.writeString(dir.resolve("seed.sql"), "CREATE TABLE products (name text);");
        DeployOutcome deployed = new BranchDeployer(environments.ownedBy("team/shop"), metrics).withDatabases(new DatabaseBranches(admin))
                .deploy(shop(branch), DeployOptions.NONE.withDatabase(DatabaseStrategy.parse("schema:" + seed)), progress);
        assertThat(deployed.succeeded()).as(deployed.deploy().failureReason()).isTrue();
        String role = secretValues(names, "database").get("PGUSER");
        sandbox.client().namespaces().withName(names.namespace()).delete();

        BranchDeployer project = new BranchDeployer(environments.ownedBy("team/other"), metrics).withDatabases(new DatabaseBranches(admin));
        assertThat(project.teardown(branch, TeardownCause.PIPELINE, progress)).isEqualTo(TeardownOutcome.ABSENT);
        try (Connection session = admin.open()) {
            assertThat(rowExists(session, "SELECT 1 FROM pg_roles WHERE rolname = ?", role)).isTrue();
        }
        assertThat(messages).anySatisfy(m -> assertThat(m).startsWith("Kept the database branch of " + names.environment()));

        new BranchDeployer(environments, metrics).withDatabases(new DatabaseBranches(admin)).teardown(branch, TeardownCause.MANUAL, progress);
        try (Connection session = admin.open()) {
            assertThat(rowExists(session, "SELECT 1 FROM pg_roles WHERE rolname = ?", role)).isFalse();
        }
    }

    @Test
    void aNamespaceStillBeingDeletedIsNotCountedAgain() throws Exception {
        BranchRef branch = BranchRef.of("shop", "feature/stuck");
        BranchDeployer deployer = new BranchDeployer(environments, metrics);
        assertThat(deployer.deploy(shop(branch), DeployOptions.NONE, progress).succeeded()).isTrue();
        String namespace = environments.names(branch).namespace();
        // a namespace whose finalizers hold it: Kubernetes reports it Terminating until they are done
        sandbox.client().namespaces().resource(new NamespaceBuilder(sandbox.client().namespaces().withName(namespace).get())
                .editOrNewStatus().withPhase("Terminating").endStatus().build()).update();
        Environment stuck = environments.inventory().find(branch).orElseThrow();

        assertThat(deployer.teardown(stuck, TeardownCause.TTL_EXPIRED, progress)).isEqualTo(TeardownOutcome.DELETING);

        assertThat(metrics.read().teardowns()).isZero();
        assertThat(messages).contains("Namespace " + namespace + " is still being deleted by an earlier teardown");
    }

    @Test
    void aFailingSmokeTestFailsTheDeployAndMarksTheEnvironmentFailedUntilARedeployPasses() throws Exception {
        BranchRef branch = BranchRef.of("shop", "feature/cart").withCommit("4f2a9c1");
        EnvironmentNames names = environments.names(branch);
        BranchDeployer deployer = new BranchDeployer(environments, metrics);
        app.answer("/healthz", 503);

        DeployOutcome failed = deployer.deploy(shop(branch), smokeOptions(SMOKE).withSmokeTimeout(Duration.ofSeconds(3)), progress);

        assertThat(failed.succeeded()).isFalse();
        assertThat(failed.deploy().failureReason()).isEqualTo("smoke tests failed: health (status 503, expected 200)");
        assertThat(failed.smoke().failures()).singleElement().satisfies(r -> assertThat(r.name()).isEqualTo("health"));
        Namespace namespace = sandbox.client().namespaces().withName(names.namespace()).get();
        assertThat(namespace.getMetadata().getAnnotations())
                .containsEntry(ClusterContract.STATUS, "failed")
                .containsEntry(ClusterContract.STATUS_REASON, failed.deploy().failureReason())
                .doesNotContainKey(ClusterContract.FINGERPRINT)
                .containsKey(ClusterContract.APPLIED);
        assertThat(storedHistory(names).entries()).singleElement().satisfies(entry -> {
            assertThat(entry.ok()).isFalse();
            assertThat(entry.reason()).isEqualTo(failed.deploy().failureReason());
        });
        assertThat(metrics.read().failures()).isEqualTo(1);
        assertThat(metrics.read().timesToLiveUrl()).isZero();

        app.answer("/healthz", 200);
        DeployOutcome fixed = deployer.deploy(shop(branch), smokeOptions(SMOKE), progress);

        assertThat(fixed.succeeded()).isTrue();
        assertThat(fixed.deploy().unchanged()).isFalse();
        assertThat(sandbox.client().namespaces().withName(names.namespace()).get().getMetadata().getAnnotations())
                .containsEntry(ClusterContract.STATUS, "ready")
                .doesNotContainKey(ClusterContract.STATUS_REASON);
        assertThat(storedHistory(names).entries()).extracting(DeployRecord::ok).containsExactly(true, false);
        assertThat(metrics.read()).satisfies(counters -> {
            assertThat(counters.deploys()).isEqualTo(2);
            assertThat(counters.failures()).isEqualTo(1);
            assertThat(counters.timesToLiveUrl()).isEqualTo(1);
        });
    }

    @Test
    void anAdvisoryFailureOnlyWarns() throws Exception {
        BranchRef branch = BranchRef.of("shop", "feature/cart");
        app.answer("/search", 500);

        // the passing checks must pass within the smoke timeout: seconds, so that a busy machine cannot fail them
        DeployOutcome outcome = new BranchDeployer(environments, metrics)
                .deploy(shop(branch), smokeOptions(SMOKE).withSmokeTimeout(Duration.ofSeconds(5)), progress);

        assertThat(outcome.succeeded()).isTrue();
        assertThat(outcome.smoke().advisoryFailures()).singleElement().satisfies(r -> assertThat(r.name()).isEqualTo("search"));
        assertThat(messages).anySatisfy(m -> assertThat(m).startsWith("WARNING: failed (advisory): search"));
        assertThat(environments.inventory().all()).singleElement().satisfies(e -> assertThat(e.status()).isEqualTo(EnvironmentStatus.READY));
    }

    @Test
    void reportsTheChangesVersusAReferenceNamespaceWithTheDrift() throws Exception {
        BranchDeployer deployer = new BranchDeployer(environments, metrics);
        BranchRef main = BranchRef.of("shop", "main");
        assertThat(deployer.deploy(shop(main), DeployOptions.NONE, progress).succeeded()).isTrue();
        String reference = environments.names(main).namespace();
        BranchRef feature = BranchRef.of("shop", "feature/cart");
        DeployRequest newer = request(feature, SHOP, "1.5.0");

        DeployOutcome outcome = deployer.deploy(newer, DeployOptions.NONE
                .withBaseline(new ChangeBaseline.Namespace(reference)).withDrift(new Drift("main", 63, 50)), progress);

        ChangeReport report = outcome.changes();
        assertThat(report.baseline()).isEqualTo("namespace " + reference);
        assertThat(report.driftExceeded()).isTrue();
        assertThat(report.count(ChangeType.ADDED)).isZero();
        assertThat(report.count(ChangeType.REMOVED)).isZero();
        assertThat(change(report, "Deployment/frontend").fields()).anySatisfy(field -> {
            assertThat(field.field()).isEqualTo("containers[frontend].image");
            assertThat(field.summary()).isEqualTo("ghcr.io/example/shop-frontend:1.4.2 -> 1.5.0");
        });
        assertThat(change(report, "Service/frontend").change()).isEqualTo(ChangeType.UNCHANGED);
        assertThat(report.resources()).noneSatisfy(r -> assertThat(r.resource().name()).isEqualTo("branch-deploy"));
        assertThat(messages).anySatisfy(m -> assertThat(m).contains("63 commits behind main"));
    }

    @Test
    void reportsTheChangesVersusMainsManifestsBeforeWritingAnything() throws Exception {
        Path main = Files.createDirectories(dir.resolve("main"));
        try (var files = Files.list(SHOP)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).toList()) {
                Files.copy(file, main.resolve(file.getFileName()));
            }
        }
        Path frontend = main.resolve("frontend.yaml");
        Files.writeString(frontend, Files.readString(frontend).replace("replicas: 2", "replicas: 1"));
        Files.delete(main.resolve("cart.yaml"));

        DeployRequest withWebhooks = shop(BranchRef.of("shop", "feature/cart")).toBuilder().webhooks(Webhooks.of("webhooks", "cart:8080")).build();
        DeployOutcome outcome = new BranchDeployer(environments, metrics).deploy(withWebhooks,
                DeployOptions.NONE.withBaseline(new ChangeBaseline.Manifests(main)), progress);

        ChangeReport report = outcome.changes();
        assertThat(report.baseline()).isEqualTo("main's manifests in " + main);
        assertThat(report.webhookUrl()).as("the reviewer sees where webhooks arrive")
                .isEqualTo(outcome.webhookUrl()).contains("hooks--shop.", outcome.deploy().names().environment());
        assertThat(change(report, "Deployment/frontend").fields()).singleElement()
                .satisfies(field -> assertThat(field.summary()).isEqualTo("1 -> 2"));
        assertThat(change(report, "Deployment/cart").change()).isEqualTo(ChangeType.ADDED);
        assertThat(report.count(ChangeType.REMOVED)).isZero();

        Path broken = Files.writeString(Files.createDirectories(dir.resolve("broken")).resolve("a.yaml"), "kind: [");
        sandbox.cluster().requests().clear();
        assertThatThrownBy(() -> new BranchDeployer(environments, metrics).deploy(shop(BranchRef.of("shop", "feature/other")),
                DeployOptions.NONE.withBaseline(new ChangeBaseline.Manifests(broken.getParent())), progress))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("a.yaml is not valid YAML");
        assertThat(sandbox.cluster().requests().writes()).isEmpty();
    }

    @Test
    void theHistoryKeepsTheNewestDeploysOnTheNamespaceAtTheDeployersClock() throws Exception {
        Instant now = Instant.parse("2026-03-02T09:30:00Z");
        BranchDeployer deployer = new BranchDeployer(environments, metrics).withHistoryLimit(2)
                .withClock(Clock.fixed(now, ZoneOffset.UTC));
        BranchRef branch = BranchRef.of("shop", "feature/cart");
        for (String commit : List.of("c1", "c2", "c3")) {
            assertThat(deployer.deploy(shop(branch.withCommit(commit)), DeployOptions.NONE, progress).succeeded()).isTrue();
        }

        assertThat(deployer.history(branch, progress).entries()).extracting(DeployRecord::commit).containsExactly("c3", "c2");
        assertThat(deployer.history(branch, progress).entries()).extracting(DeployRecord::at).containsOnly(now);
        assertThat(deployer.history(branch, progress).firstReadyAt()).isPresent();
        assertThat(metrics.read().deploys()).isEqualTo(3);
    }

    @Test
    void anEnvironmentFromTheInventoryReadsTheSameHistory() throws Exception {
        BranchDeployer deployer = new BranchDeployer(environments, metrics);
        BranchRef branch = BranchRef.of("shop", "feature/cart");
        for (String commit : List.of("c1", "c2")) {
            deployer.deploy(shop(branch.withCommit(commit)), DeployOptions.NONE, progress);
        }
        Environment listed = environments.inventory().all().stream().filter(e -> e.branch().equals("feature/cart")).findFirst().orElseThrow();

        assertThat(deployer.history(listed, progress).entries()).extracting(DeployRecord::commit).containsExactly("c2", "c1");
        assertThat(deployer.history(listed, progress)).isEqualTo(deployer.history(branch, progress));
    }

    @Test
    void aDatabaseBranchNeedsAServerAndTheSecretNameDatabaseIsItsOwn() {
        BranchRef branch = BranchRef.of("shop", "feature/cart");
        DeployOptions withDatabase = DeployOptions.NONE.withDatabase(DatabaseStrategy.parse("template:shop_seed"));

        assertThatThrownBy(() -> new BranchDeployer(environments, metrics).deploy(shop(branch), withDatabase, progress))
                .isInstanceOf(InvalidInputException.class).hasMessageStartingWith("databaseAdmin: a database branch needs");
        DeployRequest clash = DeployRequest.builder(branch, SHOP).variables(Map.of("IMAGE_TAG", "1.4.2"))
                .secrets(List.of(new io.jenkins.plugins.branchdeploy.engine.request.SecretEntry("database", "url", "x")))
                .build();
        assertThatThrownBy(() -> new BranchDeployer(environments, metrics)
                .withDatabases(new DatabaseBranches(AdminConnection.parse("postgresql://admin:pw@127.0.0.1:1/postgres")))
                .deploy(clash, withDatabase, progress))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("Secret 'database'");
        assertThat(sandbox.cluster().requests().writes()).isEmpty();
        assertThat(metrics.read()).isEqualTo(InstallationCounters.NONE);
    }

    @Test
    void anUnreachableDatabaseServerFailsTheDeployWithoutWritingAndWithoutThePassword() throws Exception {
        BranchDeployer deployer = new BranchDeployer(environments, metrics)
                .withDatabases(new DatabaseBranches(AdminConnection.parse("postgresql://admin:hunter2hunter2@127.0.0.1:1/postgres")));

        DeployOutcome outcome = deployer.deploy(shop(BranchRef.of("shop", "feature/cart")),
                DeployOptions.NONE.withDatabase(DatabaseStrategy.parse("template:shop_seed")), progress);

        assertThat(outcome.succeeded()).isFalse();
        assertThat(outcome.deploy().failureReason()).contains("127.0.0.1:1");
        assertThat(outcome.deploy().phases()).containsOnlyKeys("database");
        assertThat(sandbox.cluster().requests().writes()).isEmpty();
        assertThat(metrics.read().failures()).isEqualTo(1);
        assertThat(String.join("\n", messages) + outcome).doesNotContain("hunter2hunter2");
    }

    private DeployOptions smokeOptions(String yaml) {
        return DeployOptions.NONE.withSmokeChecks(SmokeTests.parse("smoke.yaml", yaml)).withSmokeBaseUrl(app.url());
    }

    private static DeployRequest shop(BranchRef branch) {
        return request(branch, SHOP, "1.4.2");
    }

    private static DeployRequest request(BranchRef branch, Path manifests, String imageTag) {
        return DeployRequest.builder(branch, manifests).variables(Map.of("IMAGE_TAG", imageTag))
                .secrets(List.of(new io.jenkins.plugins.branchdeploy.engine.request.SecretEntry("shop-db", "password", "s3cret")))
                .ttl(Duration.ofDays(3)).timeout(Duration.ofSeconds(60)).build();
    }

    private io.jenkins.plugins.branchdeploy.engine.history.DeployHistory storedHistory(EnvironmentNames names) {
        String json = sandbox.client().namespaces().withName(names.namespace()).get().getMetadata().getAnnotations().get(ClusterContract.HISTORY);
        return DeployHistoryJson.read(json, 20);
    }

    private Map<String, String> secretValues(EnvironmentNames names, String secret) {
        Secret live = sandbox.client().secrets().inNamespace(names.namespace()).withName(secret).get();
        return live.getData().entrySet().stream().collect(java.util.stream.Collectors.toMap(Map.Entry::getKey,
                e -> new String(Base64.getDecoder().decode(e.getValue()), StandardCharsets.UTF_8)));
    }

    /** The history stores whole milliseconds. */
    private static Map<String, Duration> millis(Map<String, Duration> phases) {
        Map<String, Duration> rounded = new java.util.LinkedHashMap<>();
        phases.forEach((phase, took) -> rounded.put(phase, Duration.ofMillis(took.toMillis())));
        return rounded;
    }

    private static ResourceChange change(ChangeReport report, String resource) {
        return report.resources().stream().filter(r -> r.resource().toString().equals(resource)).findFirst().orElseThrow();
    }

    private static boolean rowExists(Connection session, String query, String name) throws SQLException {
        try (java.sql.PreparedStatement statement = session.prepareStatement(query)) {
            statement.setString(1, name);
            try (ResultSet row = statement.executeQuery()) {
                return row.next();
            }
        }
    }

    /** Test runs sharing a database server never meet. */
    private static String uniqueApp() {
        SecureRandom random = new SecureRandom();
        StringBuilder app = new StringBuilder("shop");
        for (int i = 0; i < 6; i++) {
            app.append((char) ('a' + random.nextInt(26)));
        }
        return app.toString();
    }
}
