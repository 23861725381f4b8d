package io.jenkins.plugins.branchdeploy.engine.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.jenkins.plugins.branchdeploy.engine.InvalidInputException;
import io.jenkins.plugins.branchdeploy.engine.request.ManifestSource;
import io.jenkins.plugins.branchdeploy.engine.request.SourceOptions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * Renders an app's manifests into the Kubernetes objects of one environment: a directory tree (or
 * one file) of multi-document YAML, whose {@code ${VAR}} placeholders it replaces, a Helm chart
 * ({@link HelmChart}) or a Kustomize overlay ({@link KustomizeBuild}). Checks every document and puts
 * it into the environment's namespace (see {@link NamespacePlacement}); an overlay's own
 * {@code namespace:} is re-homed like a source namespace.
 *
 * <p>An undefined placeholder is an error naming the file, the document and the variable, except
 * inside a container's {@code command} and {@code args}: those often hold shell scripts, whose
 * {@code ${VAR}} is the shell's business. {@code $${VAR}} keeps {@code ${VAR}} as text anywhere.
 */
public final class ManifestRenderer {

    private static final Set<String> CONTAINER_LISTS = Set.of("containers", "initContainers", "ephemeralContainers");
    private static final Set<String> SCRIPT_FIELDS = Set.of("command", "args");
    /** The chart value that holds the environment's webhook URL, {@code ${WEBHOOK_URL}} of plain YAML. */
    public static final String WEBHOOK_URL_VALUE = "branchDeploy.webhookUrl";

    private final ManifestVariables variables;
    private final String sourceNamespace;
    private final SourceOptions source;
    private final HelmRelease release;

    /**
     * A renderer of plain YAML (or of an overlay, detected), as before charts existed.
     *
     * @param variables the placeholder values
     * @param sourceNamespace the namespace the manifests hard-code, re-homed into the environment's; or {@code null}
     */
    public ManifestRenderer(ManifestVariables variables, String sourceNamespace) {
        this(variables, sourceNamespace, SourceOptions.DETECT, null);
    }

    /**
     * @param variables the placeholder values (plain YAML only)
     * @param sourceNamespace the namespace the manifests hard-code, re-homed into the environment's; or {@code null}
     * @param source the source and a chart's values
     * @param release the Helm release a chart renders as; {@code null} when charts are not expected
     */
    public ManifestRenderer(ManifestVariables variables, String sourceNamespace, SourceOptions source, HelmRelease release) {
        this.variables = variables;
        this.sourceNamespace = sourceNamespace;
        this.source = source == null ? SourceOptions.DETECT : source;
        this.release = release;
    }

    /** As {@link #render(Path, String, Consumer)}, without notes. */
    public List<RenderedManifest> render(Path manifests, String namespace) {
        return render(manifests, namespace, note -> {});
    }

    /**
     * Renders the manifests for {@code namespace}.
     *
     * @param manifests plain YAML (a directory searched recursively for .yaml, .yml and .json, or one
     *        file), a Helm chart (a directory with Chart.yaml or a .tgz) or a Kustomize overlay
     * @param notes told what rendering changed that the user should know, e.g. an overlay's namespace replaced
     * @return the objects in file and document order
     * @throws InvalidInputException naming the file and document of the first problem
     */
    public List<RenderedManifest> render(Path manifests, String namespace, Consumer<String> notes) {
        ManifestSource kind = kindOf(manifests, source);
        if (kind != ManifestSource.HELM && source.hasChartOptions()) {
            String field = !source.values().isEmpty() ? "values" : !source.set().isEmpty() ? "set" : "helmTests";
            throw new InvalidInputException(field, "applies to Helm charts only, and "
                    + manifests + " is " + (kind == ManifestSource.YAML ? "plain YAML" : "a Kustomize overlay") + "; remove them");
        }
        return switch (kind) {
            case YAML -> render(yamlFiles(manifests), namespace, sourceNamespace, true);
            case HELM -> render(chart(manifests, namespace), namespace, sourceNamespace, false);
            case KUSTOMIZE -> overlay(manifests, namespace, notes);
        };
    }

    /**
     * The {@code ${VAR}} placeholders in plain YAML, by file: what a deploy substitutes and Argo CD,
     * which applies the files as written, cannot. Empty for a chart or an overlay.
     *
     * @return file name to the placeholders in it, for the files that have any
     */
    public static Map<String, Set<String>> placeholdersIn(Path manifests, SourceOptions source) {
        ManifestSource kind = kindOf(manifests, source);
        Map<String, Set<String>> found = new LinkedHashMap<>();
        if (kind == ManifestSource.YAML) {
            for (Path file : ManifestFiles.under(manifests)) {
                String fileName = ManifestFiles.displayName(manifests, file);
                Set<String> names = Placeholders.all(read(file, fileName));
                if (!names.isEmpty()) {
                    found.put(fileName, names);
                }
            }
        }
        return found;
    }

    /**
     * A digest of plain YAML manifests as a deploy reads them: each file's name and bytes, in the order
     * they are rendered. Empty for a chart (rendered for the cluster's version) and an overlay (whose
     * bases may lie anywhere), which are more than their own files.
     *
     * @throws InvalidInputException when the manifests do not exist or hold no manifest file
     */
    public static Optional<String> plainYamlDigest(Path manifests, SourceOptions source) {
        return kindOf(manifests, source) == ManifestSource.YAML && !source.hasChartOptions()
                ? Optional.of(ManifestFiles.digest(manifests)) : Optional.empty();
    }

    private static ManifestSource kindOf(Path manifests, SourceOptions source) {
        return source.source() != null ? source.source() : ManifestSource.detect(manifests);
    }

    private List<ManifestText> yamlFiles(Path manifests) {
        List<ManifestText> texts = new ArrayList<>();
        for (Path file : ManifestFiles.under(manifests)) {
            String fileName = ManifestFiles.displayName(manifests, file);
            texts.add(new ManifestText(fileName, read(file, fileName)));
        }
        return texts;
    }

    private List<ManifestText> chart(Path chart, String namespace) {
        refuseVariables("Helm chart", "chart values (--set KEY=VALUE, step set)");
        if (release == null) {
            throw new IllegalStateException("no Helm release given to render chart " + chart);
        }
        return new HelmChart(chart).render(release.name(), namespace, withWebhookUrl(source), release.kubeVersion());
    }

    /** The chart's values with {@value #WEBHOOK_URL_VALUE} when the environment has webhooks; a value the user set wins. */
    private SourceOptions withWebhookUrl(SourceOptions options) {
        return variables.value("WEBHOOK_URL").map(url -> {
            Map<String, String> set = new LinkedHashMap<>();
            set.put(WEBHOOK_URL_VALUE, url);
            set.putAll(options.set());
            return new SourceOptions(options.source(), options.values(), set, options.helmTests());
        }).orElse(options);
    }

    private List<RenderedManifest> overlay(Path overlay, String namespace, Consumer<String> notes) {
        refuseVariables("Kustomize overlay", "the overlay's own patches or generators");
        String homed = sourceNamespace;
        String overlayNamespace = KustomizeBuild.namespace(overlay);
        if (homed == null && overlayNamespace != null && !overlayNamespace.equals(namespace)) {
            homed = overlayNamespace;
            notes.accept("Overlay " + overlay.getFileName() + " sets namespace " + overlayNamespace
                    + "; its objects are moved into the environment's namespace " + namespace);
        }
        return render(List.of(new KustomizeBuild(System.getenv()).build(overlay)), namespace, homed, false);
    }

    private void refuseVariables(String what, String instead) {
        List<String> user = variables.userNames();
        if (!user.isEmpty()) {
            throw new InvalidInputException("variables", "${" + user.get(0) + "} placeholders apply to plain YAML only, not to a "
                    + what + "; pass the value through " + instead);
        }
    }

    private List<RenderedManifest> render(List<ManifestText> texts, String namespace, String homed, boolean placeholders) {
        NamespacePlacement placement = new NamespacePlacement(namespace, homed);
        List<RenderedManifest> rendered = new ArrayList<>();
        Map<String, String> origins = new HashMap<>();
        for (ManifestText manifest : texts) {
            Placeholders.Result text = placeholders ? Placeholders.substitute(manifest.text(), variables)
                    : new Placeholders.Result(manifest.text(), Set.of());
            int index = 0;
            for (JsonNode document : ManifestDocuments.parse(manifest.name(), text.text())) {
                index++;
                String origin = manifest.name() + ", document " + index;
                for (ObjectNode object : objectsOf(document, origin)) {
                    RenderedManifest resource = render(object, origin, text.undefined(), placement);
                    if (resource == null) {
                        continue;
                    }
                    String key = resource.resource().getApiVersion().replaceAll("/.*", "") + " " + resource.kindAndName();
                    String earlier = origins.putIfAbsent(key, origin);
                    if (earlier != null) {
                        throw new InvalidInputException("manifests", resource.describe() + " is defined twice, also in "
                                + earlier + "; keep one of them");
                    }
                    rendered.add(resource);
                }
            }
        }
        return rendered;
    }

    private RenderedManifest render(ObjectNode object, String origin, Set<String> undefined, NamespacePlacement placement) {
        String kind = object.path("kind").asText("");
        String name = object.path("metadata").path("name").asText("");
        String where = origin + (kind.isEmpty() || name.isEmpty() ? "" : " (" + kind + "/" + name + ")");
        if (object.path("apiVersion").asText("").isEmpty() || kind.isEmpty()) {
            throw new InvalidInputException("manifests", where + " has no apiVersion or kind; every document must be a Kubernetes object");
        }
        if (name.isEmpty()) {
            throw new InvalidInputException("manifests", where + " (" + kind + ") has no metadata.name; give it a name");
        }
        Set<String> unresolved = new TreeSet<>();
        collectPlaceholders(object, false, undefined, unresolved);
        if (!unresolved.isEmpty()) {
            throw new InvalidInputException("manifests", where + ": " + undefinedMessage(unresolved.iterator().next()));
        }
        HasMetadata resource = ManifestDocuments.toResource(object, where);
        if (placement.isSourceNamespaceDocument(resource)) {
            return null;
        }
        boolean clusterScoped = !(resource instanceof GenericKubernetesResource) && NamespacePlacement.isClusterScoped(resource);
        placement.place(resource, clusterScoped, where);
        return new RenderedManifest(resource, origin);
    }

    private static String undefinedMessage(String name) {
        if (name.equals("COMMIT")) {
            return "${COMMIT} is the deployed commit, which was not given; pass the commit (--commit SHA)";
        }
        if (name.equals("WEBHOOK_URL")) {
            return "${WEBHOOK_URL} is the environment's webhook URL, which only a deploy with webhooks has; add webhooks "
                    + "SERVICE[:PORT] (--webhooks, Pipeline: webhooks)";
        }
        return "${" + name + "} is not defined; add the variable (--var " + name + "=VALUE), or write $${" + name
                + "} to keep the text";
    }

    /** Finds undefined placeholders that survived substitution, except in container command and args. */
    private static void collectPlaceholders(JsonNode node, boolean isContainer, Set<String> undefined, Set<String> found) {
        if (undefined.isEmpty()) {
            return;
        }
        if (node.isTextual()) {
            found.addAll(Placeholders.mentioned(node.asText(), undefined));
        } else if (node.isArray()) {
            node.forEach(item -> collectPlaceholders(item, false, undefined, found));
        } else if (node.isObject()) {
            node.properties().forEach(field -> {
                found.addAll(Placeholders.mentioned(field.getKey(), undefined));
                if (isContainer && SCRIPT_FIELDS.contains(field.getKey())) {
                    return;
                }
                if (CONTAINER_LISTS.contains(field.getKey()) && field.getValue().isArray()) {
                    field.getValue().forEach(container -> collectPlaceholders(container, true, undefined, found));
                } else {
                    collectPlaceholders(field.getValue(), false, undefined, found);
                }
            });
        }
    }

    private static List<ObjectNode> objectsOf(JsonNode document, String origin) {
        if (document == null || document.isNull() || document.isMissingNode()) {
            return List.of();
        }
        if (!document.isObject()) {
            throw new InvalidInputException("manifests", origin + " is not a Kubernetes object (a mapping with apiVersion and kind)");
        }
        if (document.path("kind").asText().endsWith("List") && document.path("items").isArray()) {
            List<ObjectNode> items = new ArrayList<>();
            for (JsonNode item : document.get("items")) {
                items.addAll(objectsOf(item, origin));
            }
            return items;
        }
        return List.of((ObjectNode) document);
    }

    private static String read(Path file, String fileName) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new InvalidInputException("manifests", "cannot read " + fileName + ": " + e.getMessage());
        }
    }
}
