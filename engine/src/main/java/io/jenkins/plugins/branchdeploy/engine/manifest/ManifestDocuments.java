package io.jenkins.plugins.branchdeploy.engine.manifest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.jenkins.plugins.branchdeploy.engine.InvalidInputException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Manifest text into Kubernetes objects: multi-document YAML into trees, and a tree into fabric8's
 * typed model (a {@code GenericKubernetesResource} for a custom resource), through a mapper that
 * builds each property's deserializer when a document first holds it
 * ({@link LazyPropertyDeserializers}). Messages name where the text came from, never its content.
 */
public final class ManifestDocuments {

    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization(lazily(new ObjectMapper()), true);
    private static final YAMLMapper YAML = new YAMLMapper();

    /** What {@link #headStart()} renders: the kinds, and the fields of a pod template, that most apps' manifests have. */
    private static final String COMMON_KINDS = """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: head-start, labels: {app: a}}
            spec:
              replicas: 1
              selector: {matchLabels: {app: a}}
              template:
                metadata: {labels: {app: a}}
                spec:
                  containers:
                  - name: a
                    image: a
                    ports: [{containerPort: 80}]
                    env: [{name: A, value: a}]
                    resources: {requests: {cpu: 1m}, limits: {memory: 1Mi}}
                    readinessProbe: {httpGet: {path: /, port: 80}}
            ---
            {apiVersion: v1, kind: Service, metadata: {name: head-start}, spec: {ports: [{port: 80, targetPort: 80}], selector: {app: a}}}
            ---
            {apiVersion: v1, kind: ServiceAccount, metadata: {name: head-start}}
            ---
            {apiVersion: v1, kind: ConfigMap, metadata: {name: head-start}, data: {a: a}}
            ---
            {apiVersion: apps/v1, kind: StatefulSet, metadata: {name: head-start}}
            ---
            {apiVersion: networking.k8s.io/v1, kind: Ingress, metadata: {name: head-start}}
            """;

    private ManifestDocuments() {}

    /**
     * Does ahead what the first render in a process does once: registering the typed model's kinds,
     * starting the YAML parser and building the deserializers of the common kinds and fields. In a JVM
     * that has just started, that is most of a render's time; a command line runs this on a second
     * thread while it reads its options. Rendering gives the same objects with or without it.
     */
    public static void headStart() {
        for (JsonNode document : parse("head start", COMMON_KINDS)) {
            toResource((ObjectNode) document, "head start");
        }
    }

    /**
     * {@code mapper}, made to build each property's deserializer when a document first holds that
     * property ({@link LazyPropertyDeserializers}), for reading fabric8's typed model.
     */
    public static ObjectMapper lazily(ObjectMapper mapper) {
        return mapper.registerModule(new LazyPropertyDeserializers());
    }

    /** The documents of multi-document YAML, in order; an empty document is a null node. */
    static List<JsonNode> parse(String fileName, String text) {
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

    /** The object of a document: typed for Kubernetes' own kinds. */
    static HasMetadata toResource(ObjectNode object, String where) {
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

    private static String firstLine(String message) {
        if (message == null) {
            return "unknown problem";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
