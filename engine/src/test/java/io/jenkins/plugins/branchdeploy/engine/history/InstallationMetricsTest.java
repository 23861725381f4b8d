package io.jenkins.plugins.branchdeploy.engine.history;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.branchdeploy.engine.cluster.Environment;
import io.jenkins.plugins.branchdeploy.engine.cluster.EnvironmentStatus;
import io.jenkins.plugins.branchdeploy.engine.lifecycle.TeardownCause;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class InstallationMetricsTest {

    /** A sample line of the text exposition format: name, optional labels, value. */
    private static final Pattern SAMPLE = Pattern.compile(
            "branch_deploy_[a-z_]+(\\{[a-z_]+=\"([^\"\\\\\\n]|\\\\[\"\\\\n])*\"})? (NaN|-?\\d+(\\.\\d+)?)");
    private static final Pattern COMMENT = Pattern.compile("# (HELP branch_deploy_[a-z_]+ .+|TYPE branch_deploy_[a-z_]+ (gauge|counter|summary))");

    private final List<Environment> environments = List.of(
            environment("shop-feature-a", EnvironmentStatus.READY),
            environment("shop-feature-b", EnvironmentStatus.READY),
            environment("shop-pr-7", EnvironmentStatus.FAILED),
            environment("shop-old", null));

    @Test
    void medianAndP90AreNearestRankOverTheRecentTimesToLiveUrl() {
        InstallationCounters counters = InstallationCounters.NONE;
        for (int seconds : new int[] {100, 30, 90, 10, 60, 20, 80, 50, 40, 70}) {
            counters = counters.withTimeToLiveUrl(Duration.ofSeconds(seconds));
        }

        InstallationMetrics metrics = InstallationMetrics.of(environments, counters);

        assertThat(metrics.medianTimeToLiveUrl()).isEqualTo(Duration.ofSeconds(50));
        assertThat(metrics.p90TimeToLiveUrl()).isEqualTo(Duration.ofSeconds(90));
        assertThat(InstallationMetrics.of(environments, counters.withTimeToLiveUrl(Duration.ofSeconds(5)))
                .medianTimeToLiveUrl()).isEqualTo(Duration.ofSeconds(50));
        assertThat(InstallationMetrics.of(List.of(), InstallationCounters.NONE.withTimeToLiveUrl(Duration.ofSeconds(7))))
                .satisfies(single -> {
                    assertThat(single.medianTimeToLiveUrl()).isEqualTo(Duration.ofSeconds(7));
                    assertThat(single.p90TimeToLiveUrl()).isEqualTo(Duration.ofSeconds(7));
                });
    }

    @Test
    void environmentsAreCountedByStatusWithEveryStatusPresent() {
        InstallationMetrics metrics = InstallationMetrics.of(environments, InstallationCounters.NONE);

        assertThat(metrics.activeEnvironments()).isEqualTo(4);
        assertThat(metrics.environmentsByStatus()).containsEntry("ready", 2L).containsEntry("failed", 1L)
                .containsEntry("unknown", 1L).containsEntry("deploying", 0L).containsEntry("scaled-down", 0L)
                .containsEntry("tearing-down", 0L).containsEntry("interrupted", 0L).hasSize(7);
    }

    @Test
    void prometheusTextHasHelpAndTypeForEveryFamilyAndValidSamples() {
        InstallationCounters counters = InstallationCounters.NONE.withDeploy(true).withDeploy(true).withDeploy(false)
                .withTeardown(TeardownCause.CHANGE_MERGED).withTeardown(TeardownCause.TTL_EXPIRED)
                .withTeardown(TeardownCause.CHANGE_MERGED).withTeardown(TeardownCause.BRANCH_JOB_DELETED)
                .withTimeToLiveUrl(Duration.ofMillis(95_200)).withTimeToLiveUrl(Duration.ofSeconds(120));

        String text = PrometheusText.write(InstallationMetrics.of(environments, counters));

        assertThat(text.lines()).allSatisfy(line -> assertThat(SAMPLE.matcher(line).matches() || COMMENT.matcher(line).matches())
                .as(line).isTrue());
        assertThat(text).contains("""
                # HELP branch_deploy_deploys_total Deploys run by this installation, ready or failed.
                # TYPE branch_deploy_deploys_total counter
                branch_deploy_deploys_total 3
                # HELP branch_deploy_deploy_failures_total Deploys that failed.
                # TYPE branch_deploy_deploy_failures_total counter
                branch_deploy_deploy_failures_total 1
                """, """
                # HELP branch_deploy_teardowns_total Environments torn down, by cause.
                # TYPE branch_deploy_teardowns_total counter
                branch_deploy_teardowns_total{cause="branch-job-deleted"} 1
                branch_deploy_teardowns_total{cause="change-merged"} 2
                branch_deploy_teardowns_total{cause="ttl-expired"} 1
                """, """
                # TYPE branch_deploy_time_to_live_url_seconds summary
                branch_deploy_time_to_live_url_seconds{quantile="0.5"} 95.2
                branch_deploy_time_to_live_url_seconds{quantile="0.9"} 120
                branch_deploy_time_to_live_url_seconds_sum 215.2
                branch_deploy_time_to_live_url_seconds_count 2
                """, "branch_deploy_active_environments{status=\"ready\"} 2\n");
        assertThat(text.lines().filter(line -> line.startsWith("# TYPE"))).hasSize(9);
    }

    @Test
    void prometheusLabelValuesAreEscaped() {
        // a metrics file edited by hand may hold any text
        InstallationCounters counters = new InstallationCounters(0, 0, Map.of("odd \"reason\"\\with\nnewline", 1L), 0,
                Duration.ZERO, List.of(), ChangeLedger.NONE);

        String text = PrometheusText.write(InstallationMetrics.of(List.of(), counters));

        assertThat(text).contains("branch_deploy_teardowns_total{cause=\"odd \\\"reason\\\"\\\\with\\nnewline\"} 1\n");
        assertThat(text.lines()).allSatisfy(line -> assertThat(SAMPLE.matcher(line).matches() || COMMENT.matcher(line).matches())
                .as(line).isTrue());
    }

    @Test
    void withNoLiveUrlYetTheQuantilesAreNaN() {
        String text = PrometheusText.write(InstallationMetrics.of(List.of(), InstallationCounters.NONE));

        assertThat(text).contains("branch_deploy_time_to_live_url_seconds{quantile=\"0.5\"} NaN\n",
                "branch_deploy_time_to_live_url_seconds_count 0\n");
    }

    @Test
    void jsonCarriesTheSameNumbersInSeconds() throws Exception {
        InstallationCounters counters = InstallationCounters.NONE.withDeploy(false).withTeardown(TeardownCause.BRANCH_DELETED)
                .withTimeToLiveUrl(Duration.ofSeconds(120));

        JsonNode json = new ObjectMapper().readTree(MetricsJson.write(InstallationMetrics.of(environments, counters)));

        assertThat(json.get("activeEnvironments").asInt()).isEqualTo(4);
        assertThat(json.at("/environmentsByStatus/ready").asInt()).isEqualTo(2);
        assertThat(json.get("deploys").asInt()).isEqualTo(1);
        assertThat(json.get("failures").asInt()).isEqualTo(1);
        assertThat(json.at("/teardownsByCause/branch-deleted").asInt()).isEqualTo(1);
        assertThat(json.at("/timeToLiveUrl/medianSeconds").asText()).isEqualTo("120");
        assertThat(json.at("/timeToLiveUrl/environments").asInt()).isEqualTo(1);
        assertThat(new ObjectMapper().readTree(MetricsJson.write(InstallationMetrics.of(List.of(), InstallationCounters.NONE)))
                .at("/timeToLiveUrl/p90Seconds").isNull()).isTrue();
    }

    private static Environment environment(String namespace, EnvironmentStatus status) {
        return new Environment(namespace, "shop", namespace.substring(5), namespace.substring(5), null, null, null, status,
                null, null, null, null, null, null, null, null, null);
    }
}
