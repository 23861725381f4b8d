package io.jenkins.plugins.branchdeploy.engine.cluster;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A JSON patch (RFC 6902) of a few annotations and the replica count of one object, built against
 * the object as last read. Unlike a server-side apply it leaves every field it does not name alone,
 * and unlike a merge patch it removes annotations without leaving nulls behind.
 */
final class JsonPatch {

    /** Patches are sent with the engine's field manager, so the API server records who changed what. */
    static final PatchContext CONTEXT = new PatchContext.Builder()
            .withPatchType(PatchType.JSON).withFieldManager(ClusterContract.FIELD_MANAGER).build();

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, String> annotations;
    private final List<Map<String, Object>> operations = new ArrayList<>();
    private boolean hasAnnotations;

    /** A patch of the object whose metadata is {@code current}. */
    JsonPatch(ObjectMeta current) {
        this.annotations = current.getAnnotations() == null ? Map.of() : current.getAnnotations();
        this.hasAnnotations = current.getAnnotations() != null;
    }

    /** Sets an annotation, unless it already has this value. */
    JsonPatch annotate(String key, String value) {
        if (value.equals(annotations.get(key))) {
            return this;
        }
        if (hasAnnotations) {
            operations.add(operation("add", "/metadata/annotations/" + escape(key), value));
        } else {
            Map<String, String> first = new LinkedHashMap<>();
            first.put(key, value);
            operations.add(operation("add", "/metadata/annotations", first));
            hasAnnotations = true;
        }
        return this;
    }

    /** Removes an annotation, if the object has it. */
    JsonPatch removeAnnotation(String key) {
        if (annotations.containsKey(key)) {
            Map<String, Object> remove = new LinkedHashMap<>();
            remove.put("op", "remove");
            remove.put("path", "/metadata/annotations/" + escape(key));
            operations.add(remove);
        }
        return this;
    }

    /** Sets {@code spec.replicas}. */
    JsonPatch replicas(int replicas) {
        operations.add(operation("add", "/spec/replicas", replicas));
        return this;
    }

    boolean isEmpty() {
        return operations.isEmpty();
    }

    String toJson() {
        try {
            return JSON.writeValueAsString(operations);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Object> operation(String op, String path, Object value) {
        Map<String, Object> operation = new LinkedHashMap<>();
        operation.put("op", op);
        operation.put("path", path);
        operation.put("value", value);
        return operation;
    }

    /** JSON pointer escaping (RFC 6901): annotation keys contain {@code /}. */
    private static String escape(String key) {
        return key.replace("~", "~0").replace("/", "~1");
    }
}
