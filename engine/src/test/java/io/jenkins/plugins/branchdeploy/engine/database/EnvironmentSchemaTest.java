package io.jenkins.plugins.branchdeploy.engine.database;

import static io.jenkins.plugins.branchdeploy.engine.database.PostgresServer.connectAsApp;
import static io.jenkins.plugins.branchdeploy.engine.database.PostgresServer.environment;
import static io.jenkins.plugins.branchdeploy.engine.database.PostgresServer.execute;
import static io.jenkins.plugins.branchdeploy.engine.database.PostgresServer.roleExists;
import static io.jenkins.plugins.branchdeploy.engine.database.PostgresServer.schemaExists;
import static io.jenkins.plugins.branchdeploy.engine.database.PostgresServer.single;
import static io.jenkins.plugins.branchdeploy.engine.database.PostgresServer.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.branchdeploy.engine.InvalidInputException;
import io.jenkins.plugins.branchdeploy.engine.naming.EnvironmentNames;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.io.TempDir;

/** The schema strategy against a real PostgreSQL server: a schema per environment in one shared database. */
@EnabledIfEnvironmentVariable(named = PostgresServer.VARIABLE, matches = ".+", disabledReason = PostgresServer.ABSENT)
class EnvironmentSchemaTest {

    private static final String SEED_SQL = """
            -- the app's tables, created unqualified: they land in the environment's schema
            CREATE TABLE customers (id serial PRIMARY KEY, name text NOT NULL);
            INSERT INTO customers (name) VALUES ('Ada'), ('Grace');
            CREATE FUNCTION customer_count() RETURNS bigint LANGUAGE plpgsql AS $$
            BEGIN
              RETURN (SELECT count(*) FROM customers);
            END;
            $$;
            """;

    @TempDir
    Path workspace;

    private AdminConnection admin;
    private final String app = unique("shop");
    private final List<EnvironmentNames> provisioned = new ArrayList<>();
    private final List<String> messages = new ArrayList<>();

    @BeforeEach
    void connect() {
        admin = PostgresServer.admin();
    }

    @AfterEach
    void dropEnvironments() {
        provisioned.forEach(names -> new DatabaseBranches(admin).drop(names, messages::add));
    }

    private DatabaseBranch provision(EnvironmentNames names, String script) throws IOException {
        Path file = workspace.resolve("seed.sql");
        Files.writeString(file, script);
        provisioned.add(names);
        return new DatabaseBranches(admin).provision(names, DatabaseStrategy.parse("schema:" + file), messages::add);
    }

    @Test
    void createsASchemaSeededByTheScriptThatTheAppFindsOnItsSearchPath() throws Exception {
        EnvironmentNames names = environment(app, "feature/auth");
        DatabaseBranch branch = provision(names, SEED_SQL);

        String name = DatabaseName.of(names);
        assertThat(branch.created()).isTrue();
        assertThat(branch.database()).isEqualTo(admin.database());
        assertThat(branch.schema()).isEqualTo(name);
        try (Connection app = connectAsApp(branch)) {
            assertThat(single(app, "SELECT current_user || '/' || current_schema()")).isEqualTo(name + "/" + name);
            assertThat(single(app, "SELECT customer_count()")).isEqualTo("2");
            execute(app, "ALTER TABLE customers ADD COLUMN email text", "INSERT INTO customers (name) VALUES ('Linus')");
            assertThat(single(app, "SELECT string_agg(schemaname || '.' || tableowner, ',') FROM pg_tables"
                    + " WHERE tablename = 'customers'")).isEqualTo(name + "." + name);
        }
    }

    @Test
    void anEnvironmentCannotReadAnotherEnvironmentsSchema() throws Exception {
        DatabaseBranch auth = provision(environment(app, "feature/auth"), SEED_SQL);
        DatabaseBranch login = provision(environment(app, "feature/login"), SEED_SQL);

        assertThat(auth.schema()).isNotEqualTo(login.schema());
        try (Connection app = connectAsApp(auth)) {
            assertThatThrownBy(() -> single(app, "SELECT count(*) FROM " + SqlText.identifier(login.schema()) + ".customers"))
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("42501"));
        }
    }

    @Test
    void provisioningAgainKeepsTheDataAndDoesNotSeedAgain() throws Exception {
        EnvironmentNames names = environment(app, "main");
        provision(names, SEED_SQL);

        DatabaseBranch again = provision(names, SEED_SQL);

        assertThat(again.created()).isFalse();
        try (Connection app = connectAsApp(again)) {
            assertThat(single(app, "SELECT count(*) FROM customers")).isEqualTo("2");
        }
    }

    @Test
    void aFailingScriptIsNamedAndLeavesNoSchemaTableOrRoleBehind() throws Exception {
        EnvironmentNames names = environment(app, "broken");
        String broken = "CREATE TABLE customers (id int);\nINSERT INTO customers VALUES (1);\nINSERT INTO nowhere VALUES (2);\n";

        assertThatThrownBy(() -> provision(names, broken))
                .isInstanceOf(DatabaseBranchException.class)
                .hasMessageContaining("seeding schema " + DatabaseName.of(names))
                .hasMessageContaining("seed.sql")
                .hasMessageContaining("relation \"nowhere\" does not exist");
        String name = DatabaseName.of(names);
        try (Connection session = admin.open()) {
            assertThat(roleExists(session, name)).isFalse();
            assertThat(schemaExists(session, name)).isFalse();
        }
    }

    @Test
    void scriptsThatNeedPsqlOrTheirOwnTransactionAreRefusedBeforeAnythingIsCreated() throws Exception {
        EnvironmentNames names = environment(app, "psql");
        assertThatThrownBy(() -> provision(names, "CREATE TABLE t (id int);\n\\copy t from 'data.csv'\n"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.getField()).isEqualTo("database"))
                .hasMessageContaining("\\copy");
        assertThatThrownBy(() -> provision(names, "BEGIN;\nCREATE TABLE t (id int);\nCOMMIT;\n"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.getField()).isEqualTo("database"))
                .hasMessageContaining("BEGIN");
        try (Connection session = admin.open()) {
            assertThat(roleExists(session, DatabaseName.of(names))).isFalse();
        }
    }

    @Test
    void aMissingScriptIsNamed() {
        Path missing = workspace.resolve("db/missing.sql");
        assertThatThrownBy(() -> new DatabaseBranches(admin).provision(environment(app, "x"),
                        DatabaseStrategy.parse("schema:" + missing), messages::add))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.getField()).isEqualTo("database"))
                .hasMessageContaining(missing.toString())
                .hasMessageContaining("does not exist");
    }
}
