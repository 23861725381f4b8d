package io.jenkins.plugins.branchdeploy.engine.lifecycle;

import io.jenkins.plugins.branchdeploy.engine.cluster.Environment;
import io.jenkins.plugins.branchdeploy.engine.cluster.EnvironmentStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Measures cleanup planning over generated inventories (not a test; see docs/benchmarks.md):
 * <pre>mvn -B -q -pl engine test-compile exec:java -Dexec.classpathScope=test \
 *   -Dexec.mainClass=io.jenkins.plugins.branchdeploy.engine.lifecycle.CleanupPlanningBenchmark</pre>
 * Arguments (optional): repetitions, then inventory sizes.
 */
public final class CleanupPlanningBenchmark {

    private static final Instant NOW = Instant.parse("2026-11-20T10:00:00Z");
    private static final int APPS = 50;
    private static final int WARMUP = 20;

    private CleanupPlanningBenchmark() {}

    public static void main(String[] args) {
        int repetitions = args.length > 0 ? Integer.parseInt(args[0]) : 201;
        int[] sizes = args.length > 1 ? Arrays.stream(args, 1, args.length).mapToInt(Integer::parseInt).toArray() : new int[] {1_000, 10_000};
        CleanupPolicy policy = CleanupPolicy.defaults()
                .withIdlePeriod(Duration.ofDays(3))
                .withWorkingHours(WorkingHours.parse("Mon-Fri 08:00-19:00 Europe/Berlin"))
                .withBrakes(50, 10);
        CleanupPlanner planner = new CleanupPlanner(policy);
        System.out.printf("Java %s, %d processors, %d repetitions after %d warm-up runs%n",
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(), repetitions, WARMUP);
        System.out.println("| environments | median | min | max | teardown | scale-down | wake | warn | keep |");
        System.out.println("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        for (int size : sizes) {
            Random random = new Random(size);
            List<Environment> inventory = inventory(size, random);
            ScmState scm = scm(inventory, random);
            CleanupPlan plan = null;
            for (int i = 0; i < WARMUP; i++) {
                plan = planner.plan(inventory, scm, NOW);
            }
            long[] nanos = new long[repetitions];
            for (int i = 0; i < repetitions; i++) {
                long start = System.nanoTime();
                plan = planner.plan(inventory, scm, NOW);
                nanos[i] = System.nanoTime() - start;
            }
            Arrays.sort(nanos);
            Map<LifecycleAction, Integer> counts = plan.counts();
            System.out.printf("| %,d | %s | %s | %s | %d | %d | %d | %d | %d |%n", size, millis(nanos[repetitions / 2]),
                    millis(nanos[0]), millis(nanos[repetitions - 1]), counts.get(LifecycleAction.TEARDOWN),
                    counts.get(LifecycleAction.SCALE_DOWN), counts.get(LifecycleAction.WAKE), counts.get(LifecycleAction.WARN),
                    counts.get(LifecycleAction.KEEP));
        }
    }

    /** Half branches, half pull requests, spread over the apps, with a mix of deploy times, TTLs and states. */
    private static List<Environment> inventory(int size, Random random) {
        List<Environment> inventory = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            String app = "app-" + (i % APPS);
            boolean pullRequest = i % 2 == 1;
            String id = pullRequest ? "pr-" + i : "feature-" + i;
            Instant deployed = NOW.minus(Duration.ofMinutes(random.nextInt(14 * 24 * 60)));
            Instant expires = deployed.plus(Duration.ofDays(7));
            Instant keepUntil = random.nextInt(10) == 0 ? NOW.plus(Duration.ofDays(3)) : null;
            EnvironmentStatus status = random.nextInt(5) == 0 ? EnvironmentStatus.SCALED_DOWN : EnvironmentStatus.READY;
            inventory.add(new Environment(app + "-" + id, app, id, "feature/" + i, pullRequest ? i : null, "c0ffee" + i,
                    "https://" + id + "--" + app + ".example.dev", status, deployed, deployed, expires, keepUntil,
                    null, null, null, null, null));
        }
        return inventory;
    }

    /** Every app but one scanned; about one branch in ten deleted, pull requests open, merged or closed. */
    private static ScmState scm(List<Environment> inventory, Random random) {
        Map<String, Set<String>> branches = new HashMap<>();
        Map<String, Map<Integer, ChangeState>> changes = new HashMap<>();
        for (Environment env : inventory) {
            branches.computeIfAbsent(env.app(), a -> new HashSet<>());
            changes.computeIfAbsent(env.app(), a -> new HashMap<>());
            if (env.change() != null) {
                int roll = random.nextInt(10);
                changes.get(env.app()).put(env.change(), roll == 0 ? ChangeState.MERGED : roll == 1 ? ChangeState.CLOSED : ChangeState.OPEN);
            } else if (random.nextInt(10) != 0) {
                branches.get(env.app()).add(env.branch());
            }
        }
        ScmState.Builder scm = ScmState.builder("not scanned");
        branches.forEach((app, live) -> {
            if (app.equals("app-0")) {
                scm.unknown(app, "GitHub API rate limit");
            } else {
                scm.scanned(app, live, changes.get(app));
            }
        });
        return scm.build();
    }

    private static String millis(long nanos) {
        return String.format("%.2f ms", nanos / 1_000_000.0);
    }
}
