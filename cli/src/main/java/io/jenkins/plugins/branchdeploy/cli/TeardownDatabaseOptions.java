package io.jenkins.plugins.branchdeploy.cli;

import io.jenkins.plugins.branchdeploy.engine.database.DatabaseBranches;
import java.util.function.UnaryOperator;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * A teardown's database options: with the admin connection, the environment's database branch is
 * dropped; {@code --database} insists on it.
 */
public class TeardownDatabaseOptions {

    @Option(names = "--database", paramLabel = "template:SEED|schema:SCRIPT",
            description = "Insist on dropping the environment's database branch (its role and database or schema): without "
                    + "the admin connection, exit 2. With the admin connection it is dropped anyway.")
    String database;

    @Mixin
    DatabaseAdminOptions admin;

    /** The database server when there is an admin connection (required with {@code --database}), else {@code null}. */
    DatabaseBranches branches(UnaryOperator<String> environment) {
        return database == null ? admin.optional(environment) : new DatabaseBranches(admin.required(environment));
    }
}
