package io.jenkins.plugins.branchdeploy.engine.cluster;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.jenkins.plugins.branchdeploy.engine.ProgressListener;
import io.jenkins.plugins.branchdeploy.engine.branch.BranchRef;
import io.jenkins.plugins.branchdeploy.engine.request.DeployRequest;
import io.jenkins.plugins.branchdeploy.engine.request.Quota;
import io.jenkins.plugins.branchdeploy.engine.manifest.HelmRelease;
import io.jenkins.plugins.branchdeploy.engine.manifest.ManifestRenderer;
import io.jenkins.plugins.branchdeploy.engine.manifest.ManifestVariables;
import io.jenkins.plugins.branchdeploy.engine.request.SourceOptions;
import io.jenkins.plugins.branchdeploy.engine.naming.EnvironmentNames;
import io.jenkins.plugins.branchdeploy.engine.naming.NamingPolicy;
import io.jenkins.plugins.branchdeploy.sandbox.SandboxCluster;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Measures rendering each real chart and overlay (the first render in the process, then warm), and a
 * deploy of microservices-demo's chart versus the same app as plain YAML against the sandbox, side by
 * side in one run (not a test; see docs/benchmarks.md):
 * <pre>mvn -B -q -pl sandbox,engine test-compile exec:java -Dexec.classpathScope=test \
 *   -Dexec.mainClass=io.jenkins.plugins.branchdeploy.engine.cluster.SourceBenchmark</pre>
 * Argument (optional): repetitions.
 */
public final class SourceBenchmark {

    private static final Path RESOURCES = Path.of("engine/src/test/resources");
    private static final List<String> SOURCES = List.of("charts/podinfo", "charts/microservices-demo",
            "kustomize/podinfo/overlays/dev", "kustomize/podinfo/overlays/staging", "kustomize/podinfo/overlays/production",
            "kustomize/microservices-demo/base");
    private static final int WARMUP = 3;
    private static final NamingPolicy NAMING = NamingPolicy.withDefaults("preview.example.dev");
    private static final Quota ROOMY = Quota.DEFAULT.with("quota", "cpu=16,memory=16Gi,pods=60");

    private SourceBenchmark() {}

    public static void main(String[] args) {
        int repetitions = args.length > 0 ? Integer.parseInt(args[0]) : 11;
        Path resources = RESOURCES.toFile().isDirectory() ? RESOURCES : Path.of("src/test/resources");
        BranchRef branch = BranchRef.of("demo", "benchmark");
        EnvironmentNames names = NAMING.names(branch);
        ManifestRenderer renderer = new ManifestRenderer(ManifestVariables.forEnvironment(branch, names, Map.of()), null,
                SourceOptions.DETECT, new HelmRelease(names.helmRelease(), () -> "v1.31.4"));

        System.out.printf("Java %s, %d processors, %d repetitions after %d warm-up renders; medians (min-max)%n",
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(), repetitions, WARMUP);
        System.out.println("| source | objects | first render | warm render |");
        System.out.println("| --- | ---: | ---: | ---: |");
        for (String source : SOURCES) {
            Path path = resources.resolve(source);
            long started = System.nanoTime();
            int objects = renderer.render(path, names.namespace()).size();
            long first = System.nanoTime() - started;
            List<Long> warm = new ArrayList<>();
            for (int round = -WARMUP; round < repetitions; round++) {
                long t = System.nanoTime();
                renderer.render(path, names.namespace());
                if (round >= 0) {
                    warm.add(System.nanoTime() - t);
                }
            }
            System.out.printf("| %s | %d | %.1f ms | %s |%n", source, objects, first / 1e6, millis(warm));
        }

        Map<String, Path> apps = new LinkedHashMap<>();
        apps.put("microservices-demo chart", resources.resolve("charts/microservices-demo"));
        apps.put("microservices-demo plain YAML", resources.resolve("manifests/microservices-demo"));
        Map<String, List<Long>> deploys = new LinkedHashMap<>();
        Map<String, List<Long>> redeploys = new LinkedHashMap<>();
        Map<String, Integer> writes = new LinkedHashMap<>();
        try (SandboxCluster cluster = SandboxCluster.start(); KubernetesClient client = cluster.newClient(Duration.ofSeconds(30))) {
            BranchEnvironments environments = new BranchEnvironments(client, "benchmark", NAMING)
                    .withTimings(Duration.ofMillis(10), Duration.ofMillis(20), Duration.ofSeconds(10));
            for (int round = -WARMUP; round < repetitions; round++) {
                List<String> order = new ArrayList<>(apps.keySet());
                if (round % 2 != 0) {
                    // alternate which goes first, so that neither always runs on a warmer JVM
                    java.util.Collections.reverse(order);
                }
                for (String app : order) {
                    BranchRef ref = BranchRef.of(app.startsWith("microservices-demo chart") ? "chart" : "yaml", "benchmark/" + (round + WARMUP));
                    DeployRequest request = DeployRequest.builder(ref, apps.get(app)).quota(ROOMY)
                            .ttl(Duration.ofDays(1)).timeout(Duration.ofMinutes(1)).build();
                    cluster.requests().clear();
                    long t = System.nanoTime();
                    expect(environments.deploys().deploy(request, ProgressListener.SILENT), false);
                    long deploy = System.nanoTime() - t;
                    writes.put(app, cluster.requests().writes().size());
                    t = System.nanoTime();
                    expect(environments.deploys().deploy(request, ProgressListener.SILENT), true);
                    long redeploy = System.nanoTime() - t;
                    environments.lifecycle().teardown(EnvironmentRef.of(ref), ProgressListener.SILENT);
                    if (round >= 0) {
                        deploys.computeIfAbsent(app, k -> new ArrayList<>()).add(deploy);
                        redeploys.computeIfAbsent(app, k -> new ArrayList<>()).add(redeploy);
                    }
                }
            }
        }
        System.out.println();
        System.out.println("| deploy into the sandbox | writes of a first deploy | first deploy | unchanged redeploy |");
        System.out.println("| --- | ---: | ---: | ---: |");
        for (String app : apps.keySet()) {
            System.out.printf("| %s | %d | %s | %s |%n", app, writes.get(app), millis(deploys.get(app)), millis(redeploys.get(app)));
        }
    }

    private static void expect(DeployResult result, boolean unchanged) {
        if (!result.succeeded() || result.unchanged() != unchanged) {
            throw new IllegalStateException("unexpected deploy result: " + result);
        }
    }

    private static String millis(List<Long> nanos) {
        long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
        return String.format("%.1f ms (%.1f-%.1f)", sorted[sorted.length / 2] / 1e6, sorted[0] / 1e6, sorted[sorted.length - 1] / 1e6);
    }
}
