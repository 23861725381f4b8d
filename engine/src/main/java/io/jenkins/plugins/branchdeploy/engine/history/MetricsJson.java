package io.jenkins.plugins.branchdeploy.engine.history;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.TreeMap;

/** Installation metrics as JSON, durations in seconds, for {@code branch-deploy metrics --output json}. */
public final class MetricsJson {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);

    private MetricsJson() {}

    public static String write(InstallationMetrics metrics) {
        ObjectNode root = MAPPER.createObjectNode().put("activeEnvironments", metrics.activeEnvironments());
        ObjectNode byStatus = root.putObject("environmentsByStatus");
        new TreeMap<>(metrics.environmentsByStatus()).forEach(byStatus::put);
        root.put("deploys", metrics.deploys()).put("failures", metrics.failures());
        ObjectNode teardowns = root.putObject("teardownsByCause");
        new TreeMap<>(metrics.teardownsByCause()).forEach(teardowns::put);
        root.putObject("timeToLiveUrl")
                .put("environments", metrics.timesToLiveUrl())
                .put("totalSeconds", seconds(metrics.totalTimeToLiveUrl()))
                .put("medianSeconds", seconds(metrics.medianTimeToLiveUrl()))
                .put("p90Seconds", seconds(metrics.p90TimeToLiveUrl()));
        reviews(root.putObject("reviews"), metrics.reviews());
        ObjectNode apps = root.putObject("apps");
        metrics.reviewsByApp().forEach((app, reviews) -> reviews(apps.putObject(app), reviews));
        try {
            return MAPPER.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write metrics as JSON", e);
        }
    }

    private static void reviews(ObjectNode node, ReviewMetrics reviews) {
        node.put("changes", reviews.changes());
        node.putObject("prOpenToLiveSeconds")
                .put("median", seconds(reviews.medianOpenToLive()))
                .put("p90", seconds(reviews.p90OpenToLive()));
        node.put("mergedChanges", reviews.merged());
        node.put("liveShare", reviews.liveShare());
        node.put("reviewedLiveShare", reviews.reviewedLiveShare());
    }

    /** Whole milliseconds as seconds, e.g. {@code 95.2}; {@code null} stays {@code null}. */
    static BigDecimal seconds(Duration duration) {
        return duration == null ? null : BigDecimal.valueOf(duration.toMillis(), 3).stripTrailingZeros();
    }
}
