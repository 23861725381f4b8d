package io.jenkins.plugins.branchdeploy.engine.request;

import io.jenkins.plugins.branchdeploy.engine.InvalidInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** What the manifests of a deploy are: plain YAML, a Helm chart or a Kustomize overlay. */
public enum ManifestSource {

    /** Kubernetes YAML with {@code ${VAR}} placeholders: one file, or every YAML and JSON file under a directory. */
    YAML,
    /** A Helm chart: a directory with {@code Chart.yaml}, or a packaged {@code .tgz}. */
    HELM,
    /** A Kustomize overlay or base: a directory with {@code kustomization.yaml}. */
    KUSTOMIZE;

    /** The file names Kustomize reads an overlay from. */
    public static final List<String> KUSTOMIZATION_FILES = List.of("kustomization.yaml", "kustomization.yml", "Kustomization");

    /** The source a path holds: a chart, an overlay, or else plain YAML. */
    public static ManifestSource detect(Path manifests) {
        if (manifests == null) {
            return YAML;
        }
        if (Files.isDirectory(manifests)) {
            if (Files.isRegularFile(manifests.resolve("Chart.yaml"))) {
                return HELM;
            }
            if (KUSTOMIZATION_FILES.stream().anyMatch(file -> Files.isRegularFile(manifests.resolve(file)))) {
                return KUSTOMIZE;
            }
            return YAML;
        }
        String name = manifests.getFileName().toString();
        return name.endsWith(".tgz") || name.endsWith(".tar.gz") ? HELM : YAML;
    }

    /**
     * The source a user named ({@code yaml}, {@code helm} or {@code kustomize}); {@code null} or blank
     * for detection.
     */
    public static ManifestSource named(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        try {
            return valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("source", "'" + name + "' is not a manifest source; use yaml, helm or kustomize");
        }
    }

    /** The name users write: {@code yaml}, {@code helm}, {@code kustomize}. */
    public String flagName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
