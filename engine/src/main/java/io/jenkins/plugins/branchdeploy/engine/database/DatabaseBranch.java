package io.jenkins.plugins.branchdeploy.engine.database;

import io.jenkins.plugins.branchdeploy.engine.request.SecretEntry;
import java.util.List;
import java.util.Objects;

/**
 * One environment's database state and how its app connects to it: a role of its own that owns a
 * database (template strategy) or a schema in a shared database (schema strategy; the role's
 * search path is that schema). The password never appears in {@link #toString()}.
 *
 * @param host the host the app connects to
 * @param port the port the app connects to
 * @param database the database the app opens
 * @param schema the environment's schema, or {@code null} for the template strategy
 * @param user the environment's role
 * @param password the role's password
 * @param sslMode the TLS mode to connect with, or {@code null} for the driver's default
 * @param created whether this call created it; {@code false} when it existed and kept its data
 */
public record DatabaseBranch(String host, int port, String database, String schema, String user, String password,
        String sslMode, boolean created) {

    /** The Kubernetes Secret in the environment's namespace that holds the app's connection details. */
    public static final String SECRET_NAME = "database";

    public DatabaseBranch {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
    }

    /** {@code postgresql://user:password@host:port/database}, understood by libpq, psycopg, node-postgres, Rails. */
    public String url() {
        return "postgresql://" + AdminConnection.encode(user) + ":" + AdminConnection.encode(password) + "@"
                + hostPort() + "/" + AdminConnection.encode(database)
                + (sslMode == null ? "" : "?sslmode=" + AdminConnection.encode(sslMode));
    }

    /** The keys of Secret {@value #SECRET_NAME}: {@code DATABASE_URL} and libpq's PGHOST, PGPORT, PGDATABASE, PGUSER, PGPASSWORD. */
    public List<SecretEntry> secretEntries() {
        return secretEntries(SECRET_NAME);
    }

    public List<SecretEntry> secretEntries(String secretName) {
        return List.of(
                new SecretEntry(secretName, "DATABASE_URL", url()),
                new SecretEntry(secretName, "PGHOST", host),
                new SecretEntry(secretName, "PGPORT", Integer.toString(port)),
                new SecretEntry(secretName, "PGDATABASE", database),
                new SecretEntry(secretName, "PGUSER", user),
                new SecretEntry(secretName, "PGPASSWORD", password));
    }

    private String hostPort() {
        return host + ":" + port;
    }

    @Override
    public String toString() {
        return "DatabaseBranch[" + user + "@" + hostPort() + "/" + database + (schema == null ? "" : " schema " + schema)
                + (created ? ", created" : ", kept") + "]";
    }
}
