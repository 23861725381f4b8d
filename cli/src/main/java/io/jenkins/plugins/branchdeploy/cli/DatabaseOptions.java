package io.jenkins.plugins.branchdeploy.cli;

import io.jenkins.plugins.branchdeploy.engine.Durations;
import io.jenkins.plugins.branchdeploy.engine.InvalidInputException;
import io.jenkins.plugins.branchdeploy.engine.database.AdminConnection;
import io.jenkins.plugins.branchdeploy.engine.database.DatabaseBranches;
import io.jenkins.plugins.branchdeploy.engine.database.DatabaseStrategy;
import io.jenkins.plugins.branchdeploy.engine.database.SeedConnections;
import java.util.function.UnaryOperator;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** A deploy's {@code --database template:SEED|schema:SCRIPT}, how the seed is copied, and the connections that go with it. */
public class DatabaseOptions {

    @Option(names = "--database", paramLabel = "template:SEED|schema:SCRIPT",
            description = "Database state of the environment's own on a PostgreSQL server: a copy of database SEED, or a schema "
                    + "seeded by the SQL file SCRIPT. Its connection details go into Secret 'database'; teardown drops it.")
    String database;

    @Option(names = "--seed-connections", paramLabel = "block|terminate",
            description = "With --database template:SEED, what to do about sessions open on the seed while it is copied: "
                    + "block (wait for them to end, up to --seed-wait) or terminate (end them) (default: block).")
    String seedConnections;

    @Option(names = "--seed-wait", paramLabel = "DURATION",
            description = "With --database template:SEED and --seed-connections block, how long to wait for sessions on the seed "
                    + "to end (default: 60s).")
    String seedWait;

    @Option(names = "--database-host", paramLabel = "HOST[:PORT]",
            description = "The server's address as the app reaches it, for Secret 'database', when it differs from the admin "
                    + "connection's (e.g. a Service name inside the cluster while the admin goes through a tunnel) "
                    + "(default: the admin connection's host and port).")
    String databaseHost;

    @Mixin
    DatabaseAdminOptions admin;

    /** The strategy, or {@code null} without {@code --database}. */
    DatabaseStrategy strategy() {
        if (database == null) {
            if (seedConnections != null || seedWait != null || databaseHost != null) {
                throw new InvalidInputException("database", "--seed-connections, --seed-wait and --database-host go with "
                        + "--database; add --database template:SEED or schema:SCRIPT");
            }
            return null;
        }
        DatabaseStrategy strategy = DatabaseStrategy.parse(database);
        if (strategy instanceof DatabaseStrategy.Template template) {
            if (seedConnections != null) {
                template = template.withSeedConnections(SeedConnections.parse(seedConnections));
            }
            if (seedWait != null) {
                template = template.withSeedWait(Durations.parse("seed-wait", seedWait));
            }
            return template;
        }
        if (seedConnections != null || seedWait != null) {
            throw new InvalidInputException("seed-connections", "--seed-connections and --seed-wait are about copying a seed; "
                    + "they go with --database template:SEED, not " + database);
        }
        return strategy;
    }

    /** The database server, or {@code null} without {@code --database}. */
    DatabaseBranches branches(UnaryOperator<String> environment) {
        if (database == null) {
            return null;
        }
        AdminConnection connection = admin.required(environment);
        if (databaseHost == null) {
            return new DatabaseBranches(connection);
        }
        HostPort app = HostPort.parse("database-host", databaseHost, connection.port());
        return new DatabaseBranches(connection, app.host(), app.port());
    }
}
