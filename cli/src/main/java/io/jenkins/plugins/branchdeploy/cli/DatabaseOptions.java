package io.jenkins.plugins.branchdeploy.cli;

import io.jenkins.plugins.branchdeploy.engine.InvalidInputException;
import io.jenkins.plugins.branchdeploy.engine.database.AdminConnection;
import io.jenkins.plugins.branchdeploy.engine.database.DatabaseBranches;
import io.jenkins.plugins.branchdeploy.engine.database.DatabaseStrategy;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.UnaryOperator;
import picocli.CommandLine.Option;

/**
 * {@code --database template:SEED|schema:SCRIPT} and where the admin connection comes from: the
 * environment variable {@value #ADMIN_VARIABLE} or {@code --database-admin-file}, never the command
 * line, because it holds a password.
 */
public class DatabaseOptions {

    public static final String ADMIN_VARIABLE = "BRANCH_DEPLOY_DATABASE_URL";

    @Option(names = "--database", paramLabel = "template:SEED|schema:SCRIPT",
            description = "Database state of the environment's own on a PostgreSQL server: a copy of database SEED, or a schema "
                    + "seeded by the SQL file SCRIPT. Its connection details go into Secret 'database'; teardown drops it.")
    String database;

    @Option(names = "--database-admin-file", paramLabel = "FILE",
            description = "File holding the admin connection URL postgresql://USER:PASSWORD@HOST:PORT/DATABASE "
                    + "(default: $" + ADMIN_VARIABLE + ").")
    Path adminFile;

    /** The strategy, or {@code null} without {@code --database}. */
    DatabaseStrategy strategy() {
        return database == null ? null : DatabaseStrategy.parse(database);
    }

    /** The database server, or {@code null} without {@code --database}. */
    DatabaseBranches branches(UnaryOperator<String> environment) {
        if (database == null) {
            return null;
        }
        return new DatabaseBranches(AdminConnection.parse(adminUrl(environment)));
    }

    private String adminUrl(UnaryOperator<String> environment) {
        if (adminFile != null) {
            try {
                return Files.readString(adminFile, StandardCharsets.UTF_8).strip();
            } catch (IOException e) {
                throw new InvalidInputException("database-admin-file", "cannot read " + adminFile
                        + "; give a file holding the admin connection URL");
            }
        }
        String url = environment.apply(ADMIN_VARIABLE);
        if (url == null || url.isBlank()) {
            throw new InvalidInputException("database", "needs the admin connection of the PostgreSQL server: set "
                    + ADMIN_VARIABLE + " or give --database-admin-file FILE");
        }
        return url;
    }
}
