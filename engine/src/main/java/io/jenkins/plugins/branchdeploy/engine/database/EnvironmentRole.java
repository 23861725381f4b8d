package io.jenkins.plugins.branchdeploy.engine.database;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.postgresql.PGConnection;

/** The login role an environment's app connects as: owns the environment's database or schema and nothing else. */
final class EnvironmentRole {

    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final int PASSWORD_LENGTH = 32;
    private static final SecureRandom RANDOM = new SecureRandom();
    /** How long to wait for each ended session to go away, in milliseconds. */
    private static final int TERMINATE_WAIT_MILLIS = 10_000;

    private final String name;

    EnvironmentRole(String name) {
        this.name = name;
    }

    String name() {
        return name;
    }

    /** About 190 random bits, in characters that need no escaping in a URL or a shell. */
    static String newPassword() {
        StringBuilder out = new StringBuilder(PASSWORD_LENGTH);
        for (int i = 0; i < PASSWORD_LENGTH; i++) {
            out.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return out.toString();
    }

    /** Whether {@code password} has the form {@link #newPassword()} gives, so that it may be kept. */
    static boolean isGenerated(String password) {
        if (password == null || password.length() != PASSWORD_LENGTH) {
            return false;
        }
        return password.chars().allMatch(c -> ALPHABET.indexOf(c) >= 0);
    }

    boolean exists(Connection admin) throws SQLException {
        try (PreparedStatement query = admin.prepareStatement("SELECT 1 FROM pg_roles WHERE rolname = ?")) {
            query.setString(1, name);
            try (ResultSet row = query.executeQuery()) {
                return row.next();
            }
        }
    }

    /**
     * Creates the role unless it exists and gives it {@code password}. The password travels as a
     * SCRAM verifier computed here, so the server never sees or logs it in plain text.
     *
     * @return whether the role was created by this call
     */
    boolean ensure(Connection admin, String password) throws SQLException {
        boolean create = !exists(admin);
        try (Statement sql = admin.createStatement()) {
            if (create) {
                sql.execute("CREATE ROLE " + SqlText.identifier(name) + " LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE");
            }
            if (!isSuperuser(admin)) {
                // A non-superuser admin must be a member to make the role an owner and to drop its objects later.
                sql.execute("GRANT " + SqlText.identifier(name) + " TO CURRENT_USER");
            }
        }
        admin.unwrap(PGConnection.class).alterUserPassword(name, password.toCharArray(), null);
        return create;
    }

    /** Ends every session of the role, on any database, and waits until they are gone. */
    int terminateSessions(Connection admin) throws SQLException {
        try (PreparedStatement terminate = admin.prepareStatement(
                "SELECT count(*) FILTER (WHERE pg_terminate_backend(pid, ?)) FROM pg_stat_activity WHERE usename = ?")) {
            terminate.setLong(1, TERMINATE_WAIT_MILLIS);
            terminate.setString(2, name);
            try (ResultSet row = terminate.executeQuery()) {
                row.next();
                return row.getInt(1);
            }
        }
    }

    /** Drops what the role owns in the admin connection's database, its privileges there, and the role. */
    void drop(Connection admin) throws SQLException {
        try (Statement sql = admin.createStatement()) {
            sql.execute("DROP OWNED BY " + SqlText.identifier(name));
            sql.execute("DROP ROLE " + SqlText.identifier(name));
        }
    }

    private static boolean isSuperuser(Connection admin) throws SQLException {
        try (Statement sql = admin.createStatement();
                ResultSet row = sql.executeQuery("SELECT rolsuper FROM pg_roles WHERE rolname = current_user")) {
            return row.next() && row.getBoolean(1);
        }
    }
}
