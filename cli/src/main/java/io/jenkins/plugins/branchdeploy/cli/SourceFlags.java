package io.jenkins.plugins.branchdeploy.cli;

import io.jenkins.plugins.branchdeploy.engine.request.ManifestSource;
import io.jenkins.plugins.branchdeploy.engine.request.SourceOptions;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/** How {@code --manifests} renders: its source and a Helm chart's values. */
class SourceFlags {

    @Option(names = "--source", paramLabel = "yaml|helm|kustomize",
            description = "What --manifests holds (default: detected: a directory with Chart.yaml or a .tgz is a Helm chart, "
                    + "a directory with kustomization.yaml a Kustomize overlay, anything else plain YAML).")
    String source;

    @Option(names = "--values", paramLabel = "FILE", description = "A values file for the Helm chart; repeatable, applied in order.")
    List<Path> values = List.of();

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "A value for the Helm chart, applied after --values; repeatable.")
    List<String> set = List.of();

    @Option(names = "--helm-tests", description = "Run the Helm chart's tests (helm.sh/hook: test) after the rollout; a failing test fails the deploy.")
    boolean helmTests;

    SourceOptions options() {
        Map<String, String> values = new LinkedHashMap<>();
        set.forEach(keyAndValue -> SourceOptions.parseSet(keyAndValue, values));
        return new SourceOptions(ManifestSource.named(source), this.values, values, helmTests);
    }
}
