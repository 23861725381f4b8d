package io.jenkins.plugins.branchdeploy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.jenkins.plugins.branchdeploy.engine.branch.BranchRef;
import io.jenkins.plugins.branchdeploy.engine.database.AdminConnection;
import io.jenkins.plugins.branchdeploy.engine.naming.NamingPolicy;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * deploy with smoke tests, a change report, drift and a database; diff, metrics and history; as a
 * user runs them against the sandbox API server, a real HTTP server on loopback (the sandbox's hosts
 * do not resolve, hence --smoke-base-url) and a real PostgreSQL server.
 */
class ReviewCommandsTest {

    private static final String DATABASE_URL = "BRANCH_DEPLOY_TEST_DATABASE_URL";
    private static final String NO_DATABASE = DATABASE_URL
            + " is not set: skipping the tests against a real PostgreSQL server (.ci/postgres.sh starts one and prints it)";

    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, Integer> statuses = new ConcurrentHashMap<>();
    @RegisterExtension
    final SandboxKubeconfig sandbox = new SandboxKubeconfig();
    private HttpServer app;
    private Path smokeFile;

    @TempDir
    Path dir;

    @BeforeEach
    void start() throws IOException {
        app = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        app.createContext("/", exchange -> {
            byte[] body = "Welcome to the shop".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(statuses.getOrDefault(exchange.getRequestURI().getPath(), 200), body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        app.start();
        smokeFile = Files.writeString(dir.resolve("smoke.yaml"), """
                - name: health
                  path: /healthz
                - name: home page
                  path: /
                  bodyContains: Welcome
                """);
    }

    @AfterEach
    void stop() {
        app.stop(0);
    }

    @Test
    void deployRunsSmokeTestsReportsChangesAndDriftAndCountsMetricsAndHistory() throws Exception {
        Path main = mainManifestsWithOneFrontend();

        CommandRun deploy = run(deploy("shop", "feature/cart", "--smoke-tests", smokeFile.toString(), "--smoke-base-url", appUrl(),
                "--baseline-manifests", main.toString(), "--commits-behind", "63", "--drift-threshold", "50", "--output", "json"));

        assertThat(deploy.exitCode()).as(deploy.err()).isZero();
        JsonNode result = json.readTree(deploy.out());
        assertThat(result.get("status").asText()).isEqualTo("ready");
        assertThat(result.at("/smoke/passed").asBoolean()).isTrue();
        assertThat(result.at("/smoke/checks")).hasSize(2);
        assertThat(result.at("/smoke/checks/0/name").asText()).isEqualTo("health");
        assertThat(result.at("/changes/baseline").asText()).isEqualTo("main's manifests in " + main);
        assertThat(result.at("/changes/counts/changed").asInt()).isEqualTo(1);
        assertThat(result.at("/changes/differences/0/resource").asText()).isEqualTo("Deployment/frontend");
        assertThat(result.at("/changes/differences/0/fields/0/field").asText()).isEqualTo("replicas");
        assertThat(result.at("/drift/exceeded").asBoolean()).isTrue();
        assertThat(result.at("/drift/commitsBehind").asInt()).isEqualTo(63);
        assertThat(result.get("phases").has("smoke")).isTrue();
        assertThat(deploy.err()).contains("63 commits behind main");

        CommandRun text = run(deploy("shop", "feature/cart", "--smoke-tests", smokeFile.toString(), "--smoke-base-url", appUrl(),
                "--baseline-manifests", main.toString(), "--commits-behind", "3"));
        assertThat(text.exitCode()).isZero();
        assertThat(text.out()).startsWith("Unchanged: ")
                .contains("Smoke tests passed: 2 of 2 checks passed", "  passed: health (GET /healthz, 200 in ",
                        "This branch is 3 commits behind main.", "Changes versus main's manifests in " + main,
                        "  ~ Deployment/frontend", "      replicas: 1 -> 2");

        CommandRun metrics = run("metrics", "--kubeconfig", sandbox.kubeconfig(), "--installation-id", "laptop", "--state-dir", state());
        assertThat(metrics.exitCode()).isZero();
        JsonNode counters = json.readTree(metrics.out());
        assertThat(counters.get("deploys").asInt()).isEqualTo(2);
        assertThat(counters.get("failures").asInt()).isZero();
        assertThat(counters.at("/environmentsByStatus/ready").asInt()).isEqualTo(1);
        assertThat(counters.at("/timeToLiveUrl/environments").asInt()).isEqualTo(1);
        CommandRun prometheus = run("metrics", "--kubeconfig", sandbox.kubeconfig(), "--installation-id", "laptop", "--state-dir", state(),
                "--output", "prometheus");
        assertThat(prometheus.out()).contains("branch_deploy_deploys_total 2\n", "branch_deploy_active_environments{status=\"ready\"} 1\n");

        CommandRun history = run("history", "--kubeconfig", sandbox.kubeconfig(), "--installation-id", "laptop", "--app", "shop",
                "--branch", "feature/cart", "--output", "json");
        assertThat(history.exitCode()).isZero();
        JsonNode deploys = json.readTree(history.out()).get("deploys");
        assertThat(deploys).hasSize(1);
        assertThat(deploys.get(0).get("commit").asText()).isEqualTo("4f2a9c1");
        assertThat(deploys.get(0).get("ok").asBoolean()).isTrue();
        assertThat(deploys.get(0).get("phases").has("smoke")).isTrue();
        assertThat(run("history", "--kubeconfig", sandbox.kubeconfig(), "--installation-id", "laptop", "--app", "shop", "--branch", "feature/cart")
                .out()).contains("  4f2a9c1  ready   https://");

        CommandRun teardown = run("teardown", "--kubeconfig", sandbox.kubeconfig(), "--installation-id", "laptop", "--app", "shop",
                "--branch", "feature/cart", "--state-dir", state());
        assertThat(teardown.exitCode()).isZero();
        assertThat(json.readTree(run("metrics", "--kubeconfig", sandbox.kubeconfig(), "--installation-id", "laptop", "--state-dir", state()).out())
                .at("/teardownsByCause/manual").asInt()).isEqualTo(1);
    }

    @Test
    void aFailingSmokeTestExitsWithOneAndMarksTheEnvironmentFailed() {
        statuses.put("/healthz", 503);

        CommandRun deploy = run(deploy("shop", "feature/cart", "--smoke-tests", smokeFile.toString(), "--smoke-base-url", appUrl(),
                "--smoke-timeout", "1s"));

        assertThat(deploy.exitCode()).isEqualTo(1);
        assertThat(deploy.out()).startsWith("Failed: smoke tests failed: health (status 503, expected 200)")
                .contains("Smoke tests failed: 1 of 2 checks passed");
        assertThat(run("list", "--kubeconfig", sandbox.kubeconfig(), "--installation-id", "laptop").out()).contains("failed");
        assertThat(run("history", "--kubeconfig", sandbox.kubeconfig(), "--installation-id", "laptop", "--app", "shop", "--branch", "feature/cart")
                .out()).contains("failed  smoke tests failed: health (status 503, expected 200)");
        assertThat(run(deploy("shop", "feature/cart", "--smoke-tests", dir.resolve("missing.yaml").toString())).err())
                .contains("smoke: " + dir.resolve("missing.yaml") + " does not exist");
    }

    @Test
    void diffComparesTheLiveEnvironmentWithAReferenceNamespaceInEveryFormat() throws Exception {
        assertThat(run(deploy("shop", "main")).exitCode()).isZero();
        assertThat(run(deploy("shop", "feature/cart", "--var", "IMAGE_TAG=1.5.0")).exitCode()).isZero();
        String reference = NamingPolicy.withDefaults("preview.example.dev").names(BranchRef.of("shop", "main")).namespace();
        List<String> diff = List.of("diff", "--kubeconfig", sandbox.kubeconfig(), "--installation-id", "laptop", "--app", "shop",
                "--branch", "feature/cart", "--baseline-namespace", reference);

        CommandRun text = run(with(diff, "--commits-behind", "70"));
        assertThat(text.exitCode()).as(text.err()).isZero();
        assertThat(text.out()).startsWith("WARNING: This branch is 70 commits behind main (more than 50)")
                .contains("Changes versus namespace " + reference + ": 0 added, 0 removed,")
                .contains("  ~ Deployment/frontend\n      containers[frontend].image: ghcr.io/example/shop-frontend:1.4.2 -> 1.5.0");
        JsonNode report = json.readTree(run(with(diff, "--output", "json")).out());
        assertThat(report.get("baseline").asText()).isEqualTo("namespace " + reference);
        assertThat(report.at("/counts/added").asInt()).isZero();
        String html = run(with(diff, "--output", "html")).out();
        assertThat(html).startsWith("<div class=\"branch-deploy-changes\">").contains("<td>Deployment/frontend</td>");

        CommandRun rendered = run(with(diff, "--manifests", "../docs/examples/shop", "--var", "IMAGE_TAG=1.5.0"));
        assertThat(rendered.exitCode()).isZero();
        assertThat(rendered.out()).contains("Changes versus namespace " + reference);

        CommandRun none = run("diff", "--kubeconfig", sandbox.kubeconfig(), "--app", "shop", "--branch", "feature/cart");
        assertThat(none.exitCode()).isEqualTo(2);
        assertThat(none.err()).as("without a baseline, main's environment; this installation has none")
                .contains("baseline-namespace: app shop has no environment of the target branch to compare with");
        CommandRun both = run(with(diff, "--baseline-manifests", "../docs/examples/shop"));
        assertThat(both.exitCode()).isEqualTo(2);
        assertThat(both.err()).contains("not both");
    }

    @Test
    void diffRendersWithEveryRenderingOptionOfDeployAndNamesItsFlags() throws IOException {
        Path podinfo = Files.createDirectories(dir.resolve("podinfo"));
        Files.writeString(podinfo.resolve("deployment.yaml"), """
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: podinfo
                  namespace: podinfo
                  annotations:
                    example.dev/commit: ${COMMIT}
                spec:
                  selector:
                    matchLabels: {app: podinfo}
                  template:
                    metadata:
                      labels: {app: podinfo}
                    spec:
                      containers:
                      - name: podinfo
                        image: ghcr.io/stefanprodan/podinfo:${TAG}
                """);
        List<String> diff = List.of("diff", "--kubeconfig", sandbox.kubeconfig(), "--app", "podinfo", "--branch", "feature/x",
                "--manifests", podinfo.toString(), "--baseline-manifests", podinfo.toString(), "--var", "TAG=6.7.0");

        CommandRun noCommit = run(with(diff, "--source-namespace", "podinfo"));
        assertThat(noCommit.exitCode()).isEqualTo(2);
        assertThat(noCommit.err()).contains("${COMMIT} is the deployed commit, which was not given; pass the commit (--commit SHA)");
        CommandRun noSourceNamespace = run(with(diff, "--commit", "4f2a9c1"));
        assertThat(noSourceNamespace.exitCode()).isEqualTo(2);
        assertThat(noSourceNamespace.err()).contains("set --source-namespace to podinfo").doesNotContain("sourceNamespace");

        CommandRun rendered = run(with(diff, "--commit", "4f2a9c1", "--source-namespace", "podinfo"));
        assertThat(rendered.exitCode()).as(rendered.err()).isZero();
        assertThat(rendered.out()).contains("0 added, 0 removed, 0 changed");
        assertThat(sandbox.cluster().requests().writes()).isEmpty();
    }

    @Test
    void aDatabaseNeedsItsAdminConnectionOffTheCommandLine() {
        CommandRun deploy = run(deploy("shop", "feature/cart", "--database", "template:shop_seed"));

        assertThat(deploy.exitCode()).isEqualTo(2);
        assertThat(deploy.err().strip()).isEqualTo("branch-deploy: database: needs the admin connection of the PostgreSQL server: "
                + "set BRANCH_DEPLOY_DATABASE_URL or give --database-admin-file FILE");
        assertThat(run(deploy("shop", "feature/cart", "--database", "copy:shop_seed")).err()).contains("database: 'copy:shop_seed' has no known strategy");
        assertThat(sandbox.cluster().requests().writes()).isEmpty();
    }

    @Test
    void databaseOptionsAreCheckedBeforeAnythingIsWritten() throws IOException {
        String admin = Files.writeString(dir.resolve("admin-url"), "postgresql://admin:secret@127.0.0.1:1/postgres").toString();

        assertThat(run(deploy("shop", "feature/cart", "--database", "template:shop_seed", "--database-admin-file", admin,
                "--seed-connections", "wait")).err())
                .contains("branch-deploy: --seed-connections: 'wait' is not an option; use block");
        assertThat(run(deploy("shop", "feature/cart", "--database", "template:shop_seed", "--database-admin-file", admin,
                "--seed-wait", "soon")).err()).contains("branch-deploy: seed-wait: ");
        assertThat(run(deploy("shop", "feature/cart", "--database", "schema:seed.sql", "--database-admin-file", admin,
                "--seed-wait", "10s")).err()).contains("they go with --database template:SEED");
        assertThat(run(deploy("shop", "feature/cart", "--seed-connections", "terminate")).err())
                .contains("go with --database; add --database template:SEED");
        CommandRun badHost = run(deploy("shop", "feature/cart", "--database", "template:shop_seed", "--database-admin-file", admin,
                "--database-host", "db.internal:99999"));
        assertThat(badHost.exitCode()).isEqualTo(2);
        assertThat(badHost.err()).contains("database-host: 'db.internal:99999' has no port from 1 to 65535");
        assertThat(sandbox.cluster().requests().writes()).isEmpty();
    }

    @Test
    @EnabledIfEnvironmentVariable(named = DATABASE_URL, matches = ".+", disabledReason = NO_DATABASE)
    void aSeedWithAnOpenSessionIsCopiedWhenToldToEndItAndTheAppGetsItsOwnHost() throws Exception {
        AdminConnection admin = AdminConnection.parse(System.getenv(DATABASE_URL));
        Path adminFile = Files.writeString(dir.resolve("admin-url"), System.getenv(DATABASE_URL));
        String app = uniqueApp();
        String seed = app + "_seed";
        try (Connection connection = admin.open(); Statement sql = connection.createStatement()) {
            sql.execute("CREATE DATABASE \"" + seed + "\"");
        }
        try (Connection session = admin.open(seed)) {
            CommandRun deploy = run(deploy(app, "feature/cart", "--database", "template:" + seed,
                    "--database-admin-file", adminFile.toString(), "--seed-connections", "terminate",
                    "--database-host", "postgres.databases.svc:6543"));

            assertThat(deploy.exitCode()).as(deploy.err()).isZero();
            assertThat(session.isValid(5)).isFalse();
            String namespace = NamingPolicy.withDefaults("preview.example.dev").names(BranchRef.of(app, "feature/cart")).namespace();
            Map<String, String> database = secret(namespace, "database");
            assertThat(database).containsEntry("PGHOST", "postgres.databases.svc").containsEntry("PGPORT", "6543");
            assertThat(database.get("DATABASE_URL")).contains("@postgres.databases.svc:6543/");
        } finally {
            run("teardown", "--kubeconfig", sandbox.kubeconfig(), "--installation", "laptop", "--app", app, "--branch", "feature/cart",
                    "--database", "template:" + seed, "--database-admin-file", adminFile.toString(), "--state-dir", state());
            try (Connection connection = admin.open(); Statement sql = connection.createStatement()) {
                sql.execute("DROP DATABASE IF EXISTS \"" + seed + "\" WITH (FORCE)");
            }
        }
    }

    @Test
    @EnabledIfEnvironmentVariable(named = DATABASE_URL, matches = ".+", disabledReason = NO_DATABASE)
    void deploysAndTearsDownADatabaseBranchKeepingThePasswordOnRedeploy() throws Exception {
        String adminUrl = System.getenv(DATABASE_URL);
        Path adminFile = Files.writeString(dir.resolve("admin-url"), adminUrl + "\n");
        Path seed = Files.writeString(dir.resolve("seed.sql"), "CREATE TABLE products (name text);");
        String app = uniqueApp();
        String[] args = deploy(app, "feature/cart", "--database", "schema:" + seed, "--database-admin-file", adminFile.toString());

        CommandRun first = run(args);

        assertThat(first.exitCode()).as(first.err()).isZero();
        String namespace = NamingPolicy.withDefaults("preview.example.dev").names(BranchRef.of(app, "feature/cart")).namespace();
        Map<String, String> database = secret(namespace, "database");
        assertThat(database).containsKeys("DATABASE_URL", "PGHOST", "PGPORT", "PGDATABASE", "PGUSER", "PGPASSWORD");
        String adminPassword = java.net.URI.create(adminUrl).getUserInfo().split(":", 2)[1];
        assertThat(first.out() + first.err()).doesNotContain(database.get("PGPASSWORD")).doesNotContain(adminPassword);
        assertThat(first.err()).contains("database: created schema");

        sandbox.cluster().requests().clear();
        CommandRun again = run(args);
        assertThat(again.exitCode()).isZero();
        assertThat(again.out()).startsWith("Unchanged: ");
        assertThat(sandbox.cluster().requests().writes()).isEmpty();
        assertThat(secret(namespace, "database")).isEqualTo(database);

        CommandRun teardown = run("teardown", "--kubeconfig", sandbox.kubeconfig(), "--installation-id", "laptop", "--app", app,
                "--branch", "feature/cart", "--database", "schema:" + seed, "--database-admin-file", adminFile.toString(),
                "--state-dir", state());
        assertThat(teardown.exitCode()).as(teardown.err()).isZero();
        assertThat(teardown.err()).contains("database: dropped schema " + database.get("PGUSER") + ", role " + database.get("PGUSER"));
    }

    private Map<String, String> secret(String namespace, String name) {
        try (KubernetesClient client = sandbox.cluster().newClient()) {
            Secret secret = sandbox.client().secrets().inNamespace(namespace).withName(name).get();
            Map<String, String> values = new java.util.TreeMap<>();
            secret.getData().forEach((k, v) -> values.put(k, new String(Base64.getDecoder().decode(v), StandardCharsets.UTF_8)));
            return values;
        }
    }

    private Path mainManifestsWithOneFrontend() throws IOException {
        Path main = Files.createDirectories(dir.resolve("main"));
        try (var files = Files.list(Path.of("../docs/examples/shop"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).toList()) {
                Files.copy(file, main.resolve(file.getFileName()));
            }
        }
        Path frontend = main.resolve("frontend.yaml");
        Files.writeString(frontend, Files.readString(frontend).replace("replicas: 2", "replicas: 1"));
        return main;
    }

    private String[] deploy(String app, String branch, String... extra) {
        List<String> args = new ArrayList<>(List.of("deploy", "--kubeconfig", sandbox.kubeconfig(), "--installation-id", "laptop",
                "--app", app, "--branch", branch, "--commit", "4f2a9c1", "--manifests", "../docs/examples/shop",
                "--domain", "preview.example.dev", "--var", "IMAGE_TAG=1.4.2", "--secret", "shop-db/password=file:" + passwordFile(),
                "--state-dir", state()));
        args.addAll(List.of(extra));
        return args.toArray(String[]::new);
    }

    private String passwordFile() {
        try {
            return Files.writeString(dir.resolve("password"), "correct-horse-battery").toString();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private String state() {
        return dir.resolve("state").toString();
    }

    private String appUrl() {
        return "http://127.0.0.1:" + app.getAddress().getPort();
    }

    private static String[] with(List<String> args, String... extra) {
        List<String> all = new ArrayList<>(args);
        all.addAll(List.of(extra));
        return all.toArray(String[]::new);
    }

    private static String uniqueApp() {
        SecureRandom random = new SecureRandom();
        StringBuilder app = new StringBuilder("shop");
        for (int i = 0; i < 6; i++) {
            app.append((char) ('a' + random.nextInt(26)));
        }
        return app.toString();
    }

    private static CommandRun run(String... args) {
        return CommandRun.of(args);
    }
}
