package io.jenkins.plugins.branchdeploy.engine.cluster;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.jenkins.plugins.branchdeploy.engine.branch.BranchRef;
import io.jenkins.plugins.branchdeploy.engine.naming.EnvironmentNames;
import io.jenkins.plugins.branchdeploy.engine.naming.NamingPolicy;
import io.jenkins.plugins.branchdeploy.sandbox.SandboxCluster;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.ref.Reference;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Measures the heap an inventory holds: the {@link Environment} records that
 * {@link EnvironmentInventory#all()} reads from a sandbox with that many environment namespaces
 * (not a test; see docs/benchmarks.md):
 * <pre>mvn -B -q -pl sandbox,engine test-compile exec:java -Dexec.classpathScope=test \
 *   -Dexec.mainClass=io.jenkins.plugins.branchdeploy.engine.cluster.InventoryMemoryBenchmark</pre>
 * Arguments (optional): repetitions, then inventory sizes. Method: heap in use after a full
 * collection, with the returned list held, minus the same before the call.
 */
public final class InventoryMemoryBenchmark {

    private static final int WARMUP = 2;
    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");

    private InventoryMemoryBenchmark() {}

    public static void main(String[] args) throws InterruptedException {
        int repetitions = args.length > 0 ? Integer.parseInt(args[0]) : 7;
        int[] sizes = args.length > 1 ? Arrays.stream(args, 1, args.length).mapToInt(Integer::parseInt).toArray() : new int[] {1_000, 10_000};
        NamingPolicy naming = NamingPolicy.withDefaults("preview.example.dev");
        System.out.printf("Java %s, %d processors, max heap %d MiB, %d repetitions after %d warm-up calls%n",
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20, repetitions, WARMUP);
        System.out.println("| environments | retained heap (median) | per 1,000 environments | per environment | inventory() time (median) |");
        System.out.println("| ---: | ---: | ---: | ---: | ---: |");
        for (int size : sizes) {
            try (SandboxCluster cluster = SandboxCluster.start(); KubernetesClient client = cluster.newClient(Duration.ofMinutes(2))) {
                for (int i = 0; i < size; i++) {
                    client.namespaces().resource(record(naming, i).toNamespace()).create();
                }
                BranchEnvironments environments = new BranchEnvironments(client, "ci-1", naming);
                for (int i = 0; i < WARMUP; i++) {
                    check(environments.inventory().all(), size);
                }
                long[] bytes = new long[repetitions];
                long[] nanos = new long[repetitions];
                for (int i = 0; i < repetitions; i++) {
                    long before = usedAfterFullCollection();
                    long started = System.nanoTime();
                    List<Environment> inventory = environments.inventory().all();
                    nanos[i] = System.nanoTime() - started;
                    bytes[i] = usedAfterFullCollection() - before;
                    check(inventory, size);
                    Reference.reachabilityFence(inventory);
                }
                Arrays.sort(bytes);
                Arrays.sort(nanos);
                long median = bytes[repetitions / 2];
                System.out.printf("| %,d | %.2f MiB | %,.0f KiB | %,d bytes | %.0f ms |%n", size, median / 1048576.0,
                        median * 1000.0 / size / 1024, median / size, nanos[repetitions / 2] / 1e6);
            }
        }
    }

    /** What a deploy of shop's branch feature/i records: every label and annotation, 15 applied resources. */
    private static EnvironmentNamespace.Record record(NamingPolicy naming, int i) {
        BranchRef branch = BranchRef.of("shop", "feature/SHOP-" + i + "-checkout").withCommit(String.format("%040x", i));
        EnvironmentNames names = naming.names(branch);
        Set<AppliedResource> applied = new LinkedHashSet<>();
        for (String resource : List.of("v1/ConfigMap/shop-config", "v1/Secret/shop-db", "v1/Service/cart", "v1/Service/catalog",
                "v1/Service/database", "v1/Service/frontend", "apps/v1/Deployment/cart", "apps/v1/Deployment/catalog",
                "apps/v1/Deployment/frontend", "apps/v1/StatefulSet/database", "networking.k8s.io/v1/Ingress/shop",
                "cert-manager.io/v1/Certificate/shop-tls", "monitoring.coreos.com/v1/ServiceMonitor/shop",
                "v1/ResourceQuota/branch-deploy", "v1/LimitRange/branch-deploy")) {
            applied.add(AppliedResource.parse(resource));
        }
        return new EnvironmentNamespace.Record(names, "ci-1", branch, EnvironmentStatus.READY, null, names.url(),
                NOW, NOW, NOW.plus(Duration.ofDays(7)), null, applied, "sha256:" + "ab".repeat(32),
                new RecordedInput("sha256:" + "cd".repeat(32), List.of("Service/shop: LoadBalancer -> ClusterIP"), List.of()),
                null, null, null, null);
    }

    private static void check(List<Environment> inventory, int size) {
        if (inventory.size() != size) {
            throw new IllegalStateException("expected " + size + " environments, got " + inventory.size());
        }
    }

    private static long usedAfterFullCollection() throws InterruptedException {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            Thread.sleep(50);
            used = Math.min(used, memory.getHeapMemoryUsage().getUsed());
        }
        return used;
    }
}
