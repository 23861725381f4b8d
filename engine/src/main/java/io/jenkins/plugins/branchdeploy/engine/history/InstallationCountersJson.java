package io.jenkins.plugins.branchdeploy.engine.history;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The file format of {@link FileMetricsStore}: counters as JSON, durations in milliseconds. */
final class InstallationCountersJson {

    private static final int VERSION = 1;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private InstallationCountersJson() {}

    static String write(InstallationCounters counters) {
        ObjectNode root = MAPPER.createObjectNode()
                .put("v", VERSION)
                .put("deploys", counters.deploys())
                .put("failures", counters.failures());
        ObjectNode teardowns = root.putObject("teardownsByCause");
        counters.teardownsByCause().forEach(teardowns::put);
        root.put("timesToLiveUrl", counters.timesToLiveUrl());
        root.put("totalTimeToLiveUrlMs", counters.totalTimeToLiveUrl().toMillis());
        counters.recentTimesToLiveUrl().forEach(took -> root.withArray("recentTimesToLiveUrlMs").add(took.toMillis()));
        root.set("changes", ChangeLedgerJson.write(counters.changes()));
        return root.toString();
    }

    /** @throws IllegalArgumentException when the text is not a version 1 counters document */
    static InstallationCounters read(String json) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON", e);
        }
        if (root == null || root.path("v").asInt() != VERSION) {
            throw new IllegalArgumentException("not a version " + VERSION + " metrics file");
        }
        Map<String, Long> teardowns = new TreeMap<>();
        root.path("teardownsByCause").properties().forEach(e -> teardowns.put(e.getKey(), e.getValue().asLong()));
        List<Duration> recent = new ArrayList<>();
        root.path("recentTimesToLiveUrlMs").forEach(took -> recent.add(Duration.ofMillis(took.asLong())));
        return new InstallationCounters(root.path("deploys").asLong(), root.path("failures").asLong(), teardowns,
                root.path("timesToLiveUrl").asLong(), Duration.ofMillis(root.path("totalTimeToLiveUrlMs").asLong()), recent,
                ChangeLedgerJson.read(root.path("changes")));
    }
}
