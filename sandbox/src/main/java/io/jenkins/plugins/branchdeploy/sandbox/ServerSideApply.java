package io.jenkins.plugins.branchdeploy.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.mockwebserver.dsl.HttpMethod;
import io.fabric8.mockwebserver.http.MockResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Iterator;
import java.util.Set;
import java.util.TreeSet;

/**
 * Server-side apply as the sandbox emulates it: an apply PATCH creates the object or replaces it,
 * recording its field manager in {@code metadata.managedFields}. Like a real API server it keeps
 * the status, keeps the labels and annotations other managers set while dropping those this
 * manager applied before and no longer applies, and changes nothing (not even the
 * resourceVersion) when the applied object is the same.
 */
final class ServerSideApply {

    static final String CONTENT_TYPE = "application/apply-patch+yaml";

    private static final Set<String> OWN_METADATA = Set.of("labels", "annotations");

    private final SandboxStore store;
    private final Clock clock;

    ServerSideApply(SandboxStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    static boolean isApply(String method, String contentType) {
        return "PATCH".equals(method) && contentType != null && contentType.startsWith(CONTENT_TYPE);
    }

    MockResponse apply(String pathAndQuery, String body) {
        String path = SandboxPaths.withoutQuery(pathAndQuery);
        String manager = SandboxPaths.queryParameter(pathAndQuery, "fieldManager");
        if (manager == null || manager.isEmpty()) {
            return Faults.status(422, "PatchOptions.meta.k8s.io \"\" is invalid: fieldManager: Required value: "
                    + "is required for apply requests");
        }
        ObjectNode applied;
        try {
            applied = SandboxJson.parse(body);
        } catch (IllegalArgumentException e) {
            return Faults.status(400, e.getMessage());
        }
        ObjectNode metadata = metadataOf(applied);
        String name = path.substring(path.lastIndexOf('/') + 1);
        String pathNamespace = SandboxPaths.namespaceOf(path);
        if (!name.equals(metadata.path("name").asText())) {
            return Faults.status(400, "the name of the object (" + metadata.path("name").asText()
                    + ") does not match the name on the URL (" + name + ")");
        }
        String bodyNamespace = metadata.path("namespace").asText("");
        if (pathNamespace != null && !bodyNamespace.isEmpty() && !bodyNamespace.equals(pathNamespace)) {
            return Faults.status(400, "the namespace of the provided object does not match the namespace sent on the request");
        }
        String existingJson = store.get(path);
        if (existingJson == null) {
            if (metadata.hasNonNull("resourceVersion")) {
                return Faults.status(409, "Operation cannot be fulfilled: the object does not exist any more");
            }
            setManagedFields(metadata, null, manager, applied);
            return store.call(HttpMethod.POST, SandboxPaths.collectionOf(path), "application/json", SandboxJson.write(applied));
        }
        ObjectNode existing = SandboxJson.parse(existingJson);
        ObjectNode merged = merge(existing, applied, manager);
        if (sameExceptBookkeeping(existing, merged)) {
            return new MockResponse().setResponseCode(200).setBody(existingJson);
        }
        return store.call(HttpMethod.PUT, path, "application/json", SandboxJson.write(merged));
    }

    private ObjectNode merge(ObjectNode existing, ObjectNode applied, String manager) {
        ObjectNode merged = applied.deepCopy();
        ObjectNode metadata = metadataOf(merged);
        ObjectNode existingMetadata = metadataOf(existing);
        for (String field : OWN_METADATA) {
            ObjectNode result = SandboxJson.object();
            Set<String> previouslyOwned = ownedKeys(existingMetadata, manager, field);
            existingMetadata.path(field).properties().forEach(e -> {
                if (!previouslyOwned.contains(e.getKey())) {
                    result.set(e.getKey(), e.getValue());
                }
            });
            metadata.path(field).properties().forEach(e -> result.set(e.getKey(), e.getValue()));
            if (result.isEmpty()) {
                metadata.remove(field);
            } else {
                metadata.set(field, result);
            }
        }
        if (!merged.has("status") && existing.has("status")) {
            merged.set("status", existing.get("status"));
        }
        setManagedFields(metadata, existingMetadata, manager, applied);
        return merged;
    }

    /** One entry per manager, as the API server keeps them; ours lists the labels and annotations it applied. */
    private void setManagedFields(ObjectNode metadata, ObjectNode existingMetadata, String manager, ObjectNode applied) {
        ArrayNode entries = metadata.putArray("managedFields");
        if (existingMetadata != null) {
            for (JsonNode entry : existingMetadata.path("managedFields")) {
                if (!manager.equals(entry.path("manager").asText())) {
                    entries.add(entry);
                }
            }
        }
        ObjectNode entry = entries.addObject();
        entry.put("manager", manager);
        entry.put("operation", "Apply");
        entry.put("apiVersion", applied.path("apiVersion").asText());
        entry.put("time", Instant.now(clock).truncatedTo(ChronoUnit.SECONDS).toString());
        entry.put("fieldsType", "FieldsV1");
        ObjectNode fieldsMetadata = entry.putObject("fieldsV1").putObject("f:metadata");
        ObjectNode appliedMetadata = metadataOf(applied);
        for (String field : OWN_METADATA) {
            Iterator<String> keys = appliedMetadata.path(field).fieldNames();
            if (keys.hasNext()) {
                ObjectNode owned = fieldsMetadata.putObject("f:" + field);
                keys.forEachRemaining(key -> owned.putObject("f:" + key));
            }
        }
    }

    private static Set<String> ownedKeys(ObjectNode metadata, String manager, String field) {
        Set<String> keys = new TreeSet<>();
        for (JsonNode entry : metadata.path("managedFields")) {
            if (manager.equals(entry.path("manager").asText())) {
                entry.path("fieldsV1").path("f:metadata").path("f:" + field).fieldNames()
                        .forEachRemaining(key -> keys.add(key.substring(2)));
            }
        }
        return keys;
    }

    private static boolean sameExceptBookkeeping(ObjectNode existing, ObjectNode merged) {
        return withoutBookkeeping(existing).equals(withoutBookkeeping(merged));
    }

    private static ObjectNode withoutBookkeeping(ObjectNode object) {
        ObjectNode copy = object.deepCopy();
        ObjectNode metadata = metadataOf(copy);
        for (String field : new String[] {"managedFields", "resourceVersion", "uid", "creationTimestamp", "generation", "namespace"}) {
            metadata.remove(field);
        }
        return copy;
    }

    private static ObjectNode metadataOf(ObjectNode object) {
        return object.has("metadata") && object.get("metadata").isObject()
                ? (ObjectNode) object.get("metadata") : object.putObject("metadata");
    }
}
