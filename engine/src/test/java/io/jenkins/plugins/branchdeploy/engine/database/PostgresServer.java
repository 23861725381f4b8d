package io.jenkins.plugins.branchdeploy.engine.database;

import io.jenkins.plugins.branchdeploy.engine.branch.BranchRef;
import io.jenkins.plugins.branchdeploy.engine.naming.EnvironmentNames;
import io.jenkins.plugins.branchdeploy.engine.naming.NamingPolicy;
import io.jenkins.plugins.branchdeploy.engine.request.SecretEntry;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The real PostgreSQL server the database tests run against, named by
 * {@value #VARIABLE} ({@code .ci/postgres.sh} starts one). Without it those tests skip.
 */
final class PostgresServer {

    static final String VARIABLE = "BRANCH_DEPLOY_TEST_DATABASE_URL";
    static final String ABSENT = VARIABLE
            + " is not set: skipping the tests against a real PostgreSQL server (.ci/postgres.sh starts one and prints it)";

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final NamingPolicy NAMING = NamingPolicy.withDefaults("example.dev");

    private PostgresServer() {}

    /** The admin connection; tests that use it are enabled only where {@value #VARIABLE} is set. */
    static AdminConnection admin() {
        String url = System.getenv(VARIABLE);
        if (url == null || url.isBlank()) {
            throw new IllegalStateException(ABSENT);
        }
        return AdminConnection.parse(url);
    }

    /** A name no other test run uses, so that runs sharing a server never meet. */
    static String unique(String prefix) {
        StringBuilder out = new StringBuilder(prefix);
        for (int i = 0; i < 8; i++) {
            out.append((char) ('a' + RANDOM.nextInt(26)));
        }
        return out.toString();
    }

    static EnvironmentNames environment(String app, String branch) {
        return NAMING.names(BranchRef.of(app, branch));
    }

    static void execute(Connection session, String... statements) throws SQLException {
        try (Statement sql = session.createStatement()) {
            for (String statement : statements) {
                sql.execute(statement);
            }
        }
    }

    static boolean exists(Connection admin, String catalogQuery, String name) throws SQLException {
        try (PreparedStatement query = admin.prepareStatement(catalogQuery)) {
            query.setString(1, name);
            try (ResultSet row = query.executeQuery()) {
                return row.next();
            }
        }
    }

    static boolean roleExists(Connection admin, String name) throws SQLException {
        return exists(admin, "SELECT 1 FROM pg_roles WHERE rolname = ?", name);
    }

    static boolean databaseExists(Connection admin, String name) throws SQLException {
        return exists(admin, "SELECT 1 FROM pg_database WHERE datname = ?", name);
    }

    static boolean schemaExists(Connection session, String name) throws SQLException {
        return exists(session, "SELECT 1 FROM pg_namespace WHERE nspname = ?", name);
    }

    static String single(Connection session, String query) throws SQLException {
        try (Statement sql = session.createStatement(); ResultSet row = sql.executeQuery(query)) {
            row.next();
            return row.getString(1);
        }
    }

    /** Connects the way the app does: with the DATABASE_URL from its Secret. */
    static Connection connectAsApp(DatabaseBranch branch) throws SQLException {
        AdminConnection app = AdminConnection.parse(entries(branch).get("DATABASE_URL"));
        return app.open();
    }

    static Map<String, String> entries(DatabaseBranch branch) {
        return branch.secretEntries().stream().collect(Collectors.toMap(SecretEntry::key, SecretEntry::value));
    }
}
