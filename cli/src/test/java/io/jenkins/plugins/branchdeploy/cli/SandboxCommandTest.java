package io.jenkins.plugins.branchdeploy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.branchdeploy.engine.branch.BranchRef;
import io.jenkins.plugins.branchdeploy.engine.branch.ChangeRequest;
import io.jenkins.plugins.branchdeploy.engine.naming.EnvironmentNames;
import io.jenkins.plugins.branchdeploy.engine.naming.NamingPolicy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code branch-deploy sandbox} as a newcomer runs it: the walk-through, and the API kept up for the other commands. */
class SandboxCommandTest {

    private static final Pattern STEP_TITLE = Pattern.compile("(?m)^\\[(\\d+)/(\\d+)] (.*)$");

    private final NamingPolicy naming = NamingPolicy.withDefaults("preview.example.dev");
    private final EnvironmentNames main = naming.names(BranchRef.of("shop", "main"));
    private final EnvironmentNames feature = naming.names(BranchRef.of("shop", "feature/checkout"));
    private final EnvironmentNames pullRequest = naming.names(BranchRef.of("shop", "feature/search").withChange(ChangeRequest.of(42)));

    @TempDir
    Path dir;

    @Test
    void walksTheLifecycleOfTheExampleShopInNumberedSteps() {
        CommandRun run = CommandRun.of("sandbox");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("Branch Deploy sandbox. Simulated Kubernetes API - no pods run; "
                + "workloads are marked ready by a simulated controller.");
        List<String> steps = stepTexts(run.out());
        assertThat(steps).hasSize(10);

        assertThat(step(steps, "Deploy main")).contains("Ready: " + main.url());
        assertThat(step(steps, "Deploy branch feature/checkout")).contains("Ready: " + feature.url());
        assertThat(step(steps, "Deploy pull request #42")).contains("Ready: https://pr-42--shop.preview.example.dev");
        assertThat(step(steps, "Names and URLs"))
                .contains(main.namespace(), feature.namespace(), pullRequest.namespace(), main.url(), feature.url(), pullRequest.url());
        assertThat(step(steps, "What branch feature/checkout changes versus main"))
                .contains("Changes versus main: 0 added, 0 removed, 3 changed")
                .contains("~ Deployment/frontend", "~ Deployment/cart", "~ Deployment/catalog")
                .doesNotContain("Certificate/", "ConfigMap/", "Ingress/")
                .contains("containers[frontend].image: ghcr.io/example/shop-frontend:1.4.2 -> 1.5.0");
        assertThat(step(steps, "Redeploy branch feature/checkout"))
                .contains("Unchanged: " + feature.url())
                .contains("unchanged, 0 writes to the API server");

        String inventory = steps.get(6);
        assertThat(inventory).contains("3 environments");
        for (EnvironmentNames environment : List.of(main, feature, pullRequest)) {
            assertThat(inventory).containsPattern("(?m)^ +" + Pattern.quote(environment.namespace()) + " +shop .* ready .*"
                    + Pattern.quote(environment.url()) + "$");
        }
        assertThat(inventory).containsPattern("(?m)^ +shop-pr-42 +shop +feature/search +42 +- +- +ready ");

        assertThat(step(steps, "Merge pull request #42 (feature/search) and run cleanup"))
                .contains("pull request #42 was merged");
        String after = steps.get(8);
        assertThat(after).startsWith("[9/10] Inventory").contains("2 environments")
                .contains(main.namespace(), feature.namespace()).doesNotContain(pullRequest.namespace());
        assertThat(step(steps, "Deploy the example Helm chart"))
                .contains("Ran pre-install hook Job/", "All 1 Helm tests passed", "Ready: http://" + NamingPolicy.withDefaults("preview.example.dev").names(BranchRef.of("shop-chart", "feature/cart")).host());
    }

    @Test
    void servesTheApiWithAKubeconfigTheOtherCommandsUseUntilStopped() throws Exception {
        Path kubeconfig = dir.resolve("sandbox.kubeconfig");
        Path password = Files.writeString(dir.resolve("password"), "sandbox-password");
        AtomicReference<CommandRun> served = new AtomicReference<>();
        Thread server = new Thread(() -> served.set(CommandRun.of("sandbox", "--serve", "--kubeconfig", kubeconfig.toString(), "--for", "5m")));
        server.start();
        try {
            awaitFile(kubeconfig);
            assertThat(Files.readString(kubeconfig)).contains("current-context: sandbox");

            CommandRun deploy = CommandRun.of("deploy", "--kubeconfig", kubeconfig.toString(), "--app", "shop", "--branch", "feature/checkout",
                    "--manifests", "../docs/examples/shop", "--domain", "preview.example.dev", "--var", "IMAGE_TAG=1.5.0",
                    "--secret", "shop-db/password=file:" + password, "--state-dir", dir.resolve("state").toString());
            assertThat(deploy.exitCode()).as(deploy.err()).isZero();
            assertThat(deploy.out()).startsWith("Ready: " + feature.url());
            CommandRun list = CommandRun.of("list", "--kubeconfig", kubeconfig.toString());
            assertThat(list.exitCode()).isZero();
            assertThat(list.out()).containsPattern(Pattern.quote(feature.namespace()) + " +shop +feature/checkout +- +- +- +ready ");
        } finally {
            server.interrupt();
            server.join(60_000);
        }

        assertThat(server.isAlive()).isFalse();
        assertThat(served.get().exitCode()).as(served.get().err()).isZero();
        assertThat(served.get().out())
                .contains("no pods run")
                .contains("Kubeconfig  " + kubeconfig.toAbsolutePath())
                .contains("list --kubeconfig " + kubeconfig)
                .contains("Stop it with Ctrl-C")
                .contains("Sandbox stopped; removed " + kubeconfig);
        assertThat(kubeconfig).doesNotExist();
    }

    @Test
    void aSecondSandboxRefusesTheKubeconfigOfARunningOneAndStoppingRemovesOnlyWhatItWrote() throws Exception {
        Path kubeconfig = dir.resolve("sandbox.kubeconfig");
        AtomicReference<CommandRun> served = new AtomicReference<>();
        Thread server = new Thread(() -> served.set(CommandRun.of("sandbox", "--serve", "--kubeconfig", kubeconfig.toString(), "--for", "5m")));
        server.start();
        String first;
        try {
            awaitFile(kubeconfig);
            first = Files.readString(kubeconfig);
            long pid = ProcessHandle.current().pid();
            assertThat(first).startsWith("# Written by branch-deploy sandbox --serve, process " + pid + ";");

            CommandRun second = CommandRun.of("sandbox", "--serve", "--kubeconfig", kubeconfig.toString(), "--for", "5m");

            assertThat(second.exitCode()).isEqualTo(2);
            assertThat(second.err().strip()).isEqualTo("branch-deploy: kubeconfig: " + kubeconfig
                    + " belongs to the sandbox running as process " + pid + "; use that one, stop it (kill " + pid
                    + "), or give another file, e.g. --kubeconfig sandbox2.kubeconfig");
            assertThat(second.out()).isEmpty();
            assertThat(Files.readString(kubeconfig)).isEqualTo(first);
            Files.writeString(kubeconfig, "apiVersion: v1\nkind: Config\ncurrent-context: production\n");
        } finally {
            server.interrupt();
            server.join(60_000);
        }

        assertThat(served.get().out()).contains("Sandbox stopped; left " + kubeconfig + ", which someone else has written since");
        assertThat(Files.readString(kubeconfig)).isEqualTo("apiVersion: v1\nkind: Config\ncurrent-context: production\n");
    }

    @Test
    void replacesAKubeconfigLeftByASandboxThatIsGone() throws Exception {
        Path kubeconfig = Files.writeString(dir.resolve("sandbox.kubeconfig"),
                "# Written by branch-deploy sandbox --serve, process " + goneProcess() + "; removed when it stops.\n");
        CommandRun run = CommandRun.of("sandbox", "--serve", "--kubeconfig", kubeconfig.toString(), "--for", "1s");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("Sandbox stopped; removed " + kubeconfig);
        assertThat(kubeconfig).doesNotExist();
    }

    @Test
    void neverOverwritesAKubeconfigItDidNotWrite() throws IOException {
        Path own = Files.writeString(dir.resolve("config"), "apiVersion: v1\nkind: Config\ncurrent-context: production\n");

        CommandRun run = CommandRun.of("sandbox", "--serve", "--kubeconfig", own.toString(), "--for", "1s");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("branch-deploy: kubeconfig: " + own + " exists and the sandbox did not write it");
        assertThat(Files.readString(own)).isEqualTo("apiVersion: v1\nkind: Config\ncurrent-context: production\n");
    }

    @Test
    void aKubeconfigGoesWithServeAndServeNeedsOne() {
        CommandRun withoutServe = CommandRun.of("sandbox", "--kubeconfig", dir.resolve("sandbox.kubeconfig").toString());
        assertThat(withoutServe.exitCode()).isEqualTo(2);
        assertThat(withoutServe.err()).contains("add --serve");
        assertThat(withoutServe.out()).isEmpty();

        CommandRun withoutKubeconfig = CommandRun.of("sandbox", "--serve");
        assertThat(withoutKubeconfig.exitCode()).isEqualTo(2);
        assertThat(withoutKubeconfig.err()).contains("kubeconfig: --serve writes a kubeconfig; say where");
        assertThat(withoutKubeconfig.out()).isEmpty();
    }

    /** The text of each step: its title line and everything it showed, in order; numbered 1 to N without gaps. */
    private static List<String> stepTexts(String out) {
        Matcher title = STEP_TITLE.matcher(out);
        List<Integer> starts = new ArrayList<>();
        int expected = 1;
        while (title.find()) {
            assertThat(Integer.parseInt(title.group(1))).isEqualTo(expected++);
            starts.add(title.start());
        }
        List<String> steps = new ArrayList<>();
        for (int i = 0; i < starts.size(); i++) {
            String text = out.substring(starts.get(i), i + 1 < starts.size() ? starts.get(i + 1) : out.length());
            assertThat(text).as("every step shows how long it took").containsPattern("(?m)^ +\\(\\d+\\.\\d s\\)$");
            steps.add(text);
        }
        return steps;
    }

    private static String step(List<String> steps, String titleStart) {
        return steps.stream().filter(s -> s.matches("(?s)\\[\\d+/\\d+] " + Pattern.quote(titleStart) + ".*")).findFirst()
                .orElseThrow(() -> new AssertionError("no step titled " + titleStart + "... in " + steps));
    }

    /** A process id that belonged to a process that has ended. */
    private static long goneProcess() throws Exception {
        Process process = new ProcessBuilder("java", "-version").redirectErrorStream(true).start();
        process.getInputStream().readAllBytes();
        process.waitFor();
        return process.pid();
    }

    private static void awaitFile(Path file) throws InterruptedException {
        for (int i = 0; i < 600 && !Files.exists(file); i++) {
            Thread.sleep(100);
        }
        assertThat(file).as("the kubeconfig written by sandbox --serve").exists();
    }
}
