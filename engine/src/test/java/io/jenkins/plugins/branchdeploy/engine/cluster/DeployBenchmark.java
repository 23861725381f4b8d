package io.jenkins.plugins.branchdeploy.engine.cluster;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.jenkins.plugins.branchdeploy.engine.ProgressListener;
import io.jenkins.plugins.branchdeploy.engine.branch.BranchRef;
import io.jenkins.plugins.branchdeploy.engine.manifest.ManifestRenderer;
import io.jenkins.plugins.branchdeploy.engine.manifest.ManifestVariables;
import io.jenkins.plugins.branchdeploy.engine.naming.EnvironmentNames;
import io.jenkins.plugins.branchdeploy.engine.naming.NamingPolicy;
import io.jenkins.plugins.branchdeploy.engine.request.DeployRequest;
import io.jenkins.plugins.branchdeploy.engine.request.SecretEntry;
import io.jenkins.plugins.branchdeploy.sandbox.SandboxCluster;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Measures a first deploy and an unchanged redeploy of the example shop against the sandbox, with
 * the engine and with {@link NaiveDeploy} side by side in one run (not a test; see docs/benchmarks.md):
 * <pre>mvn -B -q -pl sandbox,engine test-compile exec:java -Dexec.classpathScope=test \
 *   -Dexec.mainClass=io.jenkins.plugins.branchdeploy.engine.cluster.DeployBenchmark</pre>
 * Argument (optional): repetitions. Requests are counted at the sandbox API server.
 */
public final class DeployBenchmark {

    private static final Path SHOP = Path.of("docs/examples/shop");
    private static final int WARMUP = 5;
    private static final NamingPolicy NAMING = NamingPolicy.withDefaults("preview.example.dev");
    private static final List<SecretEntry> SECRETS = List.of(new SecretEntry("shop-db", "password", "s3cret"));

    /** One measured operation: requests, writes and wall time of each repetition. */
    private record Samples(List<Integer> requests, List<Integer> writes, List<Long> nanos) {
        Samples() {
            this(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        }
    }

    private DeployBenchmark() {}

    public static void main(String[] args) {
        int repetitions = args.length > 0 ? Integer.parseInt(args[0]) : 21;
        Path shop = SHOP.toFile().isDirectory() ? SHOP : Path.of("..").resolve(SHOP);
        Map<String, Samples> results = new LinkedHashMap<>();
        for (String name : List.of("engine: first deploy", "naive: first deploy", "engine: unchanged redeploy",
                "engine: unchanged redeploy from the record", "naive: unchanged redeploy")) {
            results.put(name, new Samples());
        }
        try (SandboxCluster cluster = SandboxCluster.start(); KubernetesClient client = cluster.newClient(Duration.ofSeconds(30))) {
            BranchEnvironments engine = new BranchEnvironments(client, "benchmark", NAMING)
                    .withTimings(Duration.ofMillis(10), Duration.ofMillis(20), Duration.ofSeconds(10));
            NaiveDeploy naive = new NaiveDeploy(client);
            for (int round = -WARMUP; round < repetitions; round++) {
                boolean warmUp = round < 0;
                BranchRef branch = BranchRef.of("shop", "benchmark/" + (round + WARMUP));
                EnvironmentNames names = NAMING.names(branch);
                DeployRequest request = DeployRequest.builder(branch, shop).variables(Map.of("IMAGE_TAG", "1.4.2"))
                        .secrets(SECRETS).ttl(Duration.ofDays(3)).timeout(Duration.ofMinutes(1)).build();
                Runnable engineRound = () -> {
                    measure(cluster, warmUp ? null : results.get("engine: first deploy"), () -> expect(engine.deploys().deploy(request, ProgressListener.SILENT), false));
                    measure(cluster, warmUp ? null : results.get("engine: unchanged redeploy"), () -> expect(engine.deploys().deploy(request, ProgressListener.SILENT), true));
                    // what the Pipeline step and the command line do first (BranchDeployer): the same input, decided from the record
                    measure(cluster, warmUp ? null : results.get("engine: unchanged redeploy from the record"), () -> expect(engine.deploys()
                            .unchangedRedeploy(request, ProgressListener.SILENT).orElseThrow().result(), true));
                    engine.lifecycle().teardown(EnvironmentRef.of(branch), ProgressListener.SILENT);
                };
                Runnable naiveRound = () -> {
                    String namespace = "naive-" + names.namespace();
                    measure(cluster, warmUp ? null : results.get("naive: first deploy"), () -> naive.deploy(namespace, objects(branch, names, shop)));
                    measure(cluster, warmUp ? null : results.get("naive: unchanged redeploy"), () -> naive.deploy(namespace, objects(branch, names, shop)));
                    client.namespaces().withName(namespace).delete();
                };
                // alternate which goes first, so that neither always runs on a warmer JVM
                if (round % 2 == 0) {
                    engineRound.run();
                    naiveRound.run();
                } else {
                    naiveRound.run();
                    engineRound.run();
                }
            }
        }
        System.out.printf("Java %s, %d processors, %d repetitions after %d warm-up rounds; medians (min-max)%n",
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(), repetitions, WARMUP);
        System.out.println("| deploy | API requests | of which writes | wall time |");
        System.out.println("| --- | ---: | ---: | ---: |");
        results.forEach((name, samples) -> System.out.printf("| %s | %s | %s | %s |%n", name,
                range(samples.requests()), range(samples.writes()), millis(samples.nanos())));
    }

    /** The objects a naive script deploys: everything the engine deploys, rendered the same way. */
    private static List<HasMetadata> objects(BranchRef branch, EnvironmentNames names, Path shop) {
        return NaiveDeploy.objects(new ManifestRenderer(ManifestVariables.forEnvironment(branch, names, Map.of("IMAGE_TAG", "1.4.2")), null)
                .render(shop, names.namespace()), SECRETS);
    }

    private static void measure(SandboxCluster cluster, Samples samples, Runnable deploy) {
        cluster.requests().clear();
        long started = System.nanoTime();
        deploy.run();
        long took = System.nanoTime() - started;
        if (samples != null) {
            samples.nanos().add(took);
            samples.requests().add(cluster.requests().count());
            samples.writes().add(cluster.requests().writes().size());
        }
    }

    private static void expect(DeployResult result, boolean unchanged) {
        if (!result.succeeded() || result.unchanged() != unchanged) {
            throw new IllegalStateException("unexpected deploy result: " + result);
        }
    }

    private static String range(List<Integer> counts) {
        int[] sorted = counts.stream().mapToInt(Integer::intValue).sorted().toArray();
        int median = sorted[sorted.length / 2];
        return sorted[0] == sorted[sorted.length - 1] ? String.valueOf(median) : median + " (" + sorted[0] + "-" + sorted[sorted.length - 1] + ")";
    }

    private static String millis(List<Long> nanos) {
        long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
        return String.format("%.1f ms (%.1f-%.1f)", sorted[sorted.length / 2] / 1e6, sorted[0] / 1e6, sorted[sorted.length - 1] / 1e6);
    }
}
