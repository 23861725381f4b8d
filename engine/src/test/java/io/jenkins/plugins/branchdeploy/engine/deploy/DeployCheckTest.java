package io.jenkins.plugins.branchdeploy.engine.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.jenkins.plugins.branchdeploy.engine.cluster.DeployResult;
import io.jenkins.plugins.branchdeploy.engine.cluster.EnvironmentStatus;
import io.jenkins.plugins.branchdeploy.engine.naming.EnvironmentNames;
import io.jenkins.plugins.branchdeploy.engine.report.ChangeReport;
import io.jenkins.plugins.branchdeploy.engine.report.ChangeReporter;
import io.jenkins.plugins.branchdeploy.engine.report.Drift;
import io.jenkins.plugins.branchdeploy.engine.smoke.SmokeReport;
import io.jenkins.plugins.branchdeploy.engine.smoke.SmokeResult;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The pull request check's title and Markdown summary. */
class DeployCheckTest {

    private static final EnvironmentNames NAMES = new EnvironmentNames("pr-42", "shop", "shop-pr-42",
            "pr-42--shop.example.dev", "https://pr-42--shop.example.dev", "shop-pr-42");
    private static final String LINK = "https://jenkins.example.dev/job/shop/job/PR-42/branch-deploy/open";

    @Test
    void aReadyDeployLinksThroughTheReviewLinkAndListsEnvironmentWebhooksExpirySmokeAndChanges() {
        SmokeReport smoke = new SmokeReport(List.of(new SmokeResult("health", "GET", "/healthz", false, true, 1, 200,
                Duration.ofMillis(12), null)));
        DeployOutcome outcome = new DeployOutcome(ready(), smoke, report(1).withDrift(new Drift("main", 3, 50)), null, null, List.of(), List.of("nothing routes to the host"), "https://hooks--shop.example.dev/pr-42");

        DeployCheck check = DeployCheck.of(outcome, LINK, Instant.parse("2026-03-09T10:00:00Z"));

        assertThat(check.succeeded()).isTrue();
        assertThat(check.title()).isEqualTo("Ready: https://pr-42--shop.example.dev");
        assertThat(check.summary()).contains("**Live:** [https://pr\\-42\\-\\-shop\\.example\\.dev](" + LINK + ")",
                "| Namespace | shop\\-pr\\-42 |", "| Webhooks | https://hooks\\-\\-shop\\.example\\.dev/pr\\-42 |",
                "| Expires | 2026\\-03\\-09T10:00:00Z |",
                "- passed: health \\(GET /healthz, 200 in 12 ms, 1 attempt\\)",
                "This branch is 3 commits behind main", "  ~ ConfigMap/config0", "### Warnings\n\n- nothing routes to the host\n");
    }

    @Test
    void aFailedDeployFailsTheCheckAndItsReasonCannotFormMarkup() {
        DeployResult failed = new DeployResult(NAMES, NAMES.url(), EnvironmentStatus.FAILED,
                "rollout timed out; see [here](https://evil.example) <script>", false, List.of(), Map.of());

        DeployCheck check = DeployCheck.of(new DeployOutcome(failed, null, null, null, null, List.of(), List.of(), null), LINK, null);

        assertThat(check.succeeded()).isFalse();
        assertThat(check.summary()).contains("\\[here\\]\\(https://evil\\.example\\) \\<script\\>")
                .doesNotContain("Expires", "[here](");
    }

    @Test
    void aHugeReportIsCutWithItsCodeBlockClosed() {
        DeployCheck check = DeployCheck.of(new DeployOutcome(ready(), null, report(5000), null, null, List.of(), List.of(), null), LINK, null);

        assertThat(check.summary()).hasSizeLessThanOrEqualTo(DeployCheck.MAX_SUMMARY).endsWith("on the build page)_\n");
        assertThat(check.summary().split("````", -1)).as("every code block closed").hasSize(3);
    }

    @Test
    void teardownAndScaleDownPass() {
        assertThat(DeployCheck.tornDown("shop-pr-42", "pull request #42 was merged").summary())
                .isEqualTo("The environment in namespace shop\\-pr\\-42 was torn down: pull request \\#42 was merged.\n");
        assertThat(DeployCheck.scaledDown("shop-pr-42", "idle").title()).isEqualTo("Scaled down");
    }

    private static DeployResult ready() {
        return new DeployResult(NAMES, NAMES.url(), EnvironmentStatus.READY, null, false, List.of(), Map.of());
    }

    private static ChangeReport report(int configMaps) {
        List<HasMetadata> main = new ArrayList<>();
        List<HasMetadata> branch = new ArrayList<>();
        for (int i = 0; i < configMaps; i++) {
            main.add(new ConfigMapBuilder().withNewMetadata().withName("config" + i).endMetadata().withData(Map.of("K", "a")).build());
            branch.add(new ConfigMapBuilder().withNewMetadata().withName("config" + i).endMetadata().withData(Map.of("K", "b")).build());
        }
        return ChangeReporter.compare(branch, main, "main");
    }
}
