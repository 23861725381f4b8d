package io.jenkins.plugins.branchdeploy.engine.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiConsumer;

/**
 * Compares two JSON trees the way Kubernetes reads them: {@code null}, an empty object and an empty
 * list mean the same as an absent field, {@code 1} equals {@code 1.0}, and lists of named objects
 * (containers, ports, env) are matched by name, not by position.
 */
final class TreeComparison {

    private TreeComparison() {}

    static boolean absent(JsonNode node) {
        return node == null || node.isNull() || node.isMissingNode() || (node.isContainerNode() && node.isEmpty());
    }

    static boolean same(JsonNode a, JsonNode b) {
        if (absent(a) || absent(b)) {
            return absent(a) && absent(b);
        }
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue()) == 0;
        }
        if (a.isObject() && b.isObject()) {
            TreeSet<String> keys = new TreeSet<>();
            a.fieldNames().forEachRemaining(keys::add);
            b.fieldNames().forEachRemaining(keys::add);
            return keys.stream().allMatch(key -> same(a.get(key), b.get(key)));
        }
        if (a.isArray() && b.isArray()) {
            if (a.size() != b.size()) {
                return false;
            }
            for (int i = 0; i < a.size(); i++) {
                if (!same(a.get(i), b.get(i))) {
                    return false;
                }
            }
            return true;
        }
        return a.equals(b);
    }

    /**
     * Reports each outermost path where {@code main} and {@code branch} differ: a subtree present on
     * one side only is one addition or removal, not one per leaf.
     */
    static void differences(String path, JsonNode main, JsonNode branch, BiConsumer<String, ChangeType> report) {
        if (same(main, branch)) {
            return;
        }
        if (absent(main)) {
            report.accept(path, ChangeType.ADDED);
        } else if (absent(branch)) {
            report.accept(path, ChangeType.REMOVED);
        } else if (main.isObject() && branch.isObject()) {
            TreeSet<String> keys = new TreeSet<>();
            main.fieldNames().forEachRemaining(keys::add);
            branch.fieldNames().forEachRemaining(keys::add);
            keys.forEach(key -> differences(child(path, key), main.get(key), branch.get(key), report));
        } else if (main.isArray() && branch.isArray()) {
            Map<String, JsonNode> mainItems = items(main);
            Map<String, JsonNode> branchItems = items(branch);
            Set<String> keys = new LinkedHashSet<>(mainItems.keySet());
            keys.addAll(branchItems.keySet());
            keys.forEach(key -> differences(path + "[" + key + "]", mainItems.get(key), branchItems.get(key), report));
        } else {
            report.accept(path, ChangeType.CHANGED);
        }
    }

    /** Named objects by name when every item has one, otherwise by position. */
    static Map<String, JsonNode> items(JsonNode list) {
        Map<String, JsonNode> byName = new LinkedHashMap<>();
        List<JsonNode> all = new ArrayList<>();
        list.forEach(all::add);
        boolean named = all.stream().allMatch(item -> item.path("name").isTextual());
        for (int i = 0; i < all.size(); i++) {
            byName.put(named ? all.get(i).get("name").asText() : String.valueOf(i), all.get(i));
        }
        return byName;
    }

    /** {@code a.b}, or {@code a[b.c]} for keys such as annotation names that hold dots. */
    static String child(String path, String key) {
        if (key.contains(".") || key.contains("[") || key.contains("/")) {
            return path + "[" + key + "]";
        }
        return path.isEmpty() ? key : path + "." + key;
    }
}
