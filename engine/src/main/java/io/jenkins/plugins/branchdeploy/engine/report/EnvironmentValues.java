package io.jenkins.plugins.branchdeploy.engine.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The values every environment has its own of (host, URL, branch name, environment id, namespace),
 * by the placeholder that carries them, e.g. {@code HOST}. A change report puts each side's own values
 * back into placeholders before comparing, so that what differs only because the environments
 * differ is not reported as the branch's change. A value is replaced only where it stands on its
 * own, not inside a longer word: branch {@code main} leaves {@code domain} alone.
 */
public final class EnvironmentValues {

    /** The placeholders whose values differ between any two environments. */
    public static final Set<String> PLACEHOLDERS = Set.of("BRANCH", "ENVIRONMENT", "NAMESPACE", "HOST", "URL");
    public static final EnvironmentValues NONE = new EnvironmentValues(Map.of());

    /** Longest value first, so that a URL is replaced before the host inside it. */
    private final List<Map.Entry<String, Pattern>> replacements;

    private EnvironmentValues(Map<String, String> byPlaceholder) {
        Map<String, String> kept = new LinkedHashMap<>();
        byPlaceholder.forEach((name, value) -> {
            if (PLACEHOLDERS.contains(name) && value != null && !value.isEmpty()) {
                kept.put(name, value);
            }
        });
        this.replacements = kept.entrySet().stream()
                .sorted(Comparator.comparing((Map.Entry<String, String> e) -> e.getValue().length()).reversed())
                .map(e -> Map.entry(e.getKey(), Pattern.compile("(?<![A-Za-z0-9])" + Pattern.quote(e.getValue()) + "(?![A-Za-z0-9])")))
                .toList();
    }

    /** @param variables an environment's placeholder values, e.g. its manifest variables; others than {@link #PLACEHOLDERS} are ignored */
    public static EnvironmentValues of(Map<String, String> variables) {
        return new EnvironmentValues(variables);
    }

    /** {@code text} with each own value as its placeholder, e.g. {@code https://${HOST}/api}. */
    public String normalise(String text) {
        String result = text;
        for (Map.Entry<String, Pattern> replacement : replacements) {
            result = replacement.getValue().matcher(result).replaceAll(Matcher.quoteReplacement("${" + replacement.getKey() + "}"));
        }
        return result;
    }

    /** Every text value in {@code tree} normalised, in place. */
    void normalise(JsonNode tree) {
        if (replacements.isEmpty()) {
            return;
        }
        if (tree instanceof ObjectNode object) {
            object.properties().forEach(field -> {
                if (field.getValue().isTextual()) {
                    field.setValue(TextNode.valueOf(normalise(field.getValue().asText())));
                } else {
                    normalise(field.getValue());
                }
            });
        } else if (tree instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                if (array.get(i).isTextual()) {
                    array.set(i, TextNode.valueOf(normalise(array.get(i).asText())));
                } else {
                    normalise(array.get(i));
                }
            }
        }
    }
}
