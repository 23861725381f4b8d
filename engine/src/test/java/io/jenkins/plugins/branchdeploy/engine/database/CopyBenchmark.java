package io.jenkins.plugins.branchdeploy.engine.database;

import io.jenkins.plugins.branchdeploy.engine.ProgressListener;
import io.jenkins.plugins.branchdeploy.engine.naming.EnvironmentNames;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * Benchmark, not a test: how long giving an environment a copy of a seed of about 50 MB takes with
 * the template strategy versus {@code pg_dump | psql}, side by side on one server, median of a few
 * runs. Needs {@code BRANCH_DEPLOY_TEST_DATABASE_URL} and pg_dump/psql on the PATH. See
 * docs/benchmarks.md for the command.
 */
public final class CopyBenchmark {

    private static final int ROWS = 240_000;

    private CopyBenchmark() {}

    public static void main(String[] args) throws Exception {
        int repetitions = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        String url = System.getenv(PostgresServer.VARIABLE);
        if (url == null) {
            throw new IllegalStateException(PostgresServer.VARIABLE + " is not set; run .ci/postgres.sh first");
        }
        AdminConnection admin = AdminConnection.parse(url);
        String seed = PostgresServer.unique("bench_seed_");
        try (Connection session = admin.open()) {
            PostgresServer.execute(session, "CREATE DATABASE " + seed);
        }
        try {
            fill(admin, seed);
            String size;
            try (Connection session = admin.open()) {
                size = PostgresServer.single(session, "SELECT pg_size_pretty(pg_database_size('" + seed + "'))");
            }
            List<Double> template = new ArrayList<>();
            List<Double> rawTemplate = new ArrayList<>();
            List<Double> dump = new ArrayList<>();
            DatabaseBranches branches = new DatabaseBranches(admin);
            DatabaseStrategy strategy = DatabaseStrategy.parse("template:" + seed);
            for (int i = 0; i < repetitions; i++) {
                EnvironmentNames names = PostgresServer.environment("bench", "run-" + i);
                long start = System.nanoTime();
                branches.provision(names, strategy, ProgressListener.SILENT);
                template.add(seconds(start));
                branches.drop(names, ProgressListener.SILENT);

                String raw = seed + "_raw";
                start = System.nanoTime();
                try (Connection session = admin.open()) {
                    PostgresServer.execute(session, "CREATE DATABASE " + raw + " TEMPLATE " + seed);
                }
                rawTemplate.add(seconds(start));
                dropDatabase(admin, raw);

                String copy = seed + "_dump";
                start = System.nanoTime();
                try (Connection session = admin.open()) {
                    PostgresServer.execute(session, "CREATE DATABASE " + copy);
                }
                dumpAndRestore(admin, seed, copy);
                dump.add(seconds(start));
                dropDatabase(admin, copy);
            }
            String serverVersion;
            try (Connection session = admin.open()) {
                serverVersion = PostgresServer.single(session, "SHOW server_version");
            }
            System.out.printf(Locale.ROOT, "seed: %d rows, %s; PostgreSQL %s; %d runs each%n", ROWS, size, serverVersion, repetitions);
            System.out.println("| how | median s | runs s |");
            System.out.println("| --- | ---: | --- |");
            row("template strategy (`DatabaseBranches.provision`: role, copy, ownership)", template);
            row("`CREATE DATABASE ... TEMPLATE seed` alone", rawTemplate);
            row("`createdb` + `pg_dump seed \\| psql copy`", dump);
        } finally {
            dropDatabase(admin, seed);
        }
    }

    private static void fill(AdminConnection admin, String seed) throws SQLException {
        try (Connection session = admin.open(seed)) {
            PostgresServer.execute(session,
                    "CREATE TABLE customers (id bigint PRIMARY KEY, name text NOT NULL, email text NOT NULL, notes text)",
                    "INSERT INTO customers SELECT i, 'customer ' || i, 'c' || i || '@example.dev', md5(i::text) || md5((i * 7)::text)"
                            + " FROM generate_series(1, " + ROWS + ") AS i",
                    "CREATE INDEX customers_email ON customers (email)",
                    "VACUUM ANALYZE customers");
        }
    }

    private static void dumpAndRestore(AdminConnection admin, String from, String to) throws IOException, InterruptedException {
        String connection = " -h " + admin.host() + " -p " + admin.port() + " -U " + admin.user();
        ProcessBuilder pipeline = new ProcessBuilder("bash", "-o", "pipefail", "-c",
                "pg_dump --no-owner" + connection + " -d " + from + " | psql -q -v ON_ERROR_STOP=1" + connection + " -d " + to + " >/dev/null");
        // The test server's password (.ci/postgres.sh makes it letters and digits), for pg_dump and psql only.
        pipeline.environment().put("PGPASSWORD", System.getenv(PostgresServer.VARIABLE).replaceAll("^[^:]+://[^:]*:([^@]*)@.*$", "$1"));
        pipeline.inheritIO().redirectOutput(ProcessBuilder.Redirect.DISCARD);
        int exit = pipeline.start().waitFor();
        if (exit != 0) {
            throw new IllegalStateException("pg_dump | psql exited with " + exit);
        }
    }

    private static void dropDatabase(AdminConnection admin, String name) throws SQLException {
        try (Connection session = admin.open()) {
            PostgresServer.execute(session, "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        }
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

    private static void row(String how, List<Double> runs) {
        List<Double> sorted = new ArrayList<>(runs);
        Collections.sort(sorted);
        double median = sorted.size() % 2 == 1 ? sorted.get(sorted.size() / 2)
                : (sorted.get(sorted.size() / 2 - 1) + sorted.get(sorted.size() / 2)) / 2;
        StringBuilder all = new StringBuilder();
        runs.forEach(r -> all.append(all.length() == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.2f", r)));
        System.out.printf(Locale.ROOT, "| %s | %.2f | %s |%n", how, median, all);
    }
}
