package io.jenkins.plugins.branchdeploy.cli;

import io.jenkins.plugins.branchdeploy.cli.sandbox.ExampleShop;
import io.jenkins.plugins.branchdeploy.sandbox.SandboxCluster;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import picocli.CommandLine;

/**
 * The training run of the build's class-data-sharing archive (see {@code cli/pom.xml}): runs what a
 * pipeline runs, once each, in this one JVM, through the command line against a sandbox: {@code name},
 * {@code diff} of manifests, a first deploy, an unchanged redeploy, {@code list} and {@code teardown}.
 * The JVM started with {@code -XX:ArchiveClassesAtExit} then records every class they loaded, and the
 * {@code branch-deploy} launcher starts with that archive instead of loading and verifying them again.
 */
public final class ClassDataTraining {

    private ClassDataTraining() {}

    public static void main(String[] args) throws IOException {
        Path work = Files.createTempDirectory("branch-deploy-training");
        try (SandboxCluster sandbox = SandboxCluster.start(); ExampleShop shop = ExampleShop.extract()) {
            String kubeconfig = sandbox.writeKubeconfig(work.resolve("kubeconfig")).toString();
            String password = Files.writeString(work.resolve("password"), "training").toString();
            String manifests = shop.manifests().toString();
            List<String> branch = List.of("--app", "shop", "--branch", "feature/cart");
            List<String> cluster = List.of("--kubeconfig", kubeconfig);
            List<String> deploy = List.of("--manifests", manifests, "--domain", "preview.example.dev", "--var", "IMAGE_TAG=1.4.2",
                    "--secret", "shop-db/password=file:" + password, "--state-dir", work.toString());
            run(List.of("name"), branch, List.of("--output", "json"));
            run(List.of("diff"), branch, List.of("--manifests", manifests, "--baseline-manifests", manifests, "--var", "IMAGE_TAG=1.4.2"));
            run(List.of("deploy"), cluster, branch, deploy);
            run(List.of("deploy"), cluster, branch, deploy, List.of("--output", "json"));
            run(List.of("list"), cluster);
            run(List.of("teardown"), cluster, branch);
        } finally {
            try (Stream<Path> files = Files.walk(work)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(file);
                }
            }
        }
    }

    @SafeVarargs
    private static void run(List<String>... parts) {
        List<String> args = new ArrayList<>();
        for (List<String> part : parts) {
            args.addAll(part);
        }
        StringWriter output = new StringWriter();
        CommandLine cli = BranchDeployCommand.commandLine();
        cli.setOut(new PrintWriter(output));
        cli.setErr(new PrintWriter(output));
        int exitCode = cli.execute(args.toArray(String[]::new));
        if (exitCode != 0) {
            throw new IllegalStateException("branch-deploy " + String.join(" ", args) + " exited with " + exitCode + ":\n" + output);
        }
    }
}
