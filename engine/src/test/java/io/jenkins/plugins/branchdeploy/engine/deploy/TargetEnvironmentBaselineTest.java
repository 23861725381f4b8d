package io.jenkins.plugins.branchdeploy.engine.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.branchdeploy.engine.ProgressListener;
import io.jenkins.plugins.branchdeploy.engine.branch.BranchRef;
import io.jenkins.plugins.branchdeploy.engine.branch.ChangeRequest;
import io.jenkins.plugins.branchdeploy.engine.cluster.BranchEnvironments;
import io.jenkins.plugins.branchdeploy.engine.cluster.SandboxEnvironments;
import io.jenkins.plugins.branchdeploy.engine.history.InMemoryMetricsStore;
import io.jenkins.plugins.branchdeploy.engine.naming.NamingPolicy;
import io.jenkins.plugins.branchdeploy.engine.request.DeployRequest;
import io.jenkins.plugins.branchdeploy.engine.report.ChangeReport;
import io.jenkins.plugins.branchdeploy.engine.report.ResourceChange;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Without a baseline given, a branch is compared with the same app's environment of its target branch. */
class TargetEnvironmentBaselineTest {

    private static final Path SHOP = Path.of("../docs/examples/shop");

    private final NamingPolicy naming = NamingPolicy.withDefaults("preview.example.dev");
    @RegisterExtension
    final SandboxEnvironments sandbox = new SandboxEnvironments(naming);
    private BranchDeployer deployer;

    @BeforeEach
    void start() {
        deployer = new BranchDeployer(sandbox.environments(), new InMemoryMetricsStore());
    }

    @Test
    void aBranchIsComparedWithMainsEnvironmentAndOnlyItsOwnChangeIsReported() throws Exception {
        assertThat(deploy(BranchRef.of("shop", "main"), "1.4.2", DeployOptions.NONE).changes())
                .as("main is not compared with itself").isNull();

        ChangeReport changes = deploy(BranchRef.of("shop", "feature/cart"), "1.5.0", DeployOptions.NONE).changes();

        assertThat(changes.baseline()).isEqualTo("main's environment (namespace " + naming.names(BranchRef.of("shop", "main")).namespace() + ")");
        assertThat(changes.differences()).extracting(r -> r.resource().toString())
                .containsExactly("Deployment/cart", "Deployment/catalog", "Deployment/frontend");
        assertThat(changes.differences()).flatExtracting(ResourceChange::fields).allSatisfy(f -> assertThat(f.field()).endsWith(".image"));
    }

    @Test
    void aPullRequestIsComparedWithItsTargetsEnvironmentAndAGivenBaselineWins() throws Exception {
        deploy(BranchRef.of("shop", "main"), "1.4.2", DeployOptions.NONE);
        deploy(BranchRef.of("shop", "release/2"), "1.4.2", DeployOptions.NONE);
        BranchRef pullRequest = BranchRef.of("shop", "fix/cart").withChange(new ChangeRequest(7, "release/2", false, null));

        assertThat(deploy(pullRequest, "1.4.2", DeployOptions.NONE).changes().baseline()).startsWith("release/2's environment");
        assertThat(deploy(pullRequest, "1.4.2", DeployOptions.NONE.withBaseline(new ChangeBaseline.Manifests(SHOP)))
                .changes().baseline()).isEqualTo("main's manifests in " + SHOP);
        assertThat(deploy(BranchRef.of("other", "feature/x"), "1.4.2", DeployOptions.NONE).changes())
                .as("another app's main is no baseline").isNull();
    }

    private DeployOutcome deploy(BranchRef branch, String imageTag, DeployOptions options) throws InterruptedException {
        DeployOutcome outcome = deployer.deploy(DeployRequest.builder(branch, SHOP)
                .variables(Map.of("IMAGE_TAG", imageTag)).timeout(Duration.ofSeconds(60)).build(), options, ProgressListener.SILENT);
        assertThat(outcome.succeeded()).as(outcome.deploy().failureReason()).isTrue();
        return outcome;
    }
}
