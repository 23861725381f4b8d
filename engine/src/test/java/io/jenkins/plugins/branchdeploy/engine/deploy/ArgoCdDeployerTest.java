package io.jenkins.plugins.branchdeploy.engine.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.branchdeploy.engine.ProgressListener;
import io.jenkins.plugins.branchdeploy.engine.branch.BranchRef;
import io.jenkins.plugins.branchdeploy.engine.cluster.SandboxEnvironments;
import io.jenkins.plugins.branchdeploy.engine.cluster.TeardownOutcome;
import io.jenkins.plugins.branchdeploy.engine.history.FileMetricsStore;
import io.jenkins.plugins.branchdeploy.engine.lifecycle.TeardownCause;
import io.jenkins.plugins.branchdeploy.engine.naming.NamingPolicy;
import io.jenkins.plugins.branchdeploy.engine.report.ChangeType;
import io.jenkins.plugins.branchdeploy.engine.request.ApplyWith;
import io.jenkins.plugins.branchdeploy.engine.request.DeployRequest;
import io.jenkins.plugins.branchdeploy.engine.smoke.SmokeTests;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** What surrounds a deploy that Argo CD applies is what surrounds a direct one: smoke tests, change report, history, metrics. */
class ArgoCdDeployerTest {

    private static final String REPO = "https://github.com/acme/shop.git";
    private static final String COMMIT = "4f2a9c1e0b7d3a5f6e8c9b0a1d2e3f4a5b6c7d8e";
    private final NamingPolicy naming = NamingPolicy.withDefaults("preview.example.dev");
    private final BranchRef branch = BranchRef.of("shop", "feature/cart").withCommit(COMMIT);
    private final List<String> messages = new CopyOnWriteArrayList<>();
    private final ProgressListener progress = messages::add;

    @RegisterExtension
    final SandboxEnvironments sandbox = new SandboxEnvironments(naming);
    private SmokeServer app;

    @TempDir
    Path dir;

    @BeforeEach
    void start() {
        app = SmokeServer.start();
    }

    @AfterEach
    void stop() {
        app.close();
    }

    @Test
    void smokeTestsChangeReportHistoryAndMetricsWorkAsForADirectDeploy() throws Exception {
        Path deploy = Path.of("src/test/resources/argocd/deploy");
        String web = Files.readString(deploy.resolve("web.yaml"));
        Path main = Files.createDirectories(dir.resolve("main"));
        Files.writeString(main.resolve("web.yaml"), web.replace("replicas: 2", "replicas: 1"));
        sandbox.cluster().installArgoCd("argocd").publish(REPO, "deploy", List.of(web, Files.readString(deploy.resolve("service.yaml"))));
        FileMetricsStore metrics = new FileMetricsStore(dir.resolve("state/metrics.json"));
        BranchDeployer deployer = new BranchDeployer(sandbox.environments(), metrics);
        DeployRequest request = DeployRequest.builder(branch, deploy)
                .applyWith(ApplyWith.ArgoCd.of(null, null, REPO, "deploy", null, null, null, COMMIT, null)).build();
        DeployOptions options = DeployOptions.NONE.withSmokeChecks(SmokeTests.parse("smoke.yaml", "- name: home page\n  path: /\n"))
                .withSmokeBaseUrl(app.url()).withBaseline(new ChangeBaseline.Manifests(main));

        DeployOutcome outcome = deployer.deploy(request, options, progress);

        assertThat(outcome.succeeded()).as(outcome.deploy().failureReason()).isTrue();
        assertThat(outcome.deploy().phases().keySet()).containsExactly("namespace", "apply", "prune", "argocd", "smoke");
        assertThat(outcome.deploy().appliedResources()).contains("Deployment/web", "Service/web", "ResourceQuota/branch-deploy");
        assertThat(outcome.smoke().passed()).isTrue();
        assertThat(outcome.changes().differences()).anySatisfy(change -> {
            assertThat(change.resource().toString()).contains("Deployment/web");
            assertThat(change.change()).isEqualTo(ChangeType.CHANGED);
        });
        assertThat(outcome.history().entries()).singleElement().satisfies(entry -> assertThat(entry.phases()).containsKey("argocd"));
        assertThat(metrics.read().deploys()).isEqualTo(1);

        assertThat(deployer.teardown(branch, TeardownCause.MANUAL, progress)).isEqualTo(TeardownOutcome.DELETED);
        assertThat(metrics.read().teardownsByCause()).containsEntry("manual", 1L);
        assertThat(messages).contains("Argo CD removed Application argocd/" + naming.names(branch).namespace() + " and its resources");
    }
}
