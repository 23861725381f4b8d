package io.jenkins.plugins.branchdeploy.engine.cluster;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.Namespace;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a successful deploy of plain YAML records besides its fingerprint: the digest of its input
 * ({@link InputDigest}) and what it changed and warned about, which a redeploy given the same input
 * reports again without rendering.
 *
 * @param digest the {@link InputDigest} of the deploy
 * @param adjustments what rendering and shaping changed, as the deploy reported it
 * @param warnings what the deploy warned about
 */
record RecordedInput(String digest, List<String> adjustments, List<String> warnings) {

    private static final ObjectMapper JSON = new ObjectMapper();

    RecordedInput {
        adjustments = List.copyOf(adjustments);
        warnings = List.copyOf(warnings);
    }

    /** The record's annotations: {@link ClusterContract#INPUT_DIGEST} and {@link ClusterContract#DEPLOY_NOTES}. */
    void annotate(Map<String, String> annotations) {
        ObjectNode notes = JSON.createObjectNode();
        adjustments.forEach(notes.putArray("adjustments")::add);
        warnings.forEach(notes.putArray("warnings")::add);
        annotations.put(ClusterContract.INPUT_DIGEST, digest);
        annotations.put(ClusterContract.DEPLOY_NOTES, notes.toString());
    }

    /** What the namespace records; empty when it records no input digest, or notes that cannot be read. */
    static Optional<RecordedInput> of(Namespace namespace) {
        String digest = EnvironmentNamespace.annotation(namespace, ClusterContract.INPUT_DIGEST);
        String notes = EnvironmentNamespace.annotation(namespace, ClusterContract.DEPLOY_NOTES);
        if (digest == null || notes == null) {
            return Optional.empty();
        }
        try {
            JsonNode read = JSON.readTree(notes);
            return Optional.of(new RecordedInput(digest, texts(read.path("adjustments")), texts(read.path("warnings"))));
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(text -> texts.add(text.asText()));
        return texts;
    }
}
