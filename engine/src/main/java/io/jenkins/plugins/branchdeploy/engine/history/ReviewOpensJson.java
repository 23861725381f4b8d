package io.jenkins.plugins.branchdeploy.engine.history;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.branchdeploy.engine.InvalidInputException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes {@link ReviewOpens} as compact JSON for a namespace annotation (about 60 bytes an open),
 * and reads it back; an anonymous open has no {@code by}:
 *
 * <pre>{"v":1,"opens":[{"by":"alice","at":"2026-03-02T10:15:00Z"},{"at":"…"}]}</pre>
 */
public final class ReviewOpensJson {

    private static final int VERSION = 1;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ReviewOpensJson() {}

    public static String write(ReviewOpens opens) {
        ObjectNode root = MAPPER.createObjectNode().put("v", VERSION);
        ArrayNode entries = root.putArray("opens");
        for (ReviewOpen open : opens.entries()) {
            ObjectNode entry = entries.addObject();
            open.signedInUser().ifPresent(user -> entry.put("by", user));
            entry.put("at", open.at().toString());
        }
        return root.toString();
    }

    /** Reads opens written by {@link #write}; {@code null} or blank text is none. */
    public static ReviewOpens read(String json) {
        if (json == null || json.isBlank()) {
            return ReviewOpens.NONE;
        }
        try {
            JsonNode root = MAPPER.readTree(json);
            if (root == null || root.path("v").asInt() != VERSION || !root.path("opens").isArray()) {
                throw invalid("it is not a version " + VERSION + " list of opens");
            }
            List<ReviewOpen> opens = new ArrayList<>();
            for (JsonNode entry : root.get("opens")) {
                JsonNode by = entry.get("by");
                opens.add(new ReviewOpen(by == null || by.isNull() ? null : by.asText(), Instant.parse(entry.path("at").asText())));
            }
            return new ReviewOpens(opens);
        } catch (JsonProcessingException | DateTimeParseException e) {
            throw invalid("it is not valid JSON with ISO-8601 times (" + e.getClass().getSimpleName() + ")");
        }
    }

    private static InvalidInputException invalid(String problem) {
        return new InvalidInputException("opens", "cannot read the recorded opens: " + problem
                + "; remove the annotation to start afresh");
    }
}
