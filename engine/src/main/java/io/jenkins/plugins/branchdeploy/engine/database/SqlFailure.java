package io.jenkins.plugins.branchdeploy.engine.database;

import java.sql.SQLException;

/** Turns the server's SQLSTATE into words a user can act on. */
final class SqlFailure {

    private SqlFailure() {}

    /**
     * The exception to throw when {@code action} failed with {@code e}: names the action, the reason
     * and the server's own message, with the admin password scrubbed from all of it.
     */
    static DatabaseBranchException of(String action, SQLException e, AdminConnection admin) {
        SQLException clean = admin.scrubbed(e);
        String state = clean.getSQLState() == null ? "" : clean.getSQLState();
        String message = action + " failed: " + reason(state, admin) + " (SQLSTATE " + (state.isEmpty() ? "unknown" : state)
                + ": " + firstLine(clean.getMessage()) + ")";
        // Only the scrubbed copy travels on, never the driver's original.
        return new DatabaseBranchException(message, new SQLException(clean.getMessage(), state, clean.getErrorCode()));
    }

    static String reason(String state, AdminConnection admin) {
        return switch (state) {
            case "3D000" -> "the database does not exist";
            case "3F000" -> "the schema does not exist";
            case "42501" -> "permission denied; the admin role " + admin.user()
                    + " needs CREATEDB and CREATEROLE, and to own the seed database (or be a superuser)";
            case "42P04" -> "the database already exists";
            case "42P06" -> "the schema already exists";
            case "42710" -> "the role already exists";
            case "55006" -> "the database is being used by other sessions";
            case "53100" -> "the database server is out of disk space";
            case "53200" -> "the database server is out of memory";
            case "53300" -> "the database server accepts no more connections";
            case "57014" -> "the statement was cancelled (statement_timeout?)";
            case "28P01", "28000" -> "the server refused the admin login of " + admin.user()
                    + " (wrong user or password, or no pg_hba.conf entry)";
            default -> defaultReason(state, admin);
        };
    }

    private static String defaultReason(String state, AdminConnection admin) {
        if (state.startsWith("08")) {
            return "cannot reach the database server at " + admin.host() + ":" + admin.port();
        }
        if (state.startsWith("42")) {
            return "the SQL was refused (syntax error or missing object)";
        }
        if (state.startsWith("53")) {
            return "the database server ran out of resources";
        }
        return "the database server reported an error";
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "no message";
        }
        int newline = message.indexOf('\n');
        return (newline < 0 ? message : message.substring(0, newline)).strip();
    }
}
