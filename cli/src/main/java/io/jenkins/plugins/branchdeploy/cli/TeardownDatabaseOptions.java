package io.jenkins.plugins.branchdeploy.cli;

import io.jenkins.plugins.branchdeploy.engine.database.DatabaseBranches;
import java.util.function.UnaryOperator;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** A teardown's {@code --database}: also drop the environment's database branch. */
public class TeardownDatabaseOptions {

    @Option(names = "--database", paramLabel = "template:SEED|schema:SCRIPT",
            description = "Also drop the environment's database branch (its role and database or schema) on the PostgreSQL "
                    + "server of the admin connection; give the value the deploy was given.")
    String database;

    @Mixin
    DatabaseAdminOptions admin;

    /** The database server, or {@code null} without {@code --database}. */
    DatabaseBranches branches(UnaryOperator<String> environment) {
        return database == null ? null : new DatabaseBranches(admin.required(environment));
    }
}
