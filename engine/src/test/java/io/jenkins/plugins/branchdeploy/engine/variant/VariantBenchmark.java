package io.jenkins.plugins.branchdeploy.engine.variant;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.jenkins.plugins.branchdeploy.engine.ProgressListener;
import io.jenkins.plugins.branchdeploy.engine.branch.BranchRef;
import io.jenkins.plugins.branchdeploy.engine.cluster.BranchEnvironments;
import io.jenkins.plugins.branchdeploy.engine.cluster.DeployResult;
import io.jenkins.plugins.branchdeploy.engine.cluster.EnvironmentRef;
import io.jenkins.plugins.branchdeploy.engine.cluster.SandboxEnvironments;
import io.jenkins.plugins.branchdeploy.engine.naming.NamingPolicy;
import io.jenkins.plugins.branchdeploy.engine.request.DeployRequest;
import io.jenkins.plugins.branchdeploy.engine.request.Quota;
import io.jenkins.plugins.branchdeploy.sandbox.SandboxCluster;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Measures a variant of the microservices-demo environment (copied live, an image and a variable overridden, ready)
 * against a first deploy of the same manifests, in the sandbox, side by side in one run (not a test;
 * see docs/benchmarks.md):
 * <pre>mvn -B -q -pl sandbox,engine test-compile exec:java -Dexec.classpathScope=test \
 *   -Dexec.mainClass=io.jenkins.plugins.branchdeploy.engine.variant.VariantBenchmark</pre>
 * Argument (optional): repetitions. Requests are counted at the sandbox API server.
 */
public final class VariantBenchmark {

    private static final Path DEMO = Path.of("engine/src/test/resources/manifests/microservices-demo");
    private static final int WARMUP = 3;
    private static final NamingPolicy NAMING = NamingPolicy.withDefaults("preview.example.dev");
    private static final Quota ROOMY = Quota.DEFAULT.with("quota", "cpu=16,memory=16Gi,pods=60");

    private VariantBenchmark() {}

    public static void main(String[] args) {
        int repetitions = args.length > 0 ? Integer.parseInt(args[0]) : 11;
        Path demo = DEMO.toFile().isDirectory() ? DEMO : Path.of("src/test/resources/manifests/microservices-demo");
        Map<String, List<Long>> nanos = new LinkedHashMap<>();
        Map<String, Integer> requests = new LinkedHashMap<>();
        Map<String, Integer> writes = new LinkedHashMap<>();
        try (SandboxCluster cluster = SandboxCluster.start(); KubernetesClient client = cluster.newClient(Duration.ofSeconds(30))) {
            BranchEnvironments environments = SandboxEnvironments.paced(new BranchEnvironments(client, "benchmark", NAMING));
            Variants variants = new Variants(environments);
            for (int round = -WARMUP; round < repetitions; round++) {
                BranchRef source = BranchRef.of("demo", "benchmark/" + (round + WARMUP));
                DeployRequest request = DeployRequest.builder(source, demo).quota(ROOMY).ttl(Duration.ofDays(1))
                        .timeout(Duration.ofMinutes(1)).build();
                VariantRequest variant = VariantRequest.builder("demo", "bench-" + (round + WARMUP)).from(source.branch())
                        .images(List.of("frontend/server=us-central1-docker.pkg.dev/google-samples/microservices-demo/frontend:v0.11.0"))
                        .env(List.of("frontend:FEATURE_PRICING=on"))
                        .timeout("1m").build();
                boolean measured = round >= 0;
                measure(cluster, measured, "first deploy of the manifests", nanos, requests, writes,
                        () -> expect(environments.deploys().deploy(request, ProgressListener.SILENT)));
                measure(cluster, measured, "variant of that environment", nanos, requests, writes,
                        () -> expect(variants.create(variant, ProgressListener.SILENT).deploy()));
                environments.lifecycle().teardown(EnvironmentRef.of(source), ProgressListener.SILENT);
                environments.inventory().find("demo", "try-bench-" + (round + WARMUP))
                        .ifPresent(e -> environments.lifecycle().teardown(EnvironmentRef.of(e), ProgressListener.SILENT));
            }
        }
        System.out.printf("Java %s, %d processors, %d repetitions after %d warm-up rounds; medians (min-max)%n",
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(), repetitions, WARMUP);
        System.out.println("| microservices-demo in the sandbox | API requests | of which writes | engine time, until ready |");
        System.out.println("| --- | ---: | ---: | ---: |");
        nanos.forEach((name, samples) -> System.out.printf("| %s | %d | %d | %s |%n", name, requests.get(name), writes.get(name),
                millis(samples)));
    }

    private static void measure(SandboxCluster cluster, boolean measured, String name, Map<String, List<Long>> nanos,
            Map<String, Integer> requests, Map<String, Integer> writes, Runnable work) {
        cluster.requests().clear();
        long started = System.nanoTime();
        work.run();
        long took = System.nanoTime() - started;
        if (measured) {
            nanos.computeIfAbsent(name, k -> new ArrayList<>()).add(took);
            requests.put(name, cluster.requests().count());
            writes.put(name, cluster.requests().writes().size());
        }
    }

    private static void expect(DeployResult result) {
        if (!result.succeeded()) {
            throw new IllegalStateException("unexpected deploy result: " + result);
        }
    }

    private static String millis(List<Long> samples) {
        long[] sorted = samples.stream().mapToLong(Long::longValue).sorted().toArray();
        return String.format("%.1f ms (%.1f-%.1f)", sorted[sorted.length / 2] / 1e6, sorted[0] / 1e6, sorted[sorted.length - 1] / 1e6);
    }
}
