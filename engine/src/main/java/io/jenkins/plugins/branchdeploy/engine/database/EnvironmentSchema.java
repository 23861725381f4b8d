package io.jenkins.plugins.branchdeploy.engine.database;

import io.jenkins.plugins.branchdeploy.engine.ProgressListener;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The schema strategy: a schema named after the environment in the admin connection's database,
 * owned by the environment's role, which has it as its search path, seeded by a SQL script that runs
 * as that role. Role, schema and seed data are created in one transaction: a failing script leaves
 * nothing behind. A schema that exists already keeps its data and is not seeded again.
 */
final class EnvironmentSchema {

    private final AdminConnection admin;
    private final SchemaSeed seed;

    EnvironmentSchema(AdminConnection admin, SchemaSeed seed) {
        this.admin = admin;
        this.seed = seed;
    }

    /** @return whether the schema was created (rather than kept) */
    boolean provision(Connection session, EnvironmentRole role, String password, ProgressListener listener)
            throws SQLException {
        String name = role.name();
        String schema = SqlText.identifier(name);
        session.setAutoCommit(false);
        try {
            role.ensure(session, password);
            String existingOwner = DatabaseCatalog.schemaOwner(session, name);
            boolean create = existingOwner == null;
            if (create) {
                listener.info("database: creating schema " + name + " in " + admin.database() + " and running " + seed.path());
                try (Statement sql = session.createStatement()) {
                    sql.execute("CREATE SCHEMA " + schema + " AUTHORIZATION " + schema);
                    sql.execute("ALTER ROLE " + schema + " IN DATABASE " + SqlText.identifier(admin.database())
                            + " SET search_path = " + schema);
                    sql.execute("SET LOCAL ROLE " + schema);
                    sql.execute("SET LOCAL search_path = " + schema);
                }
                runScript(session, name);
                try (Statement sql = session.createStatement()) {
                    sql.execute("RESET ROLE");
                }
            } else {
                DatabaseCatalog.requireOwnedBy("schema", name, existingOwner);
                listener.info("database: schema " + name + " exists in " + admin.database() + "; keeping its data");
            }
            session.commit();
            return create;
        } catch (SQLException | RuntimeException e) {
            session.rollback();
            throw e instanceof SQLException sqlException
                    ? SqlFailure.of("creating schema " + name + " in database " + admin.database(), sqlException, admin)
                    : (RuntimeException) e;
        } finally {
            session.setAutoCommit(true);
        }
    }

    private void runScript(Connection session, String name) {
        try (Statement sql = session.createStatement()) {
            sql.execute(seed.sql());
        } catch (SQLException e) {
            throw SqlFailure.of("seeding schema " + name + " with " + seed.path() + " (run as role " + name + ")", e, admin);
        }
    }
}
