package io.jenkins.plugins.branchdeploy.cli;

import io.jenkins.plugins.branchdeploy.engine.database.DatabaseBranches;
import io.jenkins.plugins.branchdeploy.engine.database.DatabaseStrategy;
import java.util.function.UnaryOperator;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code --database template:SEED|schema:SCRIPT} and the admin connection that goes with it. */
public class DatabaseOptions {

    @Option(names = "--database", paramLabel = "template:SEED|schema:SCRIPT",
            description = "Database state of the environment's own on a PostgreSQL server: a copy of database SEED, or a schema "
                    + "seeded by the SQL file SCRIPT. Its connection details go into Secret 'database'; teardown drops it.")
    String database;

    @Mixin
    DatabaseAdminOptions admin;

    /** The strategy, or {@code null} without {@code --database}. */
    DatabaseStrategy strategy() {
        return database == null ? null : DatabaseStrategy.parse(database);
    }

    /** The database server when there is an admin connection (required with {@code --database}), else {@code null}. */
    DatabaseBranches branchesIfAdmin(UnaryOperator<String> environment) {
        return database == null ? admin.optional(environment) : admin.required(environment);
    }

    /** The database server, or {@code null} without {@code --database}. */
    DatabaseBranches branches(UnaryOperator<String> environment) {
        return database == null ? null : admin.required(environment);
    }
}
