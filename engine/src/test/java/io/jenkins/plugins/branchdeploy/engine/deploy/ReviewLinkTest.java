package io.jenkins.plugins.branchdeploy.engine.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.branchdeploy.engine.InvalidInputException;
import io.jenkins.plugins.branchdeploy.engine.ProgressListener;
import io.jenkins.plugins.branchdeploy.engine.branch.BranchRef;
import io.jenkins.plugins.branchdeploy.engine.branch.ChangeRequest;
import io.jenkins.plugins.branchdeploy.engine.cluster.BranchEnvironments;
import io.jenkins.plugins.branchdeploy.engine.cluster.ClusterContract;
import io.jenkins.plugins.branchdeploy.engine.cluster.Environment;
import io.jenkins.plugins.branchdeploy.engine.cluster.EnvironmentRef;
import io.jenkins.plugins.branchdeploy.engine.cluster.SandboxEnvironments;
import io.jenkins.plugins.branchdeploy.engine.history.ChangeRecord;
import io.jenkins.plugins.branchdeploy.engine.history.FileMetricsStore;
import io.jenkins.plugins.branchdeploy.engine.history.InstallationMetrics;
import io.jenkins.plugins.branchdeploy.engine.history.ReviewMetrics;
import io.jenkins.plugins.branchdeploy.engine.lifecycle.TeardownCause;
import io.jenkins.plugins.branchdeploy.engine.history.ReviewOpen;
import io.jenkins.plugins.branchdeploy.engine.history.ReviewOpens;
import io.jenkins.plugins.branchdeploy.engine.naming.NamingPolicy;
import io.jenkins.plugins.branchdeploy.engine.request.DeployRequest;
import io.jenkins.plugins.branchdeploy.engine.request.SecretEntry;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Opening an environment's review link: recorded on its namespace and in the metrics, leading only to its own URL. */
class ReviewLinkTest {

    private static final Path SHOP = Path.of("../docs/examples/shop");
    private static final Instant MONDAY = Instant.parse("2026-03-02T10:00:00Z");

    private final NamingPolicy naming = NamingPolicy.withDefaults("preview.example.dev");
    private final BranchRef cart = BranchRef.of("shop", "feature/cart")
            .withChange(new ChangeRequest(42, "main", false, null, "alice"));

    @RegisterExtension
    final SandboxEnvironments sandbox = new SandboxEnvironments(naming);
    private BranchEnvironments environments;
    private FileMetricsStore metrics;

    @TempDir
    Path dir;

    @BeforeEach
    void start() {
        environments = sandbox.environments();
        metrics = new FileMetricsStore(dir.resolve("metrics.json"));
    }

    @Test
    void opensAreRecordedOnTheNamespaceOutliveTheProcessAndARedeployAndLeadToTheEnvironment() throws Exception {
        deploy("1.4.2");
        Environment environment = environments.inventory().find(cart).orElseThrow();

        URI first = link(MONDAY).open(environment, "bob", ProgressListener.SILENT);
        link(MONDAY.plusSeconds(60)).open(environment, null, ProgressListener.SILENT);

        assertThat(first).hasToString(environment.url()).hasToString("https://pr-42--shop.preview.example.dev");
        deploy("1.4.3");
        BranchEnvironments afterRestart = sandbox.environments();
        ReviewOpens opens = new ReviewLink(afterRestart, metrics, Clock.systemUTC())
                .opens(afterRestart.inventory().find(cart).orElseThrow(), ProgressListener.SILENT);
        assertThat(opens.entries()).as("newest first; the redeploy kept them")
                .containsExactly(new ReviewOpen(null, MONDAY.plusSeconds(60)), new ReviewOpen("bob", MONDAY));
        ChangeRecord change = metrics.read().changes().find("shop", 42);
        assertThat(change.openers()).as("signed-in openers count for the metrics").containsExactly(new ReviewOpen("bob", MONDAY));
        assertThat(change.author()).isEqualTo("alice");
    }

    @Test
    void anEnvironmentKeepsItsNewestOpensOnly() throws Exception {
        deploy("1.4.2");
        Environment environment = environments.inventory().find(cart).orElseThrow();

        for (int i = 0; i < ReviewOpens.LIMIT + 5; i++) {
            link(MONDAY.plusSeconds(i)).open(environment, "user" + i, ProgressListener.SILENT);
        }

        List<ReviewOpen> kept = link(MONDAY).opens(environment, ProgressListener.SILENT).entries();
        assertThat(kept).hasSize(ReviewOpens.LIMIT);
        assertThat(kept.get(0).user()).isEqualTo("user" + (ReviewOpens.LIMIT + 4));
        assertThat(kept.get(kept.size() - 1).user()).isEqualTo("user5");
    }

    @Test
    void aLinkLeadsNowhereButTheEnvironmentsOwnHttpUrl() throws Exception {
        deploy("1.4.2");
        String namespace = naming.names(cart).namespace();
        sandbox.client().namespaces().withName(namespace).edit(ns -> {
            ns.getMetadata().getAnnotations().put(ClusterContract.URL, "javascript:alert(1)");
            return ns;
        });
        Environment tampered = environments.inventory().find(cart).orElseThrow();

        assertThatThrownBy(() -> link(MONDAY).open(tampered, "bob", ProgressListener.SILENT))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("not an http(s) URL");
        assertThat(sandbox.client().namespaces().withName(namespace).get().getMetadata().getAnnotations())
                .as("nothing recorded for a refused open").doesNotContainKey(ClusterContract.OPENS);
    }

    @Test
    void anEnvironmentThatIsGoneCannotBeOpened() throws Exception {
        deploy("1.4.2");
        Environment environment = environments.inventory().find(cart).orElseThrow();
        environments.lifecycle().teardown(EnvironmentRef.of(cart), ProgressListener.SILENT);

        assertThatThrownBy(() -> link(MONDAY).open(environment, "bob", ProgressListener.SILENT))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("does not exist any more");
        assertThat(metrics.read().changes().find("shop", 42).openers()).isEmpty();
    }

    @Test
    void aMergeTeardownCompletesThePullRequestsReviewFigures() throws Exception {
        deploy("1.4.2");
        BranchRef own = BranchRef.of("shop", "feature/own").withChange(new ChangeRequest(43, "main", false, null, "carol"));
        DeployOutcome second = new BranchDeployer(environments, metrics).deploy(DeployRequest.builder(own, SHOP)
                .variables(Map.of("IMAGE_TAG", "1.4.2")).timeout(Duration.ofSeconds(60)).build(), DeployOptions.NONE,
                ProgressListener.SILENT);
        assertThat(second.succeeded()).as(second.deploy().failureReason()).isTrue();
        link(Instant.now()).open(environments.inventory().find(cart).orElseThrow(), "bob", ProgressListener.SILENT);
        link(Instant.now()).open(environments.inventory().find(own).orElseThrow(), "carol", ProgressListener.SILENT);

        BranchDeployer deployer = new BranchDeployer(environments, metrics);
        deployer.teardown(cart, TeardownCause.CHANGE_MERGED, ProgressListener.SILENT);
        deployer.teardown(own, TeardownCause.CHANGE_MERGED, ProgressListener.SILENT);

        ReviewMetrics shop = InstallationMetrics.of(List.of(), metrics.read()).reviewsByApp().get("shop");
        assertThat(shop.merged()).isEqualTo(2);
        assertThat(shop.liveShare()).isEqualTo(1.0);
        assertThat(shop.reviewedLiveShare()).as("carol opened only her own").isEqualTo(0.5);
        assertThat(shop.medianOpenToLive()).isNotNull();
    }

    private ReviewLink link(Instant now) {
        return new ReviewLink(environments, metrics, Clock.fixed(now, ZoneOffset.UTC));
    }

    private void deploy(String imageTag) throws InterruptedException {
        DeployOutcome outcome = new BranchDeployer(environments, metrics).deploy(DeployRequest.builder(cart, SHOP)
                .variables(Map.of("IMAGE_TAG", imageTag))
                .secrets(List.of(new SecretEntry("shop-db", "password", "s3cret"))).ttl(Duration.ofDays(3))
                .timeout(Duration.ofSeconds(60)).build(), DeployOptions.NONE, ProgressListener.SILENT);
        assertThat(outcome.succeeded()).as(outcome.deploy().failureReason()).isTrue();
    }
}
