package io.jenkins.plugins.branchdeploy.cli;

import io.jenkins.plugins.branchdeploy.engine.InvalidInputException;
import io.jenkins.plugins.branchdeploy.engine.database.AdminConnection;
import io.jenkins.plugins.branchdeploy.engine.database.DatabaseBranches;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.UnaryOperator;
import picocli.CommandLine.Option;

/**
 * Where the admin connection of the PostgreSQL server comes from: the environment variable
 * {@value #ADMIN_VARIABLE} or {@code --database-admin-file}, never the command line, because it holds
 * a password.
 */
public class DatabaseAdminOptions {

    public static final String ADMIN_VARIABLE = "BRANCH_DEPLOY_DATABASE_URL";

    @Option(names = "--database-admin-file", paramLabel = "FILE",
            description = "File holding the admin connection URL postgresql://USER:PASSWORD@HOST:PORT/DATABASE "
                    + "(default: $" + ADMIN_VARIABLE + ").")
    Path adminFile;

    /** The admin connection; without one, an {@link InvalidInputException} saying how to give one. */
    AdminConnection required(UnaryOperator<String> environment) {
        String url = adminUrl(environment);
        if (url == null) {
            throw new InvalidInputException("database", "needs the admin connection of the PostgreSQL server: set "
                    + ADMIN_VARIABLE + " or give --database-admin-file FILE");
        }
        return AdminConnection.parse(url);
    }

    /** The database server, or {@code null} when neither the file nor the variable is given. */
    DatabaseBranches optional(UnaryOperator<String> environment) {
        String url = adminUrl(environment);
        return url == null ? null : new DatabaseBranches(AdminConnection.parse(url));
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
        return url == null || url.isBlank() ? null : url;
    }
}
