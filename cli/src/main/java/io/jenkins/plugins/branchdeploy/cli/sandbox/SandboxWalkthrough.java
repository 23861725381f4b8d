package io.jenkins.plugins.branchdeploy.cli.sandbox;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.jenkins.plugins.branchdeploy.engine.cluster.BranchEnvironments;
import io.jenkins.plugins.branchdeploy.engine.naming.NamingPolicy;
import io.jenkins.plugins.branchdeploy.sandbox.SandboxCluster;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * {@code branch-deploy sandbox}: starts a sandbox Kubernetes API in this process and walks the
 * lifecycle of the example shop against it, one numbered, timed step after another.
 */
public final class SandboxWalkthrough {

    /** What the user must know before reading anything else the sandbox prints. */
    public static final String SIMULATED =
            "Simulated Kubernetes API - no pods run; workloads are marked ready by a simulated controller.";

    private final List<SandboxStep> steps;

    public SandboxWalkthrough(List<SandboxStep> steps) {
        this.steps = List.copyOf(steps);
    }

    /**
     * The walk-through on the example shop: main, a feature branch and a pull request, which is then
     * merged; and the shop's storefront as a Helm chart.
     */
    public static SandboxWalkthrough ofExampleShop() {
        return new SandboxWalkthrough(List.of(
                new DeployStep(ExampleBranch.MAIN),
                new DeployStep(ExampleBranch.FEATURE),
                new DeployStep(ExampleBranch.PULL_REQUEST),
                new NamesStep(),
                new ChangeReportStep(ExampleBranch.FEATURE, ExampleBranch.MAIN),
                new RedeployStep(ExampleBranch.FEATURE),
                new InventoryStep(),
                new CleanupStep(ExampleBranch.PULL_REQUEST),
                new InventoryStep(),
                new ChartStep()));
    }

    /**
     * Runs every step against a new sandbox cluster, which stops afterwards.
     *
     * @throws RuntimeException from the first step that fails; the steps after it do not run
     */
    public void run(PrintWriter out) throws IOException {
        long started = System.nanoTime();
        out.println("Branch Deploy sandbox. " + SIMULATED);
        try (SandboxCluster cluster = SandboxCluster.start();
                KubernetesClient client = cluster.newClient();
                ExampleShop shop = ExampleShop.extract();
                ExampleShop chart = ExampleShop.extractChart()) {
            out.println("API server " + cluster.url() + " in this process; installation " + SandboxTour.INSTALLATION
                    + "; the example app " + ExampleBranch.APP + " (docs/examples/shop)");
            out.flush();
            BranchEnvironments environments = new BranchEnvironments(client, SandboxTour.INSTALLATION,
                    NamingPolicy.withDefaults(SandboxTour.DOMAIN));
            SandboxTour tour = new SandboxTour(cluster, environments, shop.manifests(), chart.manifests(), out);
            for (int i = 0; i < steps.size(); i++) {
                run(steps.get(i), i + 1, tour, out);
            }
        }
        out.println();
        out.println("Done in " + seconds(System.nanoTime() - started) + "; the sandbox API server stopped with it.");
        out.println("To keep one running and try every command against it:");
        out.println("  java -jar cli/target/branch-deploy.jar sandbox --serve --kubeconfig sandbox.kubeconfig");
        out.flush();
    }

    private void run(SandboxStep step, int number, SandboxTour tour, PrintWriter out) {
        out.println();
        out.println(String.format(Locale.ROOT, "[%d/%d] %s", number, steps.size(), step.title()));
        out.flush();
        long started = System.nanoTime();
        step.run(tour);
        tour.show("(" + seconds(System.nanoTime() - started) + ")");
    }

    private static String seconds(long nanos) {
        return String.format(Locale.ROOT, "%.1f s", Duration.ofNanos(nanos).toMillis() / 1000.0);
    }
}
