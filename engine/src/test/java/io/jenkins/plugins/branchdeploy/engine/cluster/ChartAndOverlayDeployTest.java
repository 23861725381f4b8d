package io.jenkins.plugins.branchdeploy.engine.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.jenkins.plugins.branchdeploy.engine.InvalidInputException;
import io.jenkins.plugins.branchdeploy.engine.ProgressListener;
import io.jenkins.plugins.branchdeploy.engine.branch.BranchRef;
import io.jenkins.plugins.branchdeploy.engine.request.DeployRequest;
import io.jenkins.plugins.branchdeploy.engine.request.Quota;
import io.jenkins.plugins.branchdeploy.engine.request.SourceOptions;
import io.jenkins.plugins.branchdeploy.engine.naming.EnvironmentNames;
import io.jenkins.plugins.branchdeploy.engine.naming.NamingPolicy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The real charts and overlays deploy into the sandbox, redeploy unchanged with no write and tear
 * down; Helm hooks run around the rollout.
 */
class ChartAndOverlayDeployTest {

    static final Path CHARTS = Path.of("src/test/resources/charts");
    static final Path KUSTOMIZE = Path.of("src/test/resources/kustomize");
    static final Quota ROOMY = Quota.DEFAULT.with("quota", "cpu=16,memory=16Gi,pods=60");

    private final NamingPolicy naming = NamingPolicy.withDefaults("preview.example.dev");
    private final BranchRef branch = BranchRef.of("demo", "feature/cart").withCommit("4f2a9c1");
    private final EnvironmentNames names = naming.names(branch);
    private final List<String> messages = new CopyOnWriteArrayList<>();
    private final ProgressListener progress = messages::add;

    @RegisterExtension
    final SandboxEnvironments sandbox = new SandboxEnvironments(naming);
    private BranchEnvironments environments;

    @TempDir
    Path dir;

    @BeforeEach
    void start() {
        environments = sandbox.environments("ci-1", Clock.fixed(Instant.parse("2026-03-01T10:00:00Z"), ZoneOffset.UTC));
    }

    @ParameterizedTest
    @ValueSource(strings = {"charts/podinfo", "charts/microservices-demo", "kustomize/podinfo/overlays/dev",
            "kustomize/podinfo/overlays/staging", "kustomize/podinfo/overlays/production", "kustomize/microservices-demo/base"})
    void deploysRedeploysWithoutWritesAndTearsDown(String source) {
        DeployRequest request = request(Path.of("src/test/resources").resolve(source), SourceOptions.DETECT);

        DeployResult first = environments.deploys().deploy(request, progress);
        assertThat(first.succeeded()).as(first.failureReason()).isTrue();
        assertThat(sandbox.client().apps().deployments().inNamespace(names.namespace()).list().getItems()).isNotEmpty();

        sandbox.cluster().requests().clear();
        DeployResult again = environments.deploys().deploy(request, progress);
        assertThat(again.unchanged()).isTrue();
        assertThat(sandbox.cluster().requests().writes()).isEmpty();

        assertThat(environments.lifecycle().teardown(EnvironmentRef.of(branch), progress)).isEqualTo(TeardownOutcome.DELETED);
        assertThat(sandbox.client().namespaces().withName(names.namespace()).get()).isNull();
    }

    @Test
    void anOverlaysOwnNamespaceIsReHomedAndTheOutputSaysSo() {
        DeployResult result = environments.deploys().deploy(request(KUSTOMIZE.resolve("podinfo/overlays/dev"), SourceOptions.DETECT), progress);

        assertThat(result.succeeded()).as(result.failureReason()).isTrue();
        assertThat(messages).contains("Overlay dev sets namespace dev; its objects are moved into the environment's namespace "
                + names.namespace());
        assertThat(sandbox.client().namespaces().withName("dev").get()).isNull();
        assertThat(result.appliedResources()).noneMatch(r -> r.startsWith("Namespace/"));
    }

    @Test
    void preInstallHookRunsBeforeTheAppAndPostInstallAfterItsRollout() {
        DeployResult result = environments.deploys().deploy(request(CHARTS.resolve("podinfo"),
                chartValues(Map.of("hooks.preInstall.job.enabled", "true", "hooks.postInstall.job.enabled", "true"), false)), progress);

        assertThat(result.succeeded()).as(result.failureReason()).isTrue();
        assertThat(result.phases().keySet()).containsExactly("namespace", "pre-hooks", "apply", "prune", "rollout", "post-hooks");
        String job = names.helmRelease() + "-podinfo";
        assertThat(messages).containsSubsequence("Ran pre-install hook Job/" + job + "-pre-install",
                "Applied " + result.appliedResources().size() + " resources to " + names.namespace(),
                "Ran post-install hook Job/" + job + "-post-install");
        assertThat(result.appliedResources()).noneMatch(r -> r.contains("-pre-install") || r.contains("-post-install"));
        assertThat(sandbox.client().batch().v1().jobs().inNamespace(names.namespace()).list().getItems())
                .as("hook-succeeded deletes the hook Jobs").isEmpty();
    }

    @Test
    void aFailingPreInstallHookFailsTheDeployBeforeTheAppChanges() {
        sandbox.cluster().workloads().failing(names.helmRelease() + "-podinfo-pre-install");

        DeployResult result = environments.deploys().deploy(request(CHARTS.resolve("podinfo"),
                chartValues(Map.of("hooks.preInstall.job.enabled", "true"), false)), progress);

        assertThat(result.succeeded()).isFalse();
        assertThat(result.failureReason()).startsWith("pre-install hook Job/" + names.helmRelease() + "-podinfo-pre-install failed: ");
        assertThat(sandbox.client().apps().deployments().inNamespace(names.namespace()).list().getItems()).isEmpty();
    }

    @Test
    void helmTestsRunOnlyWhenAsked() {
        DeployResult without = environments.deploys().deploy(request(CHARTS.resolve("podinfo"), SourceOptions.DETECT), progress);
        assertThat(without.succeeded()).isTrue();
        assertThat(sandbox.client().pods().inNamespace(names.namespace()).list().getItems()).isEmpty();

        environments.lifecycle().teardown(EnvironmentRef.of(branch), progress);
        DeployResult with = environments.deploys().deploy(request(CHARTS.resolve("podinfo"), chartValues(Map.of(), true)), progress);
        assertThat(with.succeeded()).as(with.failureReason()).isTrue();
        assertThat(messages).filteredOn(m -> m.startsWith("passed: Pod/" + names.helmRelease() + "-podinfo")).hasSize(3);
        assertThat(messages).contains("All 3 Helm tests passed");
    }

    @Test
    void aFailingHelmTestFailsTheDeploy() throws IOException {
        Path chart = Files.createDirectories(dir.resolve("tested/templates")).getParent();
        Files.writeString(chart.resolve("Chart.yaml"), "apiVersion: v2\nname: tested\nversion: 0.1.0\n");
        Files.writeString(chart.resolve("templates/test.yaml"), """
                apiVersion: v1
                kind: Pod
                metadata:
                  name: smoke
                  annotations:
                    helm.sh/hook: test
                spec:
                  containers:
                  - name: curl
                    image: curlimages/curl:8.8.0
                  restartPolicy: Never
                """);
        sandbox.cluster().workloads().failing("smoke");

        DeployResult result = environments.deploys().deploy(request(chart, chartValues(Map.of(), true)), progress);

        assertThat(result.succeeded()).isFalse();
        assertThat(result.failureReason()).isEqualTo("1 of 1 Helm tests failed: failed: Pod/smoke: Pod/smoke: failed");
        assertThat(sandbox.client().pods().inNamespace(names.namespace()).withName("smoke").get()).as("no hook-failed policy: kept to inspect").isNotNull();
    }

    @Test
    void aResourceThatAsksToBeKeptIsNotPruned() throws IOException {
        Path chart = Files.createDirectories(dir.resolve("keeper/templates")).getParent();
        Files.writeString(chart.resolve("Chart.yaml"), "apiVersion: v2\nname: keeper\nversion: 0.1.0\n");
        Files.writeString(chart.resolve("templates/kept.yaml"), """
                {{- if .Values.withKept }}
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: kept
                  annotations:
                    helm.sh/resource-policy: keep
                {{- end }}
                """);
        Files.writeString(chart.resolve("templates/other.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: other\n");
        assertThat(environments.deploys().deploy(request(chart, chartValues(Map.of("withKept", "true"), false)), progress).succeeded()).isTrue();

        assertThat(environments.deploys().deploy(request(chart, SourceOptions.DETECT), progress).succeeded()).isTrue();

        assertThat(sandbox.client().configMaps().inNamespace(names.namespace()).withName("kept").get()).isNotNull();
        assertThat(messages).anySatisfy(m -> assertThat(m).startsWith("Kept ConfigMap/kept"));
    }

    @Test
    void anOverlayWhoseBaseIsMissingIsRefusedBeforeAnythingIsWritten() throws IOException {
        Path overlay = Files.createDirectories(dir.resolve("overlays/dev"));
        Files.writeString(overlay.resolve("kustomization.yaml"), "resources:\n- ../../bases/backend\n");

        assertThatThrownBy(() -> environments.deploys().deploy(request(overlay, SourceOptions.DETECT), progress))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("manifests: overlay dev: dev/kustomization.yaml: resource '../../bases/backend' cannot be built: ")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
        assertThat(sandbox.cluster().requests().writes()).isEmpty();
    }

    private static SourceOptions chartValues(Map<String, String> set, boolean helmTests) {
        return new SourceOptions(null, List.of(), set, helmTests);
    }

    private DeployRequest request(Path manifests, SourceOptions source) {
        return DeployRequest.builder(branch, manifests).quota(ROOMY).ttl(Duration.ofDays(3))
                .timeout(Duration.ofSeconds(20)).source(source).build();
    }
}
