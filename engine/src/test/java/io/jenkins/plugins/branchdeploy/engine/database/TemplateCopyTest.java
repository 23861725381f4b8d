package io.jenkins.plugins.branchdeploy.engine.database;

import static io.jenkins.plugins.branchdeploy.engine.database.PostgresServer.connectAsApp;
import static io.jenkins.plugins.branchdeploy.engine.database.PostgresServer.databaseExists;
import static io.jenkins.plugins.branchdeploy.engine.database.PostgresServer.entries;
import static io.jenkins.plugins.branchdeploy.engine.database.PostgresServer.environment;
import static io.jenkins.plugins.branchdeploy.engine.database.PostgresServer.execute;
import static io.jenkins.plugins.branchdeploy.engine.database.PostgresServer.roleExists;
import static io.jenkins.plugins.branchdeploy.engine.database.PostgresServer.single;
import static io.jenkins.plugins.branchdeploy.engine.database.PostgresServer.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.branchdeploy.engine.InvalidInputException;
import io.jenkins.plugins.branchdeploy.engine.naming.EnvironmentNames;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/** The template strategy against a real PostgreSQL server: a seed copied into a database of the environment's own. */
@EnabledIfEnvironmentVariable(named = PostgresServer.VARIABLE, matches = ".+", disabledReason = PostgresServer.ABSENT)
class TemplateCopyTest {

    private static AdminConnection admin;
    private static String seed;

    private final String app = unique("shop");
    private final List<EnvironmentNames> provisioned = new ArrayList<>();
    private final List<String> messages = new ArrayList<>();

    @BeforeAll
    static void createSeed() throws SQLException {
        admin = PostgresServer.admin();
        seed = unique("seed_");
        try (Connection session = admin.open()) {
            execute(session, "CREATE DATABASE " + seed);
        }
        try (Connection session = admin.open(seed)) {
            execute(session,
                    "CREATE TYPE mood AS ENUM ('happy', 'sad')",
                    "CREATE TABLE customers (id serial PRIMARY KEY, name text NOT NULL, mood mood)",
                    "INSERT INTO customers (name, mood) VALUES ('Ada', 'happy'), ('Grace', 'sad')",
                    "CREATE VIEW happy_customers AS SELECT * FROM customers WHERE mood = 'happy'",
                    "CREATE FUNCTION customer_count() RETURNS bigint LANGUAGE sql AS 'SELECT count(*) FROM customers'",
                    "CREATE SCHEMA billing",
                    "CREATE TABLE billing.invoices (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,"
                            + " customer int REFERENCES customers)");
        }
    }

    @AfterAll
    static void dropSeed() throws SQLException {
        if (admin != null) {
            try (Connection session = admin.open()) {
                execute(session, "DROP DATABASE IF EXISTS " + seed + " WITH (FORCE)");
            }
        }
    }

    @AfterEach
    void dropEnvironments() {
        provisioned.forEach(names -> new DatabaseBranches(admin).drop(names, messages::add));
    }

    private DatabaseBranch provision(EnvironmentNames names, DatabaseStrategy strategy) {
        provisioned.add(names);
        return new DatabaseBranches(admin).provision(names, strategy, messages::add);
    }

    private DatabaseStrategy.Template template() {
        return (DatabaseStrategy.Template) DatabaseStrategy.parse("template:" + seed);
    }

    @Test
    void copiesTheSeedIntoADatabaseThatTheEnvironmentsRoleOwnsAndCanMigrate() throws SQLException {
        EnvironmentNames names = environment(app, "feature/auth");
        DatabaseBranch branch = provision(names, template());

        String name = DatabaseName.of(names);
        assertThat(branch.created()).isTrue();
        assertThat(entries(branch)).containsOnlyKeys("DATABASE_URL", "PGHOST", "PGPORT", "PGDATABASE", "PGUSER", "PGPASSWORD")
                .containsEntry("PGDATABASE", name).containsEntry("PGUSER", name)
                .containsEntry("PGHOST", admin.host()).containsEntry("PGPORT", Integer.toString(admin.port()));
        try (Connection app = connectAsApp(branch)) {
            assertThat(single(app, "SELECT current_user || '@' || current_database()")).isEqualTo(name + "@" + name);
            assertThat(single(app, "SELECT string_agg(name, ',' ORDER BY id) FROM customers")).isEqualTo("Ada,Grace");
            assertThat(single(app, "SELECT customer_count()")).isEqualTo("2");
            assertThat(single(app, "SELECT name FROM happy_customers")).isEqualTo("Ada");
            execute(app,
                    "ALTER TABLE customers ADD COLUMN email text",
                    "INSERT INTO customers (name, mood, email) VALUES ('Linus', 'sad', 'l@example.dev')",
                    "INSERT INTO billing.invoices (customer) VALUES (3)",
                    "ALTER TYPE mood ADD VALUE 'calm'",
                    "CREATE TABLE audit (at timestamptz)");
        }
        try (Connection original = admin.open(seed)) {
            assertThat(single(original, "SELECT count(*) FROM customers")).isEqualTo("2");
            assertThat(single(original, "SELECT count(*) FROM information_schema.columns WHERE column_name = 'email'"))
                    .isEqualTo("0");
        }
    }

    @Test
    void environmentsGetDistinctDatabasesThatOtherEnvironmentsCannotOpen() throws SQLException {
        DatabaseBranch auth = provision(environment(app, "feature/auth"), template());
        DatabaseBranch login = provision(environment(app, "feature/login"), template());

        assertThat(auth.database()).isNotEqualTo(login.database());
        DatabaseBranch intruder = new DatabaseBranch(auth.host(), auth.port(), login.database(), null, auth.user(),
                auth.password(), null, false);
        assertThatThrownBy(() -> connectAsApp(intruder).close())
                .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("42501"));
    }

    @Test
    void theLongestNamesFitAndAreQuoted() throws SQLException {
        String longApp = "a".repeat(30) + "-" + unique("");
        EnvironmentNames names = environment(longApp, "feature/" + "very-long-branch-name-".repeat(10) + "\"quoted\"");
        DatabaseBranch branch = provision(names, template());

        assertThat(branch.database()).hasSizeLessThanOrEqualTo(63).isEqualTo(DatabaseName.of(names));
        try (Connection app = connectAsApp(branch)) {
            assertThat(single(app, "SELECT current_database()")).isEqualTo(branch.database());
        }
    }

    @Test
    void provisioningAgainKeepsTheDataAndReplacesThePassword() throws SQLException {
        EnvironmentNames names = environment(app, "main");
        DatabaseBranch first = provision(names, template());
        try (Connection app = connectAsApp(first)) {
            execute(app, "INSERT INTO customers (name) VALUES ('kept')");
        }

        DatabaseBranch second = provision(names, template());

        assertThat(second.created()).isFalse();
        assertThat(second.password()).isNotEqualTo(first.password());
        try (Connection app = connectAsApp(second)) {
            assertThat(single(app, "SELECT count(*) FROM customers WHERE name = 'kept'")).isEqualTo("1");
        }
        assertThatThrownBy(() -> connectAsApp(first).close())
                .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("28P01"));
    }

    @Test
    void provisioningAgainWithTheCurrentPasswordKeepsItSoThatTheSecretStaysTheSame() throws SQLException {
        EnvironmentNames names = environment(app, "main");
        DatabaseBranch first = provision(names, template());

        provisioned.add(names);
        DatabaseBranch second = new DatabaseBranches(admin).provision(names, template(), first.password(), messages::add);

        assertThat(second.created()).isFalse();
        assertThat(second.secretEntries()).isEqualTo(first.secretEntries());
        try (Connection app = connectAsApp(first)) {
            assertThat(single(app, "SELECT count(*) FROM customers")).isEqualTo("2");
        }
        assertThat(messages).anySatisfy(m -> assertThat(m).endsWith("with its password"));
        assertThat(String.join("\n", messages)).doesNotContain(first.password());
    }

    @Test
    void aCurrentPasswordNotMadeByTheEngineIsReplaced() throws SQLException {
        EnvironmentNames names = environment(app, "main");
        provision(names, template());

        DatabaseBranch second = new DatabaseBranches(admin).provision(names, template(), "guessable", messages::add);

        assertThat(second.password()).isNotEqualTo("guessable").hasSize(32);
        try (Connection app = connectAsApp(second)) {
            assertThat(single(app, "SELECT count(*) FROM customers")).isEqualTo("2");
        }
    }

    @Test
    void blockingWaitsForSessionsOnTheSeedToEndAndThenAllowsConnectionsAgain() throws SQLException {
        Connection onSeed = admin.open(seed);
        List<String> seen = new ArrayList<>();
        DatabaseBranch branch;
        provisioned.add(environment(app, "wait"));
        try {
            branch = new DatabaseBranches(admin).provision(environment(app, "wait"), template(), message -> {
                seen.add(message);
                if (message.contains("waiting")) {
                    close(onSeed);
                }
            });
        } finally {
            onSeed.close();
        }

        assertThat(branch.created()).isTrue();
        assertThat(seen).anySatisfy(m -> assertThat(m).contains("waiting").contains("1 session(s) on seed " + seed));
        assertSeedAcceptsConnections();
    }

    @Test
    void terminatingEndsSessionsOnTheSeed() throws SQLException {
        try (Connection onSeed = admin.open(seed)) {
            DatabaseBranch branch = provision(environment(app, "terminate"),
                    template().withSeedConnections(SeedConnections.TERMINATE));

            assertThat(branch.created()).isTrue();
            assertThat(onSeed.isValid(5)).isFalse();
        }
        assertThat(messages).anySatisfy(m -> assertThat(m).contains("ending 1 session(s) on seed " + seed));
        assertSeedAcceptsConnections();
    }

    @Test
    void aSessionThatStaysOnTheSeedFailsTheCopyAndLeavesNothingBehind() throws SQLException {
        EnvironmentNames names = environment(app, "busy");
        try (Connection onSeed = admin.open(seed)) {
            assertThatThrownBy(() -> provision(names, template().withSeedWait(Duration.ofSeconds(1))))
                    .isInstanceOf(DatabaseBranchException.class)
                    .hasMessageContaining("seed database " + seed)
                    .hasMessageContaining("still use it")
                    .hasMessageContaining("terminate");
            assertThat(onSeed.isValid(5)).isTrue();
        }
        assertNothingLeftFor(names);
        assertSeedAcceptsConnections();
    }

    @Test
    void aMissingSeedIsNamedAndNothingIsCreated() throws SQLException {
        EnvironmentNames names = environment(app, "missing");
        String missing = unique("no_such_seed_");

        assertThatThrownBy(() -> provision(names, DatabaseStrategy.parse("template:" + missing)))
                .isInstanceOf(DatabaseBranchException.class)
                .hasMessageContaining("seed database " + missing)
                .hasMessageContaining("does not exist");
        assertNothingLeftFor(names);
    }

    @Test
    void theSeedCannotBeTheDatabaseTheAdminIsConnectedTo() {
        assertThatThrownBy(() -> provision(environment(app, "self"), DatabaseStrategy.parse("template:" + admin.database())))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.getField()).isEqualTo("database"));
    }

    @Test
    void permissionDeniedIsNamedAndTheRoleCreatedForItIsDroppedAgain() throws SQLException {
        String limited = unique("limited_");
        String password = unique("pw");
        try (Connection session = admin.open()) {
            execute(session, "CREATE ROLE " + limited + " LOGIN CREATEROLE PASSWORD '" + password + "'");
        }
        AdminConnection limitedAdmin = new AdminConnection(admin.host(), admin.port(), admin.database(), limited, password, Map.of());
        EnvironmentNames names = environment(app, "denied");
        try {
            assertThatThrownBy(() -> new DatabaseBranches(limitedAdmin).provision(names, template(), messages::add))
                    .isInstanceOf(DatabaseBranchException.class)
                    .hasMessageContaining("permission denied")
                    .hasMessageContaining(limited)
                    .hasMessageNotContaining(password);
            assertNothingLeftFor(names);
        } finally {
            try (Connection session = admin.open()) {
                execute(session, "DROP ROLE " + limited);
            }
        }
    }

    @Test
    void anAdminWithoutSuperuserRightsThatOwnsTheSeedCanProvisionAndDrop() throws SQLException {
        String owner = unique("owner_");
        String password = unique("pw");
        String ownSeed = unique("seed_");
        try (Connection session = admin.open()) {
            execute(session, "CREATE ROLE " + owner + " LOGIN CREATEDB CREATEROLE PASSWORD '" + password + "'",
                    "CREATE DATABASE " + ownSeed + " OWNER " + owner);
        }
        AdminConnection ownerAdmin = new AdminConnection(admin.host(), admin.port(), admin.database(), owner, password, Map.of());
        try (Connection session = ownerAdmin.open(ownSeed)) {
            execute(session, "CREATE TABLE items (id int)", "INSERT INTO items VALUES (1)");
        }
        EnvironmentNames names = environment(app, "managed");
        DatabaseBranches branches = new DatabaseBranches(ownerAdmin);
        try {
            DatabaseBranch branch = branches.provision(names, DatabaseStrategy.parse("template:" + ownSeed), messages::add);
            try (Connection app = connectAsApp(branch)) {
                execute(app, "ALTER TABLE items ADD COLUMN name text");
                assertThat(single(app, "SELECT count(*) FROM items")).isEqualTo("1");
            }
            branches.drop(names, messages::add);
            assertNothingLeftFor(names);
        } finally {
            new DatabaseBranches(admin).drop(names, messages::add);
            try (Connection session = admin.open()) {
                execute(session, "DROP DATABASE IF EXISTS " + ownSeed, "DROP OWNED BY " + owner, "DROP ROLE " + owner);
            }
        }
    }

    private void assertNothingLeftFor(EnvironmentNames names) throws SQLException {
        String name = DatabaseName.of(names);
        try (Connection session = admin.open()) {
            assertThat(roleExists(session, name)).as("role %s", name).isFalse();
            assertThat(databaseExists(session, name)).as("database %s", name).isFalse();
        }
    }

    private void assertSeedAcceptsConnections() throws SQLException {
        try (Connection session = admin.open(seed)) {
            assertThat(single(session, "SELECT datallowconn FROM pg_database WHERE datname = current_database()"))
                    .isEqualTo("t");
        }
    }

    private static void close(Connection connection) {
        try {
            connection.close();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
