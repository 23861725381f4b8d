package io.jenkins.plugins.branchdeploy.engine.database;

import io.jenkins.plugins.branchdeploy.engine.InvalidInputException;
import io.jenkins.plugins.branchdeploy.engine.ProgressListener;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The template strategy: the environment's database is a copy of the seed
 * ({@code CREATE DATABASE ... TEMPLATE seed}), owned by the environment's role with everything in it,
 * and closed to every other role. A database that exists already keeps its data.
 */
final class TemplateCopy {

    private final AdminConnection admin;
    private final DatabaseStrategy.Template strategy;

    TemplateCopy(AdminConnection admin, DatabaseStrategy.Template strategy) {
        this.admin = admin;
        this.strategy = strategy;
    }

    /** @return whether the database was created (rather than kept) */
    boolean provision(Connection session, EnvironmentRole role, ProgressListener listener) throws SQLException {
        String name = role.name();
        String existingOwner = DatabaseCatalog.databaseOwner(session, name);
        if (existingOwner != null) {
            DatabaseCatalog.requireOwnedBy("database", name, existingOwner);
            listener.info("database: " + name + " exists; keeping its data");
            return false;
        }
        listener.info("database: copying seed " + strategy.seed() + " into " + name);
        try (SeedGuard guard = SeedGuard.hold(session, strategy.seed(), strategy.seedConnections(), strategy.seedWait(), listener);
                Statement sql = session.createStatement()) {
            sql.execute("CREATE DATABASE " + SqlText.identifier(name) + " TEMPLATE " + SqlText.identifier(strategy.seed())
                    + " OWNER " + SqlText.identifier(name));
        } catch (SQLException e) {
            throw SqlFailure.of("copying seed database " + strategy.seed() + " into " + name, e, admin);
        }
        try {
            try (Statement sql = session.createStatement()) {
                sql.execute("REVOKE ALL ON DATABASE " + SqlText.identifier(name) + " FROM PUBLIC");
            }
            try (Connection copy = admin.open(name)) {
                OwnershipTransfer.toRole(copy, name);
            }
        } catch (SQLException | RuntimeException e) {
            dropQuietly(session, name, e);
            throw e instanceof SQLException sqlException
                    ? SqlFailure.of("handing database " + name + " to role " + name, sqlException, admin)
                    : (RuntimeException) e;
        }
        return true;
    }

    /** Fails before anything is created when the seed is missing or is the admin's own database. */
    void checkSeed(Connection session) throws SQLException {
        if (strategy.seed().equals(admin.database())) {
            throw new InvalidInputException(DatabaseStrategy.FIELD, "seed " + strategy.seed()
                    + " is the database the admin connection opens, and a database in use cannot be copied;"
                    + " connect the admin to another database, e.g. postgres");
        }
        try (PreparedStatement query = session.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            query.setString(1, strategy.seed());
            try (ResultSet row = query.executeQuery()) {
                if (!row.next()) {
                    throw new DatabaseBranchException("copying seed database " + strategy.seed()
                            + " failed: the seed database does not exist on " + admin.host() + ":" + admin.port()
                            + "; create it or fix the name in template:SEED (names are case-sensitive)");
                }
            }
        }
    }

    private static void dropQuietly(Connection session, String name, Exception failure) {
        try (Statement sql = session.createStatement()) {
            sql.execute("DROP DATABASE IF EXISTS " + SqlText.identifier(name) + " WITH (FORCE)");
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
    }
}
