package io.jenkins.plugins.branchdeploy.engine.database;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Makes the environment's role the owner of what a copied seed holds, so that the app can migrate
 * its own copy (ALTER TABLE needs the owner): schemas, tables, views, materialized views,
 * sequences, foreign tables, functions, procedures, aggregates, types and domains outside the
 * system schemas. Objects that belong to an extension stay with it; sequences owned by a column
 * follow their table; schemas owned by {@code pg_database_owner} (public, since PostgreSQL 15)
 * already belong to the database's owner. Runs in one statement, so it happens completely or not at all.
 */
final class OwnershipTransfer {

    private static final String TRANSFER = """
            DO $transfer$
            DECLARE
              target CONSTANT text := %s;
              ddl text;
            BEGIN
              FOR ddl IN
                SELECT format('ALTER SCHEMA %%I OWNER TO %%I', n.nspname, target)
                FROM pg_namespace n
                WHERE n.nspname NOT LIKE 'pg\\_%%' AND n.nspname <> 'information_schema'
                  AND n.nspowner <> 'pg_database_owner'::regrole
                  AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_namespace'::regclass
                                  AND d.objid = n.oid AND d.deptype = 'e')
                UNION ALL
                SELECT format('ALTER %%s %%s OWNER TO %%I',
                         CASE c.relkind WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED VIEW'
                                        WHEN 'S' THEN 'SEQUENCE' WHEN 'f' THEN 'FOREIGN TABLE' ELSE 'TABLE' END,
                         c.oid::regclass, target)
                FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f')
                  AND n.nspname NOT LIKE 'pg\\_%%' AND n.nspname <> 'information_schema'
                  AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid
                                  AND (d.deptype = 'e' OR (c.relkind = 'S' AND d.deptype IN ('a', 'i'))))
                UNION ALL
                SELECT format('ALTER ROUTINE %%s OWNER TO %%I', p.oid::regprocedure, target)
                FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
                WHERE n.nspname NOT LIKE 'pg\\_%%' AND n.nspname <> 'information_schema'
                  AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_proc'::regclass
                                  AND d.objid = p.oid AND d.deptype = 'e')
                UNION ALL
                SELECT format('ALTER %%s %%s OWNER TO %%I', CASE t.typtype WHEN 'd' THEN 'DOMAIN' ELSE 'TYPE' END,
                         t.oid::regtype, target)
                FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
                WHERE (t.typtype IN ('e', 'd', 'r')
                       OR (t.typtype = 'c' AND (SELECT c.relkind FROM pg_class c WHERE c.oid = t.typrelid) = 'c'))
                  AND n.nspname NOT LIKE 'pg\\_%%' AND n.nspname <> 'information_schema'
                  AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_type'::regclass
                                  AND d.objid = t.oid AND d.deptype = 'e')
              LOOP
                EXECUTE ddl;
              END LOOP;
            END
            $transfer$""";

    private OwnershipTransfer() {}

    /** Runs on a session connected to the copied database. */
    static void toRole(Connection copy, String role) throws SQLException {
        try (Statement sql = copy.createStatement()) {
            sql.execute(String.format(TRANSFER, SqlText.literal(role)));
        }
    }
}
