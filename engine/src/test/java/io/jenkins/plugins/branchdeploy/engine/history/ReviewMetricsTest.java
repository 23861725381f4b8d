package io.jenkins.plugins.branchdeploy.engine.history;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The review metrics from the pull requests an installation kept, every time fixed. */
class ReviewMetricsTest {

    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

    @TempDir
    Path dir;

    @Test
    void openToLiveCountsFromTheGivenOpeningOrTheFirstDeployToTheFirstReadyDeploy() {
        ChangeLedger ledger = ChangeLedger.NONE
                // opened at T0, first deployed at +10 min, ready at +12 min
                .withDeploy("shop", 1, T0, "alice", at(10), at(12), true)
                // no opening time: first seen at its first (failed) deploy at T0, ready at +30 min
                .withDeploy("shop", 2, null, "carol", T0, at(3), false)
                .withDeploy("shop", 2, null, "carol", at(28), at(30), true)
                // a later deploy giving an opening time fills only what was missing
                .withDeploy("shop", 2, at(-60), null, at(40), at(41), true)
                .withDeploy("shop", 3, at(0), "dave", at(2), at(5), true);

        ReviewMetrics shop = ReviewMetrics.byApp(ledger).get("shop");

        assertThat(ledger.find("shop", 2).openedAt()).isEqualTo(at(-60));
        assertThat(ledger.find("shop", 2).openToLive()).contains(Duration.ofMinutes(90));
        assertThat(ledger.find("shop", 1).openToLive()).contains(Duration.ofMinutes(12));
        assertThat(shop.changes()).isEqualTo(3);
        assertThat(shop.medianOpenToLive()).isEqualTo(Duration.ofMinutes(12));
        assertThat(shop.p90OpenToLive()).isEqualTo(Duration.ofMinutes(90));
    }

    @Test
    void theSharesCountMergedPullRequestsReviewedBySomeoneOtherThanTheAuthor() {
        ChangeLedger ledger = ChangeLedger.NONE
                // reviewed: bob opened alice's environment before the merge
                .withDeploy("shop", 1, T0, "alice", at(1), at(2), true)
                .withOpen("shop", 1, new ReviewOpen("alice", at(3)))
                .withOpen("shop", 1, new ReviewOpen("bob", at(4)))
                .withEnd("shop", 1, true, at(60))
                // opened only by its author, and anonymously: live, but not reviewed
                .withDeploy("shop", 2, T0, "carol", at(1), at(2), true)
                .withOpen("shop", 2, new ReviewOpen("carol", at(5)))
                .withOpen("shop", 2, new ReviewOpen(null, at(6)))
                .withEnd("shop", 2, true, at(60))
                // never live: every deploy failed
                .withDeploy("shop", 3, T0, "dave", at(1), at(2), false)
                .withEnd("shop", 3, true, at(60))
                // closed without a merge: not in the denominator, however reviewed
                .withDeploy("shop", 4, T0, "erin", at(1), at(2), true)
                .withOpen("shop", 4, new ReviewOpen("bob", at(7)))
                .withEnd("shop", 4, false, at(60))
                // a merge counted twice (cleanup and a teardown) keeps the first end
                .withEnd("shop", 1, false, at(90))
                // another app, still open
                .withDeploy("cart", 9, T0, "frank", at(1), at(2), true)
                .withOpen("cart", 9, new ReviewOpen("gina", at(8)));

        ReviewMetrics shop = ReviewMetrics.byApp(ledger).get("shop");
        ReviewMetrics all = ReviewMetrics.of(ledger.changes());

        assertThat(shop.merged()).isEqualTo(3);
        assertThat(shop.reviewedLiveShare()).isEqualTo(1.0 / 3);
        assertThat(shop.liveShare()).isEqualTo(2.0 / 3);
        assertThat(ReviewMetrics.byApp(ledger).get("cart").reviewedLiveShare()).as("nothing merged yet: no share").isNull();
        assertThat(all.changes()).isEqualTo(5);
        assertThat(all.merged()).isEqualTo(3);
        assertThat(all.reviewedLiveShare()).isEqualTo(1.0 / 3);
    }

    @Test
    void anOpenAfterTheMergeIsNoReviewAndAnUnknownPullRequestGetsNoOpens() {
        ChangeLedger ledger = ChangeLedger.NONE
                .withDeploy("shop", 1, T0, "alice", at(1), at(2), true)
                .withEnd("shop", 1, true, at(10))
                .withOpen("shop", 1, new ReviewOpen("bob", at(11)))
                .withOpen("shop", 77, new ReviewOpen("bob", at(11)));

        assertThat(ReviewMetrics.of(ledger.changes()).reviewedLiveShare()).isZero();
        assertThat(ledger.find("shop", 77)).isNull();
    }

    @Test
    void theLedgerOutlivesTheProcessAndIsPrintedPerAppInJsonAndPrometheus() throws Exception {
        FileMetricsStore store = new FileMetricsStore(dir.resolve("metrics.json"));
        store.recordChanges(l -> l.withDeploy("shop", 1, T0, "alice", at(1), at(2), true)
                .withOpen("shop", 1, new ReviewOpen("bob", at(3))).withEnd("shop", 1, true, at(4)));

        InstallationMetrics metrics = InstallationMetrics.of(List.of(), new FileMetricsStore(dir.resolve("metrics.json")).read());

        JsonNode json = new ObjectMapper().readTree(MetricsJson.write(metrics));
        assertThat(json.at("/apps/shop/prOpenToLiveSeconds/median").asDouble()).isEqualTo(120.0);
        assertThat(json.at("/apps/shop/prOpenToLiveSeconds/p90").asDouble()).isEqualTo(120.0);
        assertThat(json.at("/apps/shop/reviewedLiveShare").asDouble()).isEqualTo(1.0);
        assertThat(json.at("/reviews/mergedChanges").asInt()).isEqualTo(1);
        assertThat(PrometheusText.write(metrics)).contains(
                "branch_deploy_pr_open_to_live_seconds{quantile=\"0.5\"} 120\n",
                "branch_deploy_pr_open_to_live_seconds{app=\"shop\",quantile=\"0.9\"} 120\n",
                "branch_deploy_reviewed_live_share{app=\"shop\"} 1.0\n",
                "branch_deploy_live_share 1.0\n",
                "# TYPE branch_deploy_reviewed_live_share gauge\n");
    }

    @Test
    void aLedgerKeepsItsNewestPullRequests() {
        ChangeLedger ledger = ChangeLedger.NONE;
        for (int n = 1; n <= ChangeLedger.LIMIT + 3; n++) {
            ledger = ledger.withDeploy("shop", n, null, null, at(n), at(n + 1), true);
        }
        assertThat(ledger.changes()).hasSize(ChangeLedger.LIMIT);
        assertThat(ledger.find("shop", 3)).isNull();
        assertThat(ledger.find("shop", 4)).isNotNull();
    }

    private static Instant at(int minutes) {
        return T0.plus(Duration.ofMinutes(minutes));
    }
}
