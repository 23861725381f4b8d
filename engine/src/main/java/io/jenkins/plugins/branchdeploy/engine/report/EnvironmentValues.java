package io.jenkins.plugins.branchdeploy.engine.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.jenkins.plugins.branchdeploy.engine.branch.BranchRef;
import io.jenkins.plugins.branchdeploy.engine.naming.EnvironmentNames;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

    /**
     * The placeholders whose values differ between any two environments, in the order they are
     * tried when values are equally long.
     */
    public static final List<String> PLACEHOLDERS = List.of("URL", "HOST", "NAMESPACE", "BRANCH", "ENVIRONMENT");

    public static final EnvironmentValues NONE = new EnvironmentValues(Map.of());

    private final Map<String, String> values;
    /** Longest value first, so that a URL is replaced before the host inside it. */
    private final List<Map.Entry<String, Pattern>> replacements;

    private EnvironmentValues(Map<String, String> byPlaceholder) {
        this(byPlaceholder, 0);
    }

    /** @param rotation which of several placeholders with the same value wins: the one at this index, cyclically */
    private EnvironmentValues(Map<String, String> byPlaceholder, int rotation) {
        Map<String, String> kept = new LinkedHashMap<>();
        for (String name : PLACEHOLDERS) {
            String value = byPlaceholder.get(name);
            if (value != null && !value.isEmpty()) {
                kept.put(name, value);
            }
        }
        this.values = kept;
        List<String> names = new ArrayList<>(kept.keySet());
        names.sort(Comparator.comparing((String name) -> -kept.get(name).length())
                .thenComparing(name -> rank(name, kept, rotation)));
        this.replacements = names.stream()
                .map(name -> Map.entry(name, Pattern.compile("(?<![A-Za-z0-9])" + Pattern.quote(kept.get(name)) + "(?![A-Za-z0-9])")))
                .toList();
    }

    /**
     * These values once for each choice among placeholders that share a value (main's {@code BRANCH}
     * and {@code ENVIRONMENT} are both {@code main}): a field differs only if it differs under every choice.
     */
    List<EnvironmentValues> choices() {
        long largestGroup = values.values().stream().distinct()
                .mapToLong(value -> values.values().stream().filter(value::equals).count()).max().orElse(1);
        List<EnvironmentValues> choices = new ArrayList<>();
        for (int rotation = 0; rotation < largestGroup; rotation++) {
            choices.add(new EnvironmentValues(values, rotation));
        }
        return choices;
    }

    private static int rank(String name, Map<String, String> values, int rotation) {
        List<String> sameValue = values.keySet().stream().filter(n -> values.get(n).equals(values.get(name))).toList();
        return Math.floorMod(sameValue.indexOf(name) - rotation, sameValue.size());
    }

    /** The values of a branch's environment as a deploy names them. */
    public static EnvironmentValues of(BranchRef branch, EnvironmentNames names) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("URL", names.url());
        values.put("HOST", names.host());
        values.put("NAMESPACE", names.namespace());
        values.put("BRANCH", branch.branch());
        values.put("ENVIRONMENT", names.environment());
        return new EnvironmentValues(values);
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
