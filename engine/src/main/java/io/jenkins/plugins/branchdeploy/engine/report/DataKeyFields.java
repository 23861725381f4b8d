package io.jenkins.plugins.branchdeploy.engine.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BinaryNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The keys of ConfigMaps and Secrets: which were added, removed or changed, by name only. Secret
 * values are compared here, decoded, and never leave this class in any form.
 */
final class DataKeyFields implements FieldGroup {

    @Override
    public void compare(String kind, ObjectNode main, ObjectNode branch, List<FieldChange> changes) {
        if ("ConfigMap".equals(kind)) {
            for (String section : List.of("data", "binaryData")) {
                NamedEntries.compareHidden(section, NamedEntries.of(main.remove(section), JsonNode::asText),
                        NamedEntries.of(branch.remove(section), JsonNode::asText), changes);
            }
        } else if ("Secret".equals(kind)) {
            NamedEntries.compareHidden("data", secretData(main), secretData(branch), changes);
        }
    }

    /**
     * A Secret's {@code data} (base64) and {@code stringData} (plain) as one map of decoded bytes,
     * so that a manifest's {@code stringData} equals the live Secret's {@code data}.
     */
    private static Map<String, JsonNode> secretData(ObjectNode secret) {
        Map<String, JsonNode> keys = new LinkedHashMap<>();
        JsonNode data = secret.remove("data");
        JsonNode stringData = secret.remove("stringData");
        if (data != null) {
            data.properties().forEach(e -> keys.put(e.getKey(), bytes(decode(e.getValue().asText()))));
        }
        if (stringData != null) {
            stringData.properties().forEach(e ->
                    keys.put(e.getKey(), bytes(e.getValue().asText().getBytes(StandardCharsets.UTF_8))));
        }
        return keys;
    }

    private static byte[] decode(String base64) {
        try {
            return Base64.getMimeDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            return base64.getBytes(StandardCharsets.UTF_8);
        }
    }

    private static BinaryNode bytes(byte[] value) {
        return JsonNodeFactory.instance.binaryNode(value);
    }
}
