package io.jenkins.plugins.branchdeploy.engine.history;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/** The {@code changes} of the metrics file: one object a pull request, times ISO-8601, absent fields left out. */
final class ChangeLedgerJson {

    private ChangeLedgerJson() {}

    static ArrayNode write(ChangeLedger ledger) {
        ArrayNode changes = JsonNodeFactory.instance.arrayNode();
        for (ChangeRecord change : ledger.changes()) {
            ObjectNode entry = changes.addObject().put("app", change.app()).put("number", change.number());
            put(entry, "openedAt", change.openedAt());
            put(entry, "firstSeenAt", change.firstSeenAt());
            if (change.author() != null) {
                entry.put("author", change.author());
            }
            put(entry, "firstLiveAt", change.firstLiveAt());
            ArrayNode openers = entry.putArray("openers");
            change.openers().forEach(o -> openers.addObject().put("by", o.user()).put("at", o.at().toString()));
            put(entry, "endedAt", change.endedAt());
            entry.put("merged", change.merged());
        }
        return changes;
    }

    /**
     * @param changes the stored array; missing (a file from before pull requests were kept) is none
     * @throws IllegalArgumentException when an entry has no first-seen time or a time that is not ISO-8601
     */
    static ChangeLedger read(JsonNode changes) {
        try {
            return new ChangeLedger(records(changes));
        } catch (DateTimeParseException | NullPointerException e) {
            throw new IllegalArgumentException("a pull request's entry is unreadable", e);
        }
    }

    private static List<ChangeRecord> records(JsonNode changes) {
        List<ChangeRecord> records = new ArrayList<>();
        for (JsonNode entry : changes) {
            List<ReviewOpen> openers = new ArrayList<>();
            entry.path("openers").forEach(o -> openers.add(new ReviewOpen(o.path("by").asText(), Instant.parse(o.path("at").asText()))));
            records.add(new ChangeRecord(entry.path("app").asText(), entry.path("number").asInt(), instant(entry, "openedAt"),
                    instant(entry, "firstSeenAt"), entry.hasNonNull("author") ? entry.get("author").asText() : null,
                    instant(entry, "firstLiveAt"), openers, instant(entry, "endedAt"), entry.path("merged").asBoolean()));
        }
        return records;
    }

    private static void put(ObjectNode entry, String field, Instant at) {
        if (at != null) {
            entry.put(field, at.toString());
        }
    }

    private static Instant instant(JsonNode entry, String field) {
        return entry.hasNonNull(field) ? Instant.parse(entry.get(field).asText()) : null;
    }
}
