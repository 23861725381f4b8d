package io.jenkins.plugins.branchdeploy.sandbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/** Reads and writes the objects the sandbox stores (JSON; apply bodies may be YAML). */
final class SandboxJson {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final YAMLMapper YAML = new YAMLMapper();

    private SandboxJson() {}

    static ObjectNode parse(String jsonOrYaml) {
        try {
            return (ObjectNode) YAML.readTree(jsonOrYaml);
        } catch (JsonProcessingException | ClassCastException e) {
            throw new IllegalArgumentException("not a Kubernetes object: " + e.getMessage(), e);
        }
    }

    static String write(Object node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String quote(String text) {
        return write(text);
    }

    static ObjectNode object() {
        return JSON.createObjectNode();
    }
}
