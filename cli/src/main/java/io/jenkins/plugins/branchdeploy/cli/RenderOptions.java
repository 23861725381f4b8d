package io.jenkins.plugins.branchdeploy.cli;

import io.jenkins.plugins.branchdeploy.engine.request.ManifestSource;
import io.jenkins.plugins.branchdeploy.engine.request.SourceOptions;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * How manifests are rendered, the same for every command that renders them ({@code deploy}, {@code diff}):
 * their source, a Helm chart's values, variables and the namespace they hard-code.
 */
public class RenderOptions {

    @Option(names = "--commit", paramLabel = "SHA", description = "The commit being deployed (recorded; $${COMMIT} in manifests).")
    String commit;

    @Option(names = "--var", paramLabel = "NAME=VALUE", description = "A value for $${NAME} in plain YAML manifests; repeatable "
            + "(a Helm chart takes --set instead).")
    Map<String, String> variables = new LinkedHashMap<>();

    @Option(names = "--source-namespace", paramLabel = "NAMESPACE",
            description = "The namespace the manifests hard-code; its documents are moved into the environment's namespace.")
    String sourceNamespace;

    @Option(names = "--source", paramLabel = "yaml|helm|kustomize",
            description = "What --manifests holds (default: detected: a directory with Chart.yaml or a .tgz is a Helm chart, "
                    + "a directory with kustomization.yaml a Kustomize overlay, anything else plain YAML).")
    String source;

    @Option(names = "--values", paramLabel = "FILE", description = "A values file for the Helm chart; repeatable, applied in order.")
    List<Path> values = List.of();

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "A value for the Helm chart, applied after --values; repeatable.")
    List<String> set = List.of();

    /** The source of the manifests and a chart's values; {@code helmTests} whether the chart's tests run after a rollout. */
    SourceOptions sourceOptions(boolean helmTests) {
        Map<String, String> chartValues = new LinkedHashMap<>();
        set.forEach(keyAndValue -> SourceOptions.parseSet(keyAndValue, chartValues));
        return new SourceOptions(ManifestSource.named(source), values, chartValues, helmTests);
    }
}
