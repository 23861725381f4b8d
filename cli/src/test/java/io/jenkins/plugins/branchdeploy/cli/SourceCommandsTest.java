package io.jenkins.plugins.branchdeploy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.branchdeploy.engine.branch.BranchRef;
import io.jenkins.plugins.branchdeploy.engine.naming.EnvironmentNames;
import io.jenkins.plugins.branchdeploy.engine.naming.NamingPolicy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** deploy of a Helm chart and a Kustomize overlay as a user runs it, and the bad input of each. */
class SourceCommandsTest {

    static final String PODINFO_CHART = "../engine/src/test/resources/charts/podinfo";
    static final String PODINFO_DEV = "../engine/src/test/resources/kustomize/podinfo/overlays/dev";

    private final EnvironmentNames names = NamingPolicy.withDefaults("preview.example.dev").names(BranchRef.of("podinfo", "feature/cart"));
    @RegisterExtension
    final SandboxKubeconfig sandbox = new SandboxKubeconfig();

    @TempDir
    Path dir;

    @Test
    void deploysAHelmChartWithValuesRedeploysUnchangedAndTearsDown() throws IOException {
        Path values = Files.writeString(dir.resolve("branch.yaml"), "replicaCount: 2\n");

        String expose = names.helmRelease() + ":http";
        CommandRun deploy = deploy(PODINFO_CHART, "--values", values.toString(), "--set", "ui.message=hello", "--helm-tests",
                "--expose", expose);
        assertThat(deploy.exitCode()).as(deploy.err()).isZero();
        assertThat(deploy.out()).startsWith("Ready: http://" + names.host());
        assertThat(deploy.err()).contains("All 3 Helm tests passed");

        sandbox.cluster().requests().clear();
        CommandRun again = deploy(PODINFO_CHART, "--values", values.toString(), "--set", "ui.message=hello", "--expose", expose);
        assertThat(again.out()).startsWith("Unchanged: http://" + names.host());
        assertThat(sandbox.cluster().requests().writes()).isEmpty();

        CommandRun teardown = CommandRun.of("teardown", "--kubeconfig", sandbox.kubeconfig(), "--installation-id", "laptop",
                "--app", "podinfo", "--branch", "feature/cart", "--state-dir", dir.resolve("state").toString());
        assertThat(teardown.exitCode()).as(teardown.err()).isZero();
    }

    @Test
    void deploysAKustomizeOverlayIntoTheEnvironmentsNamespaceAndSaysSo() {
        CommandRun deploy = deploy(PODINFO_DEV);

        assertThat(deploy.exitCode()).as(deploy.err()).isZero();
        assertThat(deploy.err()).contains("Overlay dev sets namespace dev; its objects are moved into the environment's namespace "
                + names.namespace());
    }

    @Test
    void diffRendersAChartWithTheSameOptionsAsDeploy() {
        assertThat(deploy(PODINFO_CHART).exitCode()).isZero();

        CommandRun diff = CommandRun.of("diff", "--kubeconfig", sandbox.kubeconfig(), "--installation-id", "laptop", "--app", "podinfo",
                "--branch", "feature/cart", "--manifests", PODINFO_CHART, "--source", "helm", "--set", "replicaCount=3",
                "--baseline-namespace", names.namespace());

        assertThat(diff.exitCode()).as(diff.err()).isZero();
        assertThat(diff.out()).contains("replicas: 1 -> 3");
    }

    @Test
    void badInputExitsWithTwoOnOneLineNamingTheFileOrFlagAndWritesNothing() throws IOException {
        Path broken = Files.createDirectories(dir.resolve("broken/templates")).getParent();
        Files.writeString(broken.resolve("Chart.yaml"), "apiVersion: v2\nname: broken\nversion: 0.1.0\n");
        Files.writeString(broken.resolve("templates/config.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ .Release.Name }\n");
        Path overlay = Files.createDirectories(dir.resolve("overlays/dev"));
        Files.writeString(overlay.resolve("kustomization.yaml"), "resources:\n- ../../bases/backend\n");

        assertRefused(deploy(broken.toString()), "branch-deploy: manifests: chart broken: ", "broken/templates/config.yaml:4");
        assertRefused(deploy(PODINFO_CHART, "--values", dir.resolve("missing.yaml").toString()),
                "branch-deploy: values: " + dir.resolve("missing.yaml") + " does not exist", "chart podinfo");
        assertRefused(deploy(PODINFO_CHART, "--set", "replicaCount"), "branch-deploy: set: 'replicaCount' is not KEY=VALUE", "");
        assertRefused(deploy(overlay.toString()), "branch-deploy: manifests: overlay dev: dev/kustomization.yaml: resource '../../bases/backend'", "");
        assertRefused(deploy(PODINFO_CHART, "--var", "IMAGE_TAG=1"), "branch-deploy: variables: ${IMAGE_TAG} placeholders apply to plain YAML only",
                "--set KEY=VALUE");
        assertRefused(deploy(PODINFO_CHART, "--source", "jsonnet"), "branch-deploy: source: 'jsonnet' is not a manifest source", "");
    }

    private void assertRefused(CommandRun run, String start, String contains) {
        assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
        assertThat(run.err().strip()).startsWith(start).contains(contains).doesNotContain("\n");
        assertThat(sandbox.cluster().requests().writes()).isEmpty();
    }

    private CommandRun deploy(String manifests, String... extra) {
        List<String> args = new ArrayList<>(List.of("deploy", "--kubeconfig", sandbox.kubeconfig(), "--installation-id", "laptop",
                "--app", "podinfo", "--branch", "feature/cart", "--manifests", manifests, "--domain", "preview.example.dev",
                "--quota", "cpu=16,memory=16Gi,pods=60", "--state-dir", dir.resolve("state").toString()));
        args.addAll(List.of(extra));
        return CommandRun.of(args.toArray(String[]::new));
    }
}
