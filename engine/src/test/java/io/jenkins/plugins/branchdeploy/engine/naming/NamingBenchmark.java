package io.jenkins.plugins.branchdeploy.engine.naming;

import io.jenkins.plugins.branchdeploy.engine.InvalidInputException;
import io.jenkins.plugins.branchdeploy.engine.branch.BranchRef;
import io.jenkins.plugins.branchdeploy.engine.branch.ChangeRequest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Measures naming throughput: {@link NamingPolicy#names} (environment id, namespace, host, Helm
 * release) over typical and over hostile branch names (not a test; see docs/benchmarks.md):
 * <pre>mvn -B -q -pl sandbox,engine test-compile exec:java -Dexec.classpathScope=test \
 *   -Dexec.mainClass=io.jenkins.plugins.branchdeploy.engine.naming.NamingBenchmark</pre>
 * Arguments (optional): repetitions, branches per set.
 */
public final class NamingBenchmark {

    private static final int WARMUP = 5;

    private NamingBenchmark() {}

    public static void main(String[] args) {
        int repetitions = args.length > 0 ? Integer.parseInt(args[0]) : 11;
        int size = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
        NamingPolicy policy = NamingPolicy.withDefaults("preview.example.dev");
        System.out.printf("Java %s, %d processors, %,d branches per set, %d repetitions after %d warm-up runs%n",
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(), size, repetitions, WARMUP);
        System.out.println("| branch names | median names/s | min | max | µs per branch (median) |");
        System.out.println("| --- | ---: | ---: | ---: | ---: |");
        measure("typical (feature/…, bugfix/…, dependabot/…, pull requests)", typical(size), policy, repetitions);
        HostileBranchNames generator = new HostileBranchNames(new Random(7));
        List<BranchRef> hostile = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            hostile.add(BranchRef.of("shop", generator.next()));
        }
        measure("hostile (HostileBranchNames: unicode, up to 300 characters)", hostile, policy, repetitions);
    }

    private static List<BranchRef> typical(int size) {
        List<BranchRef> branches = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            branches.add(switch (i % 4) {
                case 0 -> BranchRef.of("shop", "feature/SHOP-" + i + "-checkout-with-saved-cards");
                case 1 -> BranchRef.of("shop", "bugfix/" + i + "-cart-total");
                case 2 -> BranchRef.of("shop", "dependabot/npm_and_yarn/lodash-4.17." + i);
                default -> BranchRef.of("shop", "feature/login-" + i).withChange(ChangeRequest.of(i));
            });
        }
        return branches;
    }

    private static void measure(String label, List<BranchRef> branches, NamingPolicy policy, int repetitions) {
        long[] nanos = new long[repetitions];
        int sink = 0;
        for (int run = -WARMUP; run < repetitions; run++) {
            long started = System.nanoTime();
            for (BranchRef branch : branches) {
                try {
                    sink += policy.names(branch).environment().length();
                } catch (InvalidInputException e) {
                    sink++;
                }
            }
            if (run >= 0) {
                nanos[run] = System.nanoTime() - started;
            }
        }
        Arrays.sort(nanos);
        double median = nanos[repetitions / 2];
        System.out.printf("| %s | %,.0f | %,.0f | %,.0f | %.2f |%n", label, branches.size() / (median / 1e9),
                branches.size() / (nanos[repetitions - 1] / 1e9), branches.size() / (nanos[0] / 1e9), median / 1e3 / branches.size());
        if (sink == 42) {
            System.out.println(); // keeps the work observable
        }
    }
}
