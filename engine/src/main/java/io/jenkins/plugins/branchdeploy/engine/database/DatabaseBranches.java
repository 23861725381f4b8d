package io.jenkins.plugins.branchdeploy.engine.database;

import io.jenkins.plugins.branchdeploy.engine.ProgressListener;
import io.jenkins.plugins.branchdeploy.engine.naming.EnvironmentNames;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Gives every environment database state of its own on one PostgreSQL server and takes it away
 * again. Each environment gets a login role with a random password that owns either a copy of
 * a seed database ({@link DatabaseStrategy.Template}) or a schema in the admin connection's database
 * ({@link DatabaseStrategy.Schema}); role, database and schema are all named {@link DatabaseName#of}.
 *
 * <p>Needs PostgreSQL 14 or later and an admin role with CREATEDB and CREATEROLE (a superuser, or on
 * managed services the owner of the seed). Messages to the listener never hold a password.
 */
public final class DatabaseBranches {

    private final AdminConnection admin;
    private final String appHost;
    private final int appPort;

    /** The app reaches the server where the admin does. */
    public DatabaseBranches(AdminConnection admin) {
        this(admin, admin.host(), admin.port());
    }

    /**
     * @param appHost the host the app connects to, when it differs from the admin's (a Service name
     *     inside the cluster, say, while the admin goes through a tunnel)
     */
    public DatabaseBranches(AdminConnection admin, String appHost, int appPort) {
        this.admin = admin;
        this.appHost = appHost;
        this.appPort = appPort;
    }

    /**
     * Creates the environment's role and database or schema, or keeps them with their data when they
     * exist; either way the role gets a new password, which the result carries. On failure nothing
     * this call created is left behind.
     *
     * @throws DatabaseBranchException naming what failed: a missing seed, a denied permission, a full disk...
     * @throws io.jenkins.plugins.branchdeploy.engine.InvalidInputException for an unusable seed or script
     */
    public DatabaseBranch provision(EnvironmentNames names, DatabaseStrategy strategy, ProgressListener listener) {
        return provision(names, strategy, null, listener);
    }

    /**
     * As {@link #provision(EnvironmentNames, DatabaseStrategy, ProgressListener)}, keeping the role's
     * password: the role gets {@code currentPassword} (the one the environment's Secret holds from the
     * deploy before) rather than a new one, so that a redeploy changes no Secret and an unchanged
     * redeploy writes nothing to the cluster. Only a password this class generated is kept (32
     * letters and digits); anything else, or {@code null}, gets a new random password.
     */
    public DatabaseBranch provision(EnvironmentNames names, DatabaseStrategy strategy, String currentPassword,
            ProgressListener listener) {
        EnvironmentRole role = new EnvironmentRole(DatabaseName.of(names));
        boolean keepPassword = EnvironmentRole.isGenerated(currentPassword);
        String password = keepPassword ? currentPassword : EnvironmentRole.newPassword();
        try (Connection session = openAdmin()) {
            boolean created;
            String database;
            String schema;
            if (strategy instanceof DatabaseStrategy.Template template) {
                created = provisionCopy(session, new TemplateCopy(admin, template), role, password, listener);
                database = role.name();
                schema = null;
            } else {
                SchemaSeed seed = SchemaSeed.read(((DatabaseStrategy.Schema) strategy).script());
                created = new EnvironmentSchema(admin, seed).provision(session, role, password, listener);
                database = admin.database();
                schema = role.name();
            }
            listener.info("database: " + (created ? "created " : "kept ") + (schema == null ? "database " : "schema ")
                    + role.name() + " for role " + role.name() + (keepPassword ? " with its password" : " with a new password"));
            return new DatabaseBranch(appHost, appPort, database, schema, role.name(), password, admin.sslMode(), created);
        } catch (SQLException e) {
            throw SqlFailure.of("provisioning the database of environment " + names.environment(), e, admin);
        }
    }

    private boolean provisionCopy(Connection session, TemplateCopy copy, EnvironmentRole role, String password,
            ProgressListener listener) throws SQLException {
        copy.checkSeed(session);
        boolean roleCreated;
        try {
            roleCreated = role.ensure(session, password);
        } catch (SQLException e) {
            throw SqlFailure.of("creating role " + role.name(), e, admin);
        }
        try {
            return copy.provision(session, role, listener);
        } catch (RuntimeException e) {
            if (roleCreated) {
                dropRoleQuietly(session, role, e);
            }
            throw e;
        }
    }

    /**
     * Whether database branch {@code name} is a schema in the admin connection's database (the schema
     * strategy) rather than a database of its own.
     */
    public boolean isSchema(String name) {
        try (Connection session = openAdmin()) {
            return DatabaseCatalog.schemaOwner(session, name) != null;
        } catch (SQLException e) {
            throw SqlFailure.of("reading the catalog for database branch " + name, e, admin);
        }
    }

    /**
     * Drops the environment's database or schema and its role, ending their sessions first. What does
     * not exist counts as dropped; a database or schema of that name not owned by the environment's
     * role is refused.
     */
    public void drop(EnvironmentNames names, ProgressListener listener) {
        drop(names.app(), names.environment(), listener);
    }

    /**
     * As {@link #drop(EnvironmentNames, ProgressListener)}, for an environment known by its app slug
     * and environment id, e.g. one from the inventory.
     */
    public void drop(String app, String environment, ProgressListener listener) {
        EnvironmentRole role = new EnvironmentRole(DatabaseName.of(app, environment));
        String name = role.name();
        try (Connection session = openAdmin()) {
            String databaseOwner = DatabaseCatalog.databaseOwner(session, name);
            String schemaOwner = DatabaseCatalog.schemaOwner(session, name);
            if (databaseOwner != null) {
                DatabaseCatalog.requireOwnedBy("database", name, databaseOwner);
            }
            if (schemaOwner != null) {
                DatabaseCatalog.requireOwnedBy("schema", name, schemaOwner);
            }
            boolean roleExists = role.exists(session);
            if (databaseOwner == null && schemaOwner == null && !roleExists) {
                listener.info("database: nothing to drop for environment " + environment);
                return;
            }
            List<String> dropped = new ArrayList<>();
            if (roleExists) {
                int ended = role.terminateSessions(session);
                if (ended > 0) {
                    listener.info("database: ended " + ended + " session(s) of role " + name);
                }
            }
            try (Statement sql = session.createStatement()) {
                if (databaseOwner != null) {
                    sql.execute("DROP DATABASE " + SqlText.identifier(name) + " WITH (FORCE)");
                    dropped.add("database " + name);
                }
                if (schemaOwner != null) {
                    sql.execute("DROP SCHEMA " + SqlText.identifier(name) + " CASCADE");
                    dropped.add("schema " + name);
                }
            }
            if (roleExists) {
                role.drop(session);
                dropped.add("role " + name);
            }
            listener.info("database: dropped " + String.join(", ", dropped));
        } catch (SQLException e) {
            throw SqlFailure.of("dropping the database of environment " + environment, e, admin);
        }
    }

    private Connection openAdmin() {
        try {
            return admin.open();
        } catch (SQLException e) {
            throw SqlFailure.of("connecting to " + admin, e, admin);
        }
    }

    private void dropRoleQuietly(Connection session, EnvironmentRole role, RuntimeException failure) {
        try {
            role.drop(session);
        } catch (SQLException e) {
            failure.addSuppressed(admin.scrubbed(e));
        }
    }
}
