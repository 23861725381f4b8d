package io.jenkins.plugins.branchdeploy.engine.database;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** What the server's catalog says about an environment's database or schema, and whether it is ours. */
final class DatabaseCatalog {

    private DatabaseCatalog() {}

    /** The owner of database {@code name}, or {@code null} when there is no such database. */
    static String databaseOwner(Connection session, String name) throws SQLException {
        return owner(session, "SELECT pg_get_userbyid(datdba) FROM pg_database WHERE datname = ?", name);
    }

    /** The owner of schema {@code name} in the session's database, or {@code null} when there is none. */
    static String schemaOwner(Connection session, String name) throws SQLException {
        return owner(session, "SELECT pg_get_userbyid(nspowner) FROM pg_namespace WHERE nspname = ?", name);
    }

    /**
     * Refuses to touch a database or schema that carries an environment's name but is not owned by
     * that environment's role: something else created it.
     */
    static void requireOwnedBy(String kind, String name, String owner) {
        if (!owner.equals(name)) {
            throw new DatabaseBranchException(kind + " " + name + " exists but is owned by " + owner + ", not by role " + name
                    + " as an environment's " + kind + " is; it was not created for this environment, so it is left alone");
        }
    }

    private static String owner(Connection session, String query, String name) throws SQLException {
        try (PreparedStatement statement = session.prepareStatement(query)) {
            statement.setString(1, name);
            try (ResultSet row = statement.executeQuery()) {
                return row.next() ? row.getString(1) : null;
            }
        }
    }
}
