package io.jenkins.plugins.branchdeploy.engine.database;

import io.jenkins.plugins.branchdeploy.engine.InvalidInputException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The SQL script that seeds an environment's schema: plain SQL that the JDBC driver can run as it is. */
final class SchemaSeed {

    /** psql meta-commands ({@code \i}, {@code \copy}, {@code \connect}...) start a line with a backslash. */
    private static final Pattern META_COMMAND = Pattern.compile("^\\s*\\\\(\\S*)", Pattern.MULTILINE);

    /** The script runs inside the transaction that creates the schema; its own COMMIT would end it early. */
    private static final Pattern TRANSACTION_CONTROL = Pattern.compile(
            "^\\s*(BEGIN|COMMIT|ROLLBACK|START\\s+TRANSACTION)\\s*;", Pattern.MULTILINE | Pattern.CASE_INSENSITIVE);

    private final Path path;
    private final String sql;

    private SchemaSeed(Path path, String sql) {
        this.path = path;
        this.sql = sql;
    }

    static SchemaSeed read(Path path) {
        String sql;
        try {
            sql = Files.readString(path, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new InvalidInputException(DatabaseStrategy.FIELD, "schema script " + path
                    + " does not exist; give the path of a SQL file, e.g. schema:db/seed.sql");
        } catch (IOException e) {
            throw new InvalidInputException(DatabaseStrategy.FIELD, "schema script " + path + " cannot be read: " + e);
        }
        Matcher meta = META_COMMAND.matcher(sql);
        if (meta.find()) {
            throw new InvalidInputException(DatabaseStrategy.FIELD, "schema script " + path + " uses the psql command \\"
                    + meta.group(1) + "; use plain SQL statements only (COPY ... FROM STDIN and psql commands need psql;"
                    + " write INSERT statements, e.g. pg_dump --inserts)");
        }
        Matcher transaction = TRANSACTION_CONTROL.matcher(sql);
        if (transaction.find()) {
            throw new InvalidInputException(DatabaseStrategy.FIELD, "schema script " + path + " has "
                    + transaction.group(1).toUpperCase(Locale.ROOT) + "; leave it out: the script already runs in one"
                    + " transaction, so that a failure leaves nothing behind");
        }
        return new SchemaSeed(path, sql);
    }

    Path path() {
        return path;
    }

    String sql() {
        return sql;
    }
}
