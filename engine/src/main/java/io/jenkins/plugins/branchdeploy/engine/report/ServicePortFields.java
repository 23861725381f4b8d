package io.jenkins.plugins.branchdeploy.engine.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** A Service's ports, by name (or number), e.g. {@code ports[http]: 80 -> 8080/TCP}. */
final class ServicePortFields implements FieldGroup {

    @Override
    public void compare(String kind, ObjectNode main, ObjectNode branch, List<FieldChange> changes) {
        if (!"Service".equals(kind)) {
            return;
        }
        NamedEntries.compareShown("ports", NamedEntries.of(ports(main), ServicePortFields::key),
                NamedEntries.of(ports(branch), ServicePortFields::key), ServicePortFields::describe, changes);
    }

    private static JsonNode ports(ObjectNode tree) {
        return tree.get("spec") instanceof ObjectNode spec ? spec.remove("ports") : null;
    }

    private static String key(JsonNode port) {
        return NamedEntries.portKey(port, "port");
    }

    private static String describe(JsonNode port) {
        String target = port.path("targetPort").asText(port.path("port").asText());
        String text = port.path("port").asText() + " to " + target + "/" + port.path("protocol").asText("TCP");
        return port.has("appProtocol") ? text + " (" + port.get("appProtocol").asText() + ")" : text;
    }
}
