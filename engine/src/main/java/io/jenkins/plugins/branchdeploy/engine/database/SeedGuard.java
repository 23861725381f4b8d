package io.jenkins.plugins.branchdeploy.engine.database;

import io.jenkins.plugins.branchdeploy.engine.ProgressListener;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Keeps the seed database free of other sessions while it is copied: PostgreSQL refuses to copy a
 * database anyone is connected to. Blocks new connections, waits for (or ends) the open ones, and on
 * {@link #close()} allows connections again if they were allowed before. An advisory lock keeps two
 * copies of one seed from re-opening it under each other's feet.
 */
final class SeedGuard implements AutoCloseable {

    /** First key of the advisory lock: "BDsd", so that it does not collide with an app's own locks. */
    private static final int LOCK_SPACE = 0x42447364;
    private static final long POLL_MILLIS = 100;

    private final Connection admin;
    private final String seed;
    private final boolean wasAllowingConnections;

    private SeedGuard(Connection admin, String seed, boolean wasAllowingConnections) {
        this.admin = admin;
        this.seed = seed;
        this.wasAllowingConnections = wasAllowingConnections;
    }

    /** Blocks connections to {@code seed} and returns once no other session is left on it. */
    static SeedGuard hold(Connection admin, String seed, SeedConnections policy, Duration wait, ProgressListener listener)
            throws SQLException {
        lock(admin, "pg_advisory_lock", seed);
        boolean allowing;
        try {
            allowing = allowsConnections(admin, seed);
            if (allowing) {
                setAllowConnections(admin, seed, false);
            }
        } catch (SQLException | RuntimeException e) {
            lock(admin, "pg_advisory_unlock", seed);
            throw e;
        }
        SeedGuard guard = new SeedGuard(admin, seed, allowing);
        try {
            guard.emptySeed(policy, wait, listener);
        } catch (SQLException | RuntimeException e) {
            guard.closeQuietly(e);
            throw e;
        }
        return guard;
    }

    private void emptySeed(SeedConnections policy, Duration wait, ProgressListener listener) throws SQLException {
        List<String> sessions = sessionsOnSeed();
        if (sessions.isEmpty()) {
            return;
        }
        if (policy == SeedConnections.TERMINATE) {
            listener.info("database: ending " + sessions.size() + " session(s) on seed " + seed + " " + sessions);
            terminateSessionsOnSeed();
        } else {
            listener.info("database: waiting up to " + wait.toSeconds() + " s for " + sessions.size()
                    + " session(s) on seed " + seed + " to end " + sessions);
        }
        long deadline = System.nanoTime() + wait.toNanos();
        while (!sessions.isEmpty() && System.nanoTime() < deadline) {
            sleep();
            sessions = sessionsOnSeed();
        }
        if (!sessions.isEmpty()) {
            throw new DatabaseBranchException("cloning seed database " + seed + " failed: " + sessions.size()
                    + " session(s) " + sessions + " still use it after " + wait.toSeconds()
                    + " s; close them, wait longer (seedWait), or let them be ended (seed connections: terminate)");
        }
    }

    /** Who is connected to the seed, as {@code user/application}; never what they run. */
    private List<String> sessionsOnSeed() throws SQLException {
        List<String> sessions = new ArrayList<>();
        try (PreparedStatement query = admin.prepareStatement("SELECT usename, application_name FROM pg_stat_activity"
                + " WHERE datname = ? AND pid <> pg_backend_pid() AND backend_type = 'client backend' ORDER BY pid")) {
            query.setString(1, seed);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    String application = rows.getString(2);
                    sessions.add(rows.getString(1) + (application == null || application.isEmpty() ? "" : "/" + application));
                }
            }
        }
        return sessions;
    }

    private void terminateSessionsOnSeed() throws SQLException {
        try (PreparedStatement terminate = admin.prepareStatement("SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                + " WHERE datname = ? AND pid <> pg_backend_pid() AND backend_type = 'client backend'")) {
            terminate.setString(1, seed);
            terminate.execute();
        }
    }

    @Override
    public void close() throws SQLException {
        try {
            if (wasAllowingConnections) {
                setAllowConnections(admin, seed, true);
            }
        } finally {
            lock(admin, "pg_advisory_unlock", seed);
        }
    }

    private void closeQuietly(Exception failure) {
        try {
            close();
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
    }

    private static boolean allowsConnections(Connection admin, String seed) throws SQLException {
        try (PreparedStatement query = admin.prepareStatement("SELECT datallowconn FROM pg_database WHERE datname = ?")) {
            query.setString(1, seed);
            try (ResultSet row = query.executeQuery()) {
                return row.next() && row.getBoolean(1);
            }
        }
    }

    private static void setAllowConnections(Connection admin, String seed, boolean allow) throws SQLException {
        try (Statement sql = admin.createStatement()) {
            sql.execute("ALTER DATABASE " + SqlText.identifier(seed) + " ALLOW_CONNECTIONS " + allow);
        }
    }

    private static void lock(Connection admin, String function, String seed) throws SQLException {
        try (PreparedStatement lock = admin.prepareStatement("SELECT " + function + "(?, hashtext(?))")) {
            lock.setInt(1, LOCK_SPACE);
            lock.setString(2, seed);
            lock.execute();
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(POLL_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DatabaseBranchException("interrupted while waiting for sessions on the seed database to end", e);
        }
    }
}
