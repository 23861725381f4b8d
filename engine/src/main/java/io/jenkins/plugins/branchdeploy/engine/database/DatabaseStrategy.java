package io.jenkins.plugins.branchdeploy.engine.database;

import io.jenkins.plugins.branchdeploy.engine.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/** How an environment gets its own database state: a copy of a seed database, or a schema of its own. */
public sealed interface DatabaseStrategy {

    String FIELD = "database";

    /** How long {@link SeedConnections#BLOCK} waits for sessions on the seed to end by default. */
    Duration DEFAULT_SEED_WAIT = Duration.ofSeconds(60);

    /**
     * Parses the command-line form {@code template:SEED} or {@code schema:SCRIPT}.
     *
     * @throws InvalidInputException naming the field {@code database}
     */
    static DatabaseStrategy parse(String spec) {
        String usage = "; use template:SEED (a copy of the seed database) or schema:SCRIPT (a schema seeded by a SQL file)";
        if (spec == null || spec.isBlank()) {
            throw new InvalidInputException(FIELD, "is empty" + usage);
        }
        int colon = spec.indexOf(':');
        String kind = colon < 0 ? spec : spec.substring(0, colon);
        String value = colon < 0 ? "" : spec.substring(colon + 1);
        return switch (kind) {
            case "template" -> new Template(value, SeedConnections.BLOCK, DEFAULT_SEED_WAIT);
            case "schema" -> new Schema(scriptPath(value));
            default -> throw new InvalidInputException(FIELD, "'" + spec + "' has no known strategy" + usage);
        };
    }

    private static Path scriptPath(String value) {
        if (value.isBlank()) {
            throw new InvalidInputException(FIELD, "schema: has no script; write schema:PATH, e.g. schema:db/seed.sql");
        }
        try {
            return Path.of(value);
        } catch (InvalidPathException e) {
            throw new InvalidInputException(FIELD, "schema script '" + value + "' is not a file path: " + e.getReason());
        }
    }

    /**
     * {@code CREATE DATABASE <environment> TEMPLATE <seed>}: a file-level copy of the seed, owned by the
     * environment's role.
     *
     * @param seed the seed database's name, exactly as {@code psql -l} lists it (case matters)
     * @param seedConnections what to do about sessions on the seed while it is copied
     * @param seedWait how long to wait for those sessions to end
     */
    record Template(String seed, SeedConnections seedConnections, Duration seedWait) implements DatabaseStrategy {

        public Template {
            if (seed == null || seed.isBlank()) {
                throw new InvalidInputException(FIELD, "template: has no seed database; write template:SEED, e.g. template:shop_seed");
            }
            if (seed.getBytes(StandardCharsets.UTF_8).length > DatabaseName.MAX_BYTES || seed.indexOf('\0') >= 0) {
                throw new InvalidInputException(FIELD, "seed '" + seed
                        + "' is not a PostgreSQL database name (at most 63 bytes, no NUL character)");
            }
            Objects.requireNonNull(seedConnections, "seedConnections");
            if (seedWait == null || seedWait.isNegative()) {
                throw new InvalidInputException("seedWait", "must be zero or more seconds");
            }
        }

        public Template withSeedConnections(SeedConnections newSeedConnections) {
            return new Template(seed, newSeedConnections, seedWait);
        }

        public Template withSeedWait(Duration newSeedWait) {
            return new Template(seed, seedConnections, newSeedWait);
        }
    }

    /**
     * A schema of the environment's own in the admin connection's database, created and then seeded
     * by a SQL script that runs as the environment's role with the schema as its search path.
     *
     * @param script a file of plain SQL statements (no psql meta-commands)
     */
    record Schema(Path script) implements DatabaseStrategy {

        public Schema {
            Objects.requireNonNull(script, "script");
        }
    }
}
