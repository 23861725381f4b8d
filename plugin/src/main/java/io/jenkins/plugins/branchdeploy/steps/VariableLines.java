package io.jenkins.plugins.branchdeploy.steps;

import io.jenkins.plugins.branchdeploy.engine.InvalidInputException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The form representation of the {@code variables} map: one {@code NAME=value} a line. Pipeline
 * scripts pass a map and never see this text.
 */
final class VariableLines {

    /** The form field that carries the text. */
    static final String FORM_FIELD = "variablesText";

    private VariableLines() {}

    static Map<String, String> parse(String text) {
        Map<String, String> variables = new LinkedHashMap<>();
        for (String line : text.split("\\R")) {
            if (line.isBlank()) {
                continue;
            }
            int equals = line.indexOf('=');
            if (equals <= 0 || line.substring(0, equals).isBlank()) {
                throw new InvalidInputException("variables", "'" + line.trim()
                        + "' is not NAME=value; write one variable a line, e.g. REPLICAS=2");
            }
            variables.put(line.substring(0, equals).trim(), line.substring(equals + 1).trim());
        }
        return variables;
    }

    static String format(Map<String, String> variables) {
        if (variables == null) {
            return "";
        }
        return variables.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining("\n"));
    }
}
