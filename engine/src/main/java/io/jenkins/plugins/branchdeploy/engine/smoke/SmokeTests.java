package io.jenkins.plugins.branchdeploy.engine.smoke;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.jenkins.plugins.branchdeploy.engine.InvalidInputException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Reads a smoke file: a YAML list of checks, each with {@code path} and optionally {@code name},
 * {@code method} (default GET), {@code expectStatus} (default 200), {@code bodyContains},
 * {@code bodyMatches} (a regular expression), {@code maxLatency} (e.g. {@code 500ms}, {@code 2s}) and
 * {@code advisory}. A mistake is refused with the file, the check and the field named.
 */
public final class SmokeTests {

    /** The command-line option and step parameter that name a smoke file. */
    static final String FIELD = "smoke";

    private static final Set<String> FIELDS = Set.of(
            "name", "path", "method", "expectStatus", "bodyContains", "bodyMatches", "maxLatency", "advisory");
    private static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");
    private static final Pattern LATENCY = Pattern.compile("(\\d+)\\s*(ms|s|m)");
    private static final YAMLMapper YAML = new YAMLMapper();

    private SmokeTests() {}

    public static List<SmokeCheck> read(Path file) {
        try {
            return parse(file.toString(), Files.readString(file));
        } catch (NoSuchFileException e) {
            throw new InvalidInputException(FIELD, file + " does not exist; give the path of a smoke file");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read smoke file " + file, e);
        }
    }

    /**
     * Parses smoke checks.
     *
     * @param source the file name, for messages
     * @param yaml the file's content
     */
    public static List<SmokeCheck> parse(String source, String yaml) {
        JsonNode root;
        try {
            root = YAML.readTree(yaml);
        } catch (JsonProcessingException e) {
            String line = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr();
            throw new InvalidInputException(FIELD, source + " is not valid YAML" + line + ": " + e.getOriginalMessage());
        }
        if (root == null || !root.isArray() || root.isEmpty()) {
            throw new InvalidInputException(FIELD, source + " must be a YAML list of checks, e.g.\n- name: health\n  path: /healthz");
        }
        List<SmokeCheck> checks = new ArrayList<>();
        for (int i = 0; i < root.size(); i++) {
            checks.add(check(source, i + 1, root.get(i)));
        }
        return List.copyOf(checks);
    }

    private static SmokeCheck check(String source, int number, JsonNode node) {
        String where = source + ": check " + number;
        if (!node.isObject()) {
            throw new InvalidInputException(FIELD, where + " must be a mapping with at least a path, e.g. path: /healthz");
        }
        if (node.hasNonNull("name")) {
            where += " (" + node.get("name").asText() + ")";
        }
        final String check = where;
        node.fieldNames().forEachRemaining(field -> {
            if (!FIELDS.contains(field)) {
                throw bad(check, field, "is not a check field; use one of " + String.join(", ", FIELDS.stream().sorted().toList()));
            }
        });
        String path = text(check, node, "path");
        if (path == null || !path.startsWith("/") || path.startsWith("//")) {
            throw bad(check, "path", "must be a path under the environment's URL starting with /, e.g. /healthz");
        }
        String method = text(check, node, "method");
        method = method == null ? "GET" : method.toUpperCase(Locale.ROOT);
        if (!METHODS.contains(method)) {
            throw bad(check, "method", "must be one of " + String.join(", ", METHODS.stream().sorted().toList()));
        }
        String name = text(check, node, "name");
        return new SmokeCheck(
                name == null ? method + " " + path : name,
                method,
                path,
                status(check, node),
                text(check, node, "bodyContains"),
                regex(check, node),
                latency(check, node),
                advisory(check, node));
    }

    private static String text(String check, JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isValueNode()) {
            throw bad(check, field, "must be text, not a list or mapping");
        }
        return value.asText();
    }

    private static int status(String check, JsonNode node) {
        JsonNode value = node.get("expectStatus");
        if (value == null || value.isNull()) {
            return 200;
        }
        if (!value.isIntegralNumber() || value.asInt() < 100 || value.asInt() > 599) {
            throw bad(check, "expectStatus", "must be an HTTP status code from 100 to 599, e.g. 200");
        }
        return value.asInt();
    }

    private static String regex(String check, JsonNode node) {
        String regex = text(check, node, "bodyMatches");
        if (regex != null) {
            try {
                Pattern.compile(regex);
            } catch (PatternSyntaxException e) {
                throw bad(check, "bodyMatches", "is not a valid regular expression: " + e.getDescription());
            }
        }
        return regex;
    }

    private static Duration latency(String check, JsonNode node) {
        String text = text(check, node, "maxLatency");
        if (text == null) {
            return null;
        }
        Matcher matcher = LATENCY.matcher(text.trim());
        if (!matcher.matches()) {
            throw bad(check, "maxLatency", "must be a whole number with ms, s or m, e.g. 500ms or 2s");
        }
        long amount = Long.parseLong(matcher.group(1));
        return switch (matcher.group(2)) {
            case "ms" -> Duration.ofMillis(amount);
            case "s" -> Duration.ofSeconds(amount);
            default -> Duration.ofMinutes(amount);
        };
    }

    private static boolean advisory(String check, JsonNode node) {
        JsonNode value = node.get("advisory");
        if (value == null || value.isNull()) {
            return false;
        }
        if (!value.isBoolean()) {
            throw bad(check, "advisory", "must be true or false");
        }
        return value.asBoolean();
    }

    private static InvalidInputException bad(String check, String field, String problem) {
        return new InvalidInputException(FIELD, check + ", field " + field + ": " + problem);
    }
}
