package io.jenkins.plugins.branchdeploy.engine.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.branchdeploy.engine.ProgressListener;
import io.jenkins.plugins.branchdeploy.engine.branch.BranchRef;
import io.jenkins.plugins.branchdeploy.engine.cluster.BranchEnvironments;
import io.jenkins.plugins.branchdeploy.engine.cluster.ClusterContract;
import io.jenkins.plugins.branchdeploy.engine.cluster.SandboxEnvironments;
import io.jenkins.plugins.branchdeploy.engine.cluster.TeardownOutcome;
import io.jenkins.plugins.branchdeploy.engine.history.InMemoryMetricsStore;
import io.jenkins.plugins.branchdeploy.engine.lifecycle.TeardownCause;
import io.jenkins.plugins.branchdeploy.engine.naming.NamingPolicy;
import io.jenkins.plugins.branchdeploy.engine.request.DeployRequest;
import io.jenkins.plugins.branchdeploy.engine.request.SecretEntry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * An environment remembers its database branch on its namespace, so that a teardown without the
 * admin connection says which database branch stays, once, as a warning.
 */
class DatabaseBranchMemoryTest {

    private static final String DATABASE_BRANCH = "shop_feature_cart";

    private final BranchRef cart = BranchRef.of("shop", "feature/cart").withCommit("4f2a9c1");
    private final List<String> infos = new CopyOnWriteArrayList<>();
    private final List<String> warnings = new CopyOnWriteArrayList<>();
    private final ProgressListener progress = new ProgressListener() {
        @Override
        public void info(String message) {
            infos.add(message);
        }

        @Override
        public void warn(String message) {
            warnings.add(message);
        }
    };

    @RegisterExtension
    final SandboxEnvironments sandbox = new SandboxEnvironments(NamingPolicy.withDefaults("preview.example.dev"));
    private BranchEnvironments environments;

    @BeforeEach
    void start() {
        environments = sandbox.environments();
    }

    @Test
    void aTeardownWithoutTheAdminConnectionNamesTheDatabaseBranchThatStays() {
        environments.deploys().deploy(shop().withDatabaseBranch(DATABASE_BRANCH, shop().secrets()), ProgressListener.SILENT);
        environments.deploys().deploy(shop(), ProgressListener.SILENT); // a later deploy without one keeps the record
        String namespace = environments.names(cart).namespace();
        assertThat(sandbox.client().namespaces().withName(namespace).get().getMetadata().getAnnotations())
                .containsEntry(ClusterContract.DATABASE_BRANCH, DATABASE_BRANCH);
        assertThat(environments.inventory().find(cart).orElseThrow().databaseBranch()).isEqualTo(DATABASE_BRANCH);

        TeardownOutcome outcome = new BranchDeployer(environments, new InMemoryMetricsStore()).teardown(cart, TeardownCause.MANUAL, progress);

        assertThat(outcome).isEqualTo(TeardownOutcome.DELETED);
        assertThat(warnings).containsExactly("Kept database branch shop_feature_cart of environment "
                + environments.names(cart).environment() + ": this teardown "
                + "has no admin connection to its PostgreSQL server. Drop it with a teardown that has one, or on the server: "
                + "DROP DATABASE \"shop_feature_cart\" WITH (FORCE) (or DROP SCHEMA \"shop_feature_cart\" CASCADE), "
                + "then DROP ROLE \"shop_feature_cart\"");
        assertThat(infos).noneMatch(m -> m.contains(DATABASE_BRANCH));
    }

    @Test
    void anEnvironmentWithoutADatabaseBranchTearsDownWithoutAWord() {
        environments.deploys().deploy(shop(), ProgressListener.SILENT);

        new BranchDeployer(environments, new InMemoryMetricsStore()).teardown(cart, TeardownCause.MANUAL, progress);

        assertThat(warnings).isEmpty();
    }

    private DeployRequest shop() {
        return DeployRequest.builder(cart, Path.of("../docs/examples/shop")).variables(Map.of("IMAGE_TAG", "1.4.2"))
                .secrets(List.of(new SecretEntry("shop-db", "password", "s3cret"))).timeout(Duration.ofSeconds(30))
                .build();
    }
}
