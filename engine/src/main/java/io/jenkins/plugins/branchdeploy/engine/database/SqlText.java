package io.jenkins.plugins.branchdeploy.engine.database;

/** Writes names and values into SQL text so that no name or value can change the statement. */
final class SqlText {

    private SqlText() {}

    /** A double-quoted identifier, double quotes inside doubled: {@code a"b} becomes {@code "a""b"}. */
    static String identifier(String name) {
        return '"' + name.replace("\"", "\"\"") + '"';
    }

    /** A single-quoted string constant (standard-conforming strings, the default since PostgreSQL 9.1). */
    static String literal(String value) {
        return '\'' + value.replace("'", "''") + '\'';
    }
}
