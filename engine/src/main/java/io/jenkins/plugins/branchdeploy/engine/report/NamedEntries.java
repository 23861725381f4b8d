package io.jenkins.plugins.branchdeploy.engine.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Compares two collections of named entries — environment variables, ports, data keys — entry by
 * entry, reporting each under {@code field[name]}.
 */
final class NamedEntries {

    private NamedEntries() {}

    /** A list's items keyed by {@code key}, or an object's fields by name; absent reads as empty. */
    static Map<String, JsonNode> of(JsonNode node, Function<JsonNode, String> key) {
        Map<String, JsonNode> entries = new LinkedHashMap<>();
        if (node == null) {
            return entries;
        }
        if (node.isObject()) {
            node.properties().forEach(e -> entries.put(e.getKey(), e.getValue()));
        } else {
            node.forEach(item -> entries.put(key.apply(item), item));
        }
        return entries;
    }

    /** Reports names only: added, removed or changed, never a value. */
    static void compareHidden(String field, Map<String, JsonNode> main, Map<String, JsonNode> branch,
            List<FieldChange> changes) {
        for (String name : union(main, branch)) {
            JsonNode before = main.get(name);
            JsonNode after = branch.get(name);
            if (before == null) {
                changes.add(FieldChange.hidden(field + "[" + name + "]", ChangeType.ADDED));
            } else if (after == null) {
                changes.add(FieldChange.hidden(field + "[" + name + "]", ChangeType.REMOVED));
            } else if (!TreeComparison.same(before, after)) {
                changes.add(FieldChange.hidden(field + "[" + name + "]", ChangeType.CHANGED));
            }
        }
    }

    /** Reports each differing entry with its value as {@code describe} writes it. */
    static void compareShown(String field, Map<String, JsonNode> main, Map<String, JsonNode> branch,
            Function<JsonNode, String> describe, List<FieldChange> changes) {
        for (String name : union(main, branch)) {
            JsonNode before = main.get(name);
            JsonNode after = branch.get(name);
            if (!TreeComparison.same(before, after)) {
                changes.add(FieldChange.shown(field + "[" + name + "]",
                        before == null ? null : describe.apply(before), after == null ? null : describe.apply(after)));
            }
        }
    }

    /** A port's name, or its number when it has none. */
    static String portKey(JsonNode port, String numberField) {
        return port.path("name").isTextual() ? port.get("name").asText() : port.path(numberField).asText();
    }

    private static Set<String> union(Map<String, JsonNode> main, Map<String, JsonNode> branch) {
        Set<String> names = new LinkedHashSet<>(main.keySet());
        names.addAll(branch.keySet());
        return names;
    }
}
