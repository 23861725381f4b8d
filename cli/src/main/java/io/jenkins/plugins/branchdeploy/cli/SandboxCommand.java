package io.jenkins.plugins.branchdeploy.cli;

import io.jenkins.plugins.branchdeploy.cli.sandbox.SandboxServer;
import io.jenkins.plugins.branchdeploy.cli.sandbox.SandboxWalkthrough;
import io.jenkins.plugins.branchdeploy.engine.Durations;
import io.jenkins.plugins.branchdeploy.engine.InvalidInputException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code branch-deploy sandbox}: the product at work without a cluster. */
@Command(name = "sandbox", mixinStandardHelpOptions = true,
        description = {"Starts a simulated Kubernetes API in this process (no pods run; workloads are marked ready by a simulated "
                + "controller) and walks the lifecycle of the example shop against it: deploys main, a branch and a pull request, "
                + "shows their names, URLs and change report, redeploys with zero writes, lists the inventory, "
                + "then merges the pull request and runs cleanup.",
                "With --serve, keeps the API up and writes a kubeconfig instead, so that every other command can be tried against it."})
class SandboxCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--serve", description = "Keep the API up until Ctrl-C or SIGTERM, and write a kubeconfig for it (needs --kubeconfig).")
    boolean serve;

    @Option(names = "--kubeconfig", paramLabel = "FILE",
            description = "With --serve: where to write the kubeconfig (a new file, or one a stopped sandbox left; never one a "
                    + "running sandbox serves); removed when the sandbox stops, unless someone rewrote it.")
    Path kubeconfig;

    /** A bounded lifetime for --serve, so that tests and demos end by themselves. */
    @Option(names = "--for", hidden = true, paramLabel = "DURATION")
    String lifetime;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        if (!serve) {
            if (kubeconfig != null || lifetime != null) {
                throw new InvalidInputException("serve", "--kubeconfig and --for go with --serve; add --serve to keep the sandbox running");
            }
            SandboxWalkthrough.ofExampleShop().run(out);
            return 0;
        }
        if (kubeconfig == null) {
            throw new InvalidInputException("kubeconfig", "--serve writes a kubeconfig; say where, e.g. --kubeconfig sandbox.kubeconfig");
        }
        new SandboxServer(kubeconfig, out).serve(lifetime == null ? null : Durations.parse("for", lifetime));
        return 0;
    }
}
