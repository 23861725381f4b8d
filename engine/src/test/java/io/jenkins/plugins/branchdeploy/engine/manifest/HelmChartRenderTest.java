package io.jenkins.plugins.branchdeploy.engine.manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.jenkins.plugins.branchdeploy.engine.InvalidInputException;
import io.jenkins.plugins.branchdeploy.engine.branch.BranchRef;
import io.jenkins.plugins.branchdeploy.engine.naming.EnvironmentNames;
import io.jenkins.plugins.branchdeploy.engine.naming.NamingPolicy;
import io.jenkins.plugins.branchdeploy.engine.request.SourceOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real Helm renders real charts: podinfo (kubeVersion, hooks, tests) and microservices-demo. */
class HelmChartRenderTest {

    static final Path PODINFO = Path.of("src/test/resources/charts/podinfo");
    static final Path MICROSERVICES_DEMO = Path.of("src/test/resources/charts/microservices-demo");
    static final String CLUSTER_VERSION = "v1.31.2";

    private final BranchRef branch = BranchRef.of("podinfo", "feature/cache");
    private final EnvironmentNames names = NamingPolicy.withDefaults("preview.example.dev").names(branch);

    @TempDir
    Path dir;

    @Test
    void rendersPodinfoForTheClustersVersionWithItsHooksAndTests() {
        List<RenderedManifest> rendered = render(PODINFO, SourceOptions.DETECT, CLUSTER_VERSION, Map.of());

        assertThat(rendered).extracting(RenderedManifest::kindAndName)
                .contains("Deployment/" + names.helmRelease(), "Service/" + names.helmRelease());
        assertThat(rendered).allSatisfy(m -> assertThat(m.resource().getMetadata().getNamespace()).isEqualTo(names.namespace()));
        assertThat(rendered).filteredOn(m -> hook(m.resource()) != null).extracting(m -> hook(m.resource()))
                .containsOnly("test-success");
        assertThat(rendered.get(0).origin()).startsWith("podinfo/templates/");
    }

    @Test
    void theChartsKubeVersionIsCheckedAgainstTheClustersVersion() {
        assertThatThrownBy(() -> render(PODINFO, SourceOptions.DETECT, "v1.20.0", Map.of()))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("manifests: chart podinfo: ")
                .hasMessageContaining(">=1.23.0-0");
    }

    @Test
    void valuesFilesApplyInOrderAndSetWinsLast() throws IOException {
        Path two = Files.writeString(dir.resolve("two.yaml"), "replicaCount: 2\n");
        Path three = Files.writeString(dir.resolve("three.yaml"), "replicaCount: 3\n");
        Map<String, String> set = new LinkedHashMap<>();
        set.put("ui.message", "hello from the branch");

        List<RenderedManifest> rendered = render(PODINFO, new SourceOptions(null, List.of(two, three), set, false), CLUSTER_VERSION, Map.of());

        Deployment podinfo = (Deployment) rendered.stream()
                .filter(m -> m.kindAndName().equals("Deployment/" + names.helmRelease())).findFirst().orElseThrow().resource();
        assertThat(podinfo.getSpec().getReplicas()).isEqualTo(3);
        assertThat(podinfo.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv())
                .anySatisfy(env -> assertThat(env.getValue()).isEqualTo("hello from the branch"));
    }

    @Test
    void rendersMicroservicesDemo() {
        List<RenderedManifest> rendered = render(MICROSERVICES_DEMO, SourceOptions.DETECT, CLUSTER_VERSION, Map.of());

        assertThat(rendered).filteredOn(m -> m.kind().equals("Deployment")).hasSizeGreaterThanOrEqualTo(11);
    }

    @Test
    void aPackagedChartRendersLikeItsDirectory() throws Exception {
        new com.marcnuri.helm.Helm(PODINFO).packageIt().withDestination(dir).call();
        Path packaged;
        try (var files = Files.list(dir)) {
            packaged = files.filter(p -> p.toString().endsWith(".tgz")).findFirst().orElseThrow();
        }

        assertThat(kinds(render(packaged, SourceOptions.DETECT, CLUSTER_VERSION, Map.of())))
                .isEqualTo(kinds(render(PODINFO, SourceOptions.DETECT, CLUSTER_VERSION, Map.of())));
    }

    @Test
    void aTemplateErrorNamesTheTemplateAndLine() throws IOException {
        Path chart = chart("broken", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ .Release.Name }\n");

        assertThatThrownBy(() -> render(chart, SourceOptions.DETECT, CLUSTER_VERSION, Map.of()))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("manifests: chart broken: ")
                .hasMessageContaining("broken/templates/config.yaml:4")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void aMissingValuesFileIsNamed() {
        Path missing = dir.resolve("staging.yaml");

        assertThatThrownBy(() -> render(PODINFO, new SourceOptions(null, List.of(missing), Map.of(), false), CLUSTER_VERSION, Map.of()))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("values: " + missing + " does not exist; give an existing values file of chart podinfo");
    }

    @Test
    void aDependencyThatIsNotVendoredIsNamed() throws IOException {
        Path chart = chart("shop", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: shop\n");
        Files.writeString(chart.resolve("Chart.yaml"), "dependencies:\n- name: redis\n  version: 18.0.0\n  repository: https://charts.example.com\n",
                java.nio.file.StandardOpenOption.APPEND);

        assertThatThrownBy(() -> render(chart, SourceOptions.DETECT, CLUSTER_VERSION, Map.of()))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("manifests: chart shop: dependency redis (Chart.yaml) is not in charts/");
    }

    @Test
    void placeholderVariablesAreRefusedForACharts() {
        assertThatThrownBy(() -> render(PODINFO, SourceOptions.DETECT, CLUSTER_VERSION, Map.of("IMAGE_TAG", "1.2")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("variables: ${IMAGE_TAG} placeholders apply to plain YAML only")
                .hasMessageContaining("--set KEY=VALUE");
    }

    @Test
    void aChartReadsTheWebhookUrlAsBranchDeployWebhookUrl() throws IOException {
        Path chart = chart("payments", """
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: payments
                data:
                  webhookUrl: {{ (.Values.branchDeploy | default dict).webhookUrl | default "none" | quote }}
                """);
        ManifestVariables withWebhooks = ManifestVariables.forEnvironment(branch, names, Map.of())
                .withWebhookUrl("https://hooks--podinfo.preview.example.dev/" + names.environment());

        List<RenderedManifest> rendered = new ManifestRenderer(withWebhooks, null, SourceOptions.DETECT,
                new HelmRelease(names.helmRelease(), () -> CLUSTER_VERSION)).render(chart, names.namespace());
        List<RenderedManifest> without = render(chart, SourceOptions.DETECT, CLUSTER_VERSION, Map.of());

        assertThat(((ConfigMap) rendered.get(0).resource()).getData())
                .containsEntry("webhookUrl", "https://hooks--podinfo.preview.example.dev/" + names.environment());
        assertThat(((ConfigMap) without.get(0).resource()).getData()).containsEntry("webhookUrl", "none");
    }

    @Test
    void chartValuesAreRefusedForPlainYaml() {
        assertThatThrownBy(() -> render(ManifestRendererTest.SHOP, new SourceOptions(null, List.of(), Map.of("a", "b"), false), CLUSTER_VERSION,
                Map.of("IMAGE_TAG", "1")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("set: applies to Helm charts only");
    }

    private Path chart(String name, String template) throws IOException {
        Path chart = Files.createDirectories(dir.resolve(name).resolve("templates"));
        Files.writeString(chart.resolve("config.yaml"), template);
        Files.writeString(chart.getParent().resolve("Chart.yaml"), "apiVersion: v2\nname: " + name + "\nversion: 0.1.0\n");
        return chart.getParent();
    }

    private List<RenderedManifest> render(Path chart, SourceOptions options, String kubeVersion, Map<String, String> variables) {
        return new ManifestRenderer(ManifestVariables.forEnvironment(branch, names, variables), null, options,
                new HelmRelease(names.helmRelease(), () -> kubeVersion)).render(chart, names.namespace());
    }

    /** Kinds and names; Helm test Pods have random names. */
    private static List<String> kinds(List<RenderedManifest> rendered) {
        return rendered.stream().map(m -> hook(m.resource()) == null ? m.kindAndName() : m.kind() + " hook").toList();
    }

    private static String hook(HasMetadata resource) {
        Map<String, String> annotations = resource.getMetadata().getAnnotations();
        return annotations == null ? null : annotations.get("helm.sh/hook");
    }
}
