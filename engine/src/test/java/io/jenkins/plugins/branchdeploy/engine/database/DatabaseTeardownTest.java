package io.jenkins.plugins.branchdeploy.engine.database;

import static io.jenkins.plugins.branchdeploy.engine.database.PostgresServer.connectAsApp;
import static io.jenkins.plugins.branchdeploy.engine.database.PostgresServer.databaseExists;
import static io.jenkins.plugins.branchdeploy.engine.database.PostgresServer.environment;
import static io.jenkins.plugins.branchdeploy.engine.database.PostgresServer.execute;
import static io.jenkins.plugins.branchdeploy.engine.database.PostgresServer.roleExists;
import static io.jenkins.plugins.branchdeploy.engine.database.PostgresServer.schemaExists;
import static io.jenkins.plugins.branchdeploy.engine.database.PostgresServer.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.branchdeploy.engine.naming.EnvironmentNames;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.io.TempDir;

/** Teardown against a real PostgreSQL server: sessions ended, database or schema and role gone, absent is success. */
@EnabledIfEnvironmentVariable(named = PostgresServer.VARIABLE, matches = ".+", disabledReason = PostgresServer.ABSENT)
class DatabaseTeardownTest {

    private static AdminConnection admin;
    private static String seed;

    @TempDir
    Path workspace;

    private final String app = unique("shop");
    private final List<String> messages = new ArrayList<>();

    @BeforeAll
    static void createSeed() throws SQLException {
        admin = PostgresServer.admin();
        seed = unique("seed_");
        try (Connection session = admin.open()) {
            execute(session, "CREATE DATABASE " + seed);
        }
        try (Connection session = admin.open(seed)) {
            execute(session, "CREATE TABLE customers (name text)");
        }
    }

    @AfterAll
    static void dropSeed() throws SQLException {
        if (admin != null) {
            try (Connection session = admin.open()) {
                execute(session, "DROP DATABASE IF EXISTS " + seed);
            }
        }
    }

    @Test
    void dropsACopiedDatabaseAndItsRoleEndingTheAppsSessions() throws SQLException {
        EnvironmentNames names = environment(app, "feature/auth");
        DatabaseBranches branches = new DatabaseBranches(admin);
        DatabaseBranch branch = branches.provision(names, DatabaseStrategy.parse("template:" + seed), messages::add);

        try (Connection app = connectAsApp(branch)) {
            branches.drop(names, messages::add);
            assertThat(app.isValid(5)).isFalse();
        }

        String name = DatabaseName.of(names);
        try (Connection session = admin.open()) {
            assertThat(databaseExists(session, name)).isFalse();
            assertThat(roleExists(session, name)).isFalse();
        }
        assertThat(messages).contains("database: ended 1 session(s) of role " + name,
                "database: dropped database " + name + ", role " + name);
    }

    @Test
    void dropsASchemaAndItsRoleAndLeavesTheSharedDatabase() throws Exception {
        EnvironmentNames names = environment(app, "feature/auth");
        Path script = Files.writeString(workspace.resolve("seed.sql"), "CREATE TABLE customers (name text);");
        DatabaseBranches branches = new DatabaseBranches(admin);
        branches.provision(names, DatabaseStrategy.parse("schema:" + script), messages::add);

        branches.drop(names, messages::add);

        String name = DatabaseName.of(names);
        try (Connection session = admin.open()) {
            assertThat(schemaExists(session, name)).isFalse();
            assertThat(roleExists(session, name)).isFalse();
            assertThat(databaseExists(session, admin.database())).isTrue();
        }
    }

    @Test
    void droppingWhatDoesNotExistSucceeds() {
        EnvironmentNames names = environment(app, "never-deployed");
        DatabaseBranches branches = new DatabaseBranches(admin);

        branches.drop(names, messages::add);
        branches.drop(names, messages::add);

        assertThat(messages).containsExactly("database: nothing to drop for environment never-deployed",
                "database: nothing to drop for environment never-deployed");
    }

    @Test
    void aDatabaseOfTheSameNameThatTheEnvironmentDoesNotOwnIsLeftAlone() throws SQLException {
        EnvironmentNames names = environment(app, "foreign");
        String name = DatabaseName.of(names);
        try (Connection session = admin.open()) {
            execute(session, "CREATE DATABASE " + name);
        }
        try {
            DatabaseBranches branches = new DatabaseBranches(admin);
            assertThatThrownBy(() -> branches.drop(names, messages::add))
                    .isInstanceOf(DatabaseBranchException.class)
                    .hasMessageContaining("database " + name + " exists but is owned by " + admin.user());
            assertThatThrownBy(() -> branches.provision(names, DatabaseStrategy.parse("template:" + seed), messages::add))
                    .isInstanceOf(DatabaseBranchException.class)
                    .hasMessageContaining("left alone");
            try (Connection session = admin.open()) {
                assertThat(databaseExists(session, name)).isTrue();
                assertThat(roleExists(session, name)).isFalse();
            }
        } finally {
            try (Connection session = admin.open()) {
                execute(session, "DROP DATABASE " + name);
            }
        }
    }
}
