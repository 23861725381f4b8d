package io.jenkins.plugins.branchdeploy.engine.history;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.branchdeploy.engine.InvalidInputException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a {@link DeployHistory} as compact JSON small enough for a namespace annotation (about 250
 * bytes a deploy), and reads it back. Times are ISO-8601 UTC, phase timings whole milliseconds:
 *
 * <pre>{"v":1,"firstDeployAt":"…","firstReadyAt":"…","deploys":[{"commit":"9f2c1e0","at":"…",
 * "phasesMs":{"apply":1200,"rollout":48000},"ok":true,"url":"https://…"}]}</pre>
 */
public final class DeployHistoryJson {

    static final String FIELD = "history";
    private static final int VERSION = 1;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private DeployHistoryJson() {}

    public static String write(DeployHistory history) {
        ObjectNode root = MAPPER.createObjectNode().put("v", VERSION);
        history.firstDeployAt().ifPresent(at -> root.put("firstDeployAt", at.toString()));
        history.firstReadyAt().ifPresent(at -> root.put("firstReadyAt", at.toString()));
        ArrayNode deploys = root.putArray("deploys");
        for (DeployRecord deploy : history.entries()) {
            ObjectNode entry = deploys.addObject();
            putIfPresent(entry, "commit", deploy.commit());
            entry.put("at", deploy.at().toString());
            ObjectNode phases = entry.putObject("phasesMs");
            deploy.phases().forEach((phase, took) -> phases.put(phase, took.toMillis()));
            entry.put("ok", deploy.ok());
            putIfPresent(entry, "reason", deploy.reason());
            putIfPresent(entry, "url", deploy.url());
        }
        return root.toString();
    }

    /**
     * Reads a history written by {@link #write}; {@code null} or blank text is an empty history.
     *
     * @param json the stored text
     * @param limit how many deploys to keep from now on
     */
    public static DeployHistory read(String json, int limit) {
        if (json == null || json.isBlank()) {
            return DeployHistory.empty(limit);
        }
        try {
            JsonNode root = MAPPER.readTree(json);
            if (root == null || root.path("v").asInt() != VERSION || !root.path("deploys").isArray()) {
                throw invalid("it is not a version " + VERSION + " deploy history");
            }
            List<DeployRecord> deploys = new ArrayList<>();
            for (JsonNode entry : root.get("deploys")) {
                deploys.add(deploy(entry));
            }
            return new DeployHistory(limit, deploys, instant(root.get("firstDeployAt")), instant(root.get("firstReadyAt")));
        } catch (JsonProcessingException | DateTimeParseException e) {
            throw invalid("it is not valid JSON with ISO-8601 times (" + e.getClass().getSimpleName() + ")");
        }
    }

    private static DeployRecord deploy(JsonNode entry) {
        Map<String, Duration> phases = new LinkedHashMap<>();
        entry.path("phasesMs").properties().forEach(e -> phases.put(e.getKey(), Duration.ofMillis(e.getValue().asLong())));
        Instant at = instant(entry.get("at"));
        if (at == null) {
            throw invalid("a deploy has no time");
        }
        return new DeployRecord(text(entry.get("commit")), at, phases, entry.path("ok").asBoolean(),
                text(entry.get("reason")), text(entry.get("url")));
    }

    private static Instant instant(JsonNode node) {
        String text = text(node);
        return text == null ? null : Instant.parse(text);
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? null : node.asText();
    }

    private static void putIfPresent(ObjectNode node, String field, String value) {
        if (value != null) {
            node.put(field, value);
        }
    }

    /** The stored text is not echoed: it is the caller's to inspect. */
    private static InvalidInputException invalid(String problem) {
        return new InvalidInputException(FIELD, "cannot read the stored deploy history: " + problem
                + "; remove it to start a new history");
    }
}
