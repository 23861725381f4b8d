package io.jenkins.plugins.branchdeploy.engine.variant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.branchdeploy.engine.InvalidInputException;
import io.jenkins.plugins.branchdeploy.engine.ProgressListener;
import io.jenkins.plugins.branchdeploy.engine.branch.BranchRef;
import io.jenkins.plugins.branchdeploy.engine.cluster.BranchEnvironments;
import io.jenkins.plugins.branchdeploy.engine.cluster.EnvironmentRef;
import io.jenkins.plugins.branchdeploy.engine.cluster.SandboxEnvironments;
import io.jenkins.plugins.branchdeploy.engine.database.AdminConnection;
import io.jenkins.plugins.branchdeploy.engine.database.DatabaseBranch;
import io.jenkins.plugins.branchdeploy.engine.database.DatabaseBranches;
import io.jenkins.plugins.branchdeploy.engine.database.DatabaseStrategy;
import io.jenkins.plugins.branchdeploy.engine.naming.EnvironmentNames;
import io.jenkins.plugins.branchdeploy.engine.naming.NamingPolicy;
import io.jenkins.plugins.branchdeploy.engine.request.DeployRequest;
import io.jenkins.plugins.branchdeploy.engine.request.SecretEntry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** A variant of an environment with a database branch gets a copy of that environment's current database, on a real PostgreSQL server. */
@EnabledIfEnvironmentVariable(named = VariantDatabaseTest.VARIABLE, matches = ".+",
        disabledReason = VariantDatabaseTest.VARIABLE + " is not set: .ci/postgres.sh starts a server and prints it")
class VariantDatabaseTest {

    static final String VARIABLE = "BRANCH_DEPLOY_TEST_DATABASE_URL";
    private static final NamingPolicy NAMING = NamingPolicy.withDefaults("preview.example.dev");
    private static final SecureRandom RANDOM = new SecureRandom();

    @RegisterExtension
    final SandboxEnvironments sandbox = new SandboxEnvironments(NAMING);

    @TempDir
    Path dir;

    private final String app = "shop" + letters();
    private final String seed = "seed_" + letters();
    private final List<String> messages = new CopyOnWriteArrayList<>();
    private final List<EnvironmentNames> provisioned = new ArrayList<>();
    private AdminConnection admin;
    private DatabaseBranches databases;
    private BranchEnvironments environments;
    private EnvironmentNames main;
    private DatabaseBranch mainDatabase;

    @BeforeEach
    void deployMainWithADatabaseThatHasMovedOnFromItsSeed() throws SQLException {
        admin = AdminConnection.parse(System.getenv(VARIABLE));
        databases = new DatabaseBranches(admin);
        environments = sandbox.environments();
        try (Connection session = admin.open()) {
            execute(session, "CREATE DATABASE " + seed);
        }
        try (Connection session = admin.open(seed)) {
            execute(session, "CREATE TABLE orders (item text NOT NULL)", "INSERT INTO orders VALUES ('from the seed')");
        }
        BranchRef branch = BranchRef.of(app, "main");
        main = NAMING.names(branch);
        provisioned.add(main);
        mainDatabase = databases.provision(main, DatabaseStrategy.parse("template:" + seed), messages::add);
        DeployRequest request = DeployRequest.builder(branch, Path.of("../docs/examples/shop")).variables(Map.of("IMAGE_TAG", "1.4.2"))
                .secrets(List.of(new SecretEntry("shop-db", "password", "x"))).timeout(Duration.ofSeconds(30)).build();
        List<SecretEntry> secrets = new ArrayList<>(request.secrets());
        secrets.addAll(mainDatabase.secretEntries());
        assertThat(environments.deploys().deploy(request.withDatabaseBranch(mainDatabase.name(), secrets), messages::add).succeeded()).isTrue();
        try (Connection session = admin.open(mainDatabase.database())) {
            execute(session, "INSERT INTO orders VALUES ('placed on main')");
        }
    }

    @AfterEach
    void dropDatabases() throws SQLException {
        provisioned.forEach(names -> databases.drop(names, ProgressListener.SILENT));
        try (Connection session = admin.open()) {
            execute(session, "DROP DATABASE IF EXISTS " + seed + " WITH (FORCE)");
        }
    }

    @Test
    void theVariantGetsACopyOfTheSourcesCurrentDataWithItsOwnCredentialsAndOutlivesTheSource() throws SQLException {
        EnvironmentNames variant = NAMING.variantNames(app, "pricing-v2");
        provisioned.add(variant);
        try (Connection appSession = connect(mainDatabase.database(), mainDatabase.user(), mainDatabase.password())) {
            // the source's app is connected while the variant is made
            VariantResult result = new Variants(environments).withDatabases(databases).create(VariantRequest.builder(app, "pricing-v2")
                    .from("main").timeout("30s").build(), messages::add);
            assertThat(result.succeeded()).as(String.valueOf(result.deploy().failureReason())).isTrue();
        }

        Map<String, String> credentials = secret(variant.namespace());
        assertThat(credentials.get("PGUSER")).isEqualTo(credentials.get("PGDATABASE")).isNotEqualTo(mainDatabase.user())
                .isEqualTo(app + "__try_pricing_v2");
        assertThat(credentials.get("PGPASSWORD")).isNotEqualTo(mainDatabase.password());
        assertThat(secret(main.namespace()).get("PGPASSWORD")).as("the source keeps its credentials").isEqualTo(mainDatabase.password());
        assertThat(orders(credentials)).containsExactly("from the seed", "placed on main");
        assertThat(String.join("\n", messages)).doesNotContain(credentials.get("PGPASSWORD")).doesNotContain(mainDatabase.password());

        VariantResult again = new Variants(environments).withDatabases(databases).create(VariantRequest.builder(app, "pricing-v2")
                .from("main").timeout("30s").build(), messages::add);
        assertThat(again.succeeded()).isTrue();
        assertThat(secret(variant.namespace())).as("tried again, the variant keeps its credentials").isEqualTo(credentials);

        environments.lifecycle().teardown(EnvironmentRef.of(BranchRef.of(app, "main")), ProgressListener.SILENT);
        databases.drop(main, ProgressListener.SILENT);
        assertThat(orders(credentials)).as("the variant's copy outlives the source's database").containsExactly("from the seed", "placed on main");
        assertThat(environments.inventory().all()).singleElement().satisfies(e -> {
            assertThat(e.isVariant()).isTrue();
            assertThat(e.databaseBranch()).isEqualTo(app + "__try_pricing_v2");
        });
    }

    @Test
    void aSourceWhoseDatabaseBranchIsASchemaIsRefusedBeforeAnythingIsWritten() throws IOException {
        BranchRef branch = BranchRef.of(app, "feature/cart");
        EnvironmentNames cart = NAMING.names(branch);
        provisioned.add(cart);
        Path schemaSeed = Files.writeString(dir.resolve("seed.sql"), "CREATE TABLE orders (item text NOT NULL);");
        DatabaseBranch cartDatabase = databases.provision(cart, DatabaseStrategy.parse("schema:" + schemaSeed), messages::add);
        DeployRequest request = DeployRequest.builder(branch, Path.of("../docs/examples/shop")).variables(Map.of("IMAGE_TAG", "1.4.2"))
                .secrets(List.of(new SecretEntry("shop-db", "password", "x"))).timeout(Duration.ofSeconds(30)).build();
        List<SecretEntry> secrets = new ArrayList<>(request.secrets());
        secrets.addAll(cartDatabase.secretEntries());
        assertThat(environments.deploys().deploy(request.withDatabaseBranch(cartDatabase.name(), secrets), messages::add).succeeded()).isTrue();
        EnvironmentNames variant = NAMING.variantNames(app, "cart-copy");
        provisioned.add(variant);
        sandbox.cluster().requests().clear();

        assertThatThrownBy(() -> new Variants(environments).withDatabases(databases).create(VariantRequest.builder(app, "cart-copy")
                .from("feature/cart").timeout("30s").build(), messages::add))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("database: the source environment's database branch " + cartDatabase.name() + " is a schema")
                .hasMessageContaining("template:SEED");
        assertThat(sandbox.cluster().requests().writes()).isEmpty();
        assertThat(environments.inventory().find(app, variant.environment())).isEmpty();
        assertThat(databases.isSchema(cartDatabase.name())).isTrue();
        assertThat(databases.isSchema(mainDatabase.name())).isFalse();
    }

    private Map<String, String> secret(String namespace) {
        Map<String, String> values = new java.util.TreeMap<>();
        sandbox.client().secrets().inNamespace(namespace).withName(DatabaseBranch.SECRET_NAME).get().getData()
                .forEach((k, v) -> values.put(k, new String(Base64.getDecoder().decode(v), StandardCharsets.UTF_8)));
        return values;
    }

    private List<String> orders(Map<String, String> credentials) throws SQLException {
        List<String> items = new ArrayList<>();
        try (Connection session = connect(credentials.get("PGDATABASE"), credentials.get("PGUSER"), credentials.get("PGPASSWORD"));
                Statement sql = session.createStatement(); ResultSet rows = sql.executeQuery("SELECT item FROM orders ORDER BY item")) {
            while (rows.next()) {
                items.add(rows.getString(1));
            }
        }
        return items;
    }

    private Connection connect(String database, String user, String password) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://" + admin.host() + ":" + admin.port() + "/" + database, user, password);
    }

    private static void execute(Connection session, String... statements) throws SQLException {
        try (Statement sql = session.createStatement()) {
            for (String statement : statements) {
                sql.execute(statement);
            }
        }
    }

    private static String letters() {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            out.append((char) ('a' + RANDOM.nextInt(26)));
        }
        return out.toString();
    }
}
