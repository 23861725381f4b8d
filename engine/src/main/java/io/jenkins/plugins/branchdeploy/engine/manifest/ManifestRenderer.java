package io.jenkins.plugins.branchdeploy.engine.manifest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.jenkins.plugins.branchdeploy.engine.InvalidInputException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Renders a directory tree (or one file) of multi-document YAML into the Kubernetes objects of one
 * environment, without a cluster: replaces {@code ${VAR}} placeholders, checks every document and
 * puts it into the environment's namespace (see {@link NamespacePlacement}).
 *
 * <p>An undefined placeholder is an error naming the file, the document and the variable, except
 * inside a container's {@code command} and {@code args}: those often hold shell scripts, whose
 * {@code ${VAR}} is the shell's business. {@code $${VAR}} keeps {@code ${VAR}} as text anywhere.
 */
public final class ManifestRenderer {

    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();
    private static final YAMLMapper YAML = new YAMLMapper();
    private static final Set<String> CONTAINER_LISTS = Set.of("containers", "initContainers", "ephemeralContainers");
    private static final Set<String> SCRIPT_FIELDS = Set.of("command", "args");

    private final ManifestVariables variables;
    private final String sourceNamespace;

    /**
     * @param variables the placeholder values
     * @param sourceNamespace the namespace the manifests hard-code, re-homed into the environment's; or {@code null}
     */
    public ManifestRenderer(ManifestVariables variables, String sourceNamespace) {
        this.variables = variables;
        this.sourceNamespace = sourceNamespace;
    }

    /**
     * Renders the manifests for {@code namespace}.
     *
     * @param manifests a directory (searched recursively for .yaml, .yml and .json) or one file
     * @return the objects in file and document order
     * @throws InvalidInputException naming the file and document of the first problem
     */
    public List<RenderedManifest> render(Path manifests, String namespace) {
        NamespacePlacement placement = new NamespacePlacement(namespace, sourceNamespace);
        List<RenderedManifest> rendered = new ArrayList<>();
        Map<String, String> origins = new HashMap<>();
        for (Path file : ManifestFiles.under(manifests)) {
            String fileName = ManifestFiles.displayName(manifests, file);
            Placeholders.Result text = Placeholders.substitute(read(file, fileName), variables);
            int index = 0;
            for (JsonNode document : documents(fileName, text.text())) {
                index++;
                String origin = fileName + ", document " + index;
                for (ObjectNode object : objectsOf(document, origin)) {
                    RenderedManifest manifest = render(object, origin, text.undefined(), placement);
                    if (manifest == null) {
                        continue;
                    }
                    String key = manifest.resource().getApiVersion().replaceAll("/.*", "") + " " + manifest.kindAndName();
                    String earlier = origins.putIfAbsent(key, origin);
                    if (earlier != null) {
                        throw new InvalidInputException("manifests", manifest.describe() + " is defined twice, also in "
                                + earlier + "; keep one of them");
                    }
                    rendered.add(manifest);
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
        HasMetadata resource = toResource(object, where);
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

    private static HasMetadata toResource(ObjectNode object, String where) {
        try {
            KubernetesResource resource = SERIALIZATION.convertValue(object, KubernetesResource.class);
            if (resource instanceof HasMetadata hasMetadata) {
                return hasMetadata;
            }
            throw new InvalidInputException("manifests", where + " is not an object Kubernetes can store; give it the apiVersion and kind of a resource the API server knows");
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("manifests", where + " does not match its kind's schema: " + firstLine(e.getMessage()));
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

    private static List<JsonNode> documents(String fileName, String text) {
        List<JsonNode> documents = new ArrayList<>();
        try (MappingIterator<JsonNode> it = YAML.readerFor(JsonNode.class).readValues(text)) {
            while (it.hasNextValue()) {
                documents.add(it.nextValue());
            }
        } catch (JsonProcessingException e) {
            throw new InvalidInputException("manifests", fileName + " is not valid YAML"
                    + (e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr()) + ": " + firstLine(e.getOriginalMessage()));
        } catch (IOException | RuntimeException e) {
            throw new InvalidInputException("manifests", fileName + " is not valid YAML: " + firstLine(e.getMessage()));
        }
        return documents;
    }

    private static String read(Path file, String fileName) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new InvalidInputException("manifests", "cannot read " + fileName + ": " + e.getMessage());
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unknown problem";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
