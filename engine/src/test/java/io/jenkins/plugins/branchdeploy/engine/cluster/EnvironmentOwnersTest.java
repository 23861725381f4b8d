package io.jenkins.plugins.branchdeploy.engine.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.branchdeploy.engine.InvalidInputException;
import io.jenkins.plugins.branchdeploy.engine.ProgressListener;
import io.jenkins.plugins.branchdeploy.engine.branch.BranchRef;
import io.jenkins.plugins.branchdeploy.engine.naming.NamingPolicy;
import io.jenkins.plugins.branchdeploy.engine.request.DeployRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Projects of one installation act only on their own environments. */
class EnvironmentOwnersTest {

    private final NamingPolicy naming = NamingPolicy.withDefaults("preview.example.dev");
    private final BranchRef cart = BranchRef.of("shop", "feature/cart").withCommit("4f2a9c1");
    private final String namespace = naming.names(cart).namespace();

    @RegisterExtension
    final SandboxEnvironments sandbox = new SandboxEnvironments(naming);
    private BranchEnvironments installation;
    private BranchEnvironments shop;
    private BranchEnvironments other;

    @TempDir
    Path dir;

    @BeforeEach
    void start() throws IOException {
        installation = sandbox.environments();
        shop = installation.ownedBy("team/shop");
        other = installation.ownedBy("team/other");
        Files.writeString(dir.resolve("config.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: config\ndata:\n  colour: blue\n");
    }

    @Test
    void aScopedDeployStampsItsOwnerAndAnUnchangedRedeployWritesNothing() {
        assertThat(shop.owner()).contains("team/shop");
        assertThat(installation.owner()).isEmpty();
        assertThat(shop.deploys().deploy(request(), ProgressListener.SILENT).succeeded()).isTrue();
        assertThat(owner()).isEqualTo("team/shop");
        assertThat(installation.inventory().all()).singleElement().extracting(Environment::owner).isEqualTo("team/shop");

        sandbox.cluster().requests().clear();
        assertThat(shop.deploys().deploy(request(), ProgressListener.SILENT).unchanged()).isTrue();
        assertThat(sandbox.cluster().requests().writes()).isEmpty();
    }

    @Test
    void anotherProjectIsRefusedEveryChangeWithoutAWrite() {
        shop.deploys().deploy(request(), ProgressListener.SILENT);
        Environment environment = installation.inventory().find(cart).orElseThrow();
        sandbox.cluster().requests().clear();

        List<ThrowingCallable> changes = List.of(
                () -> other.deploys().deploy(request(), ProgressListener.SILENT),
                () -> other.lifecycle().teardown(EnvironmentRef.of(cart), ProgressListener.SILENT),
                () -> other.lifecycle().teardown(EnvironmentRef.of(environment), ProgressListener.SILENT),
                () -> other.lifecycle().extend(EnvironmentRef.of(cart), Duration.ofDays(1)),
                () -> other.lifecycle().scaleDown(EnvironmentRef.of(environment), ScaleDownCause.MANUAL, ProgressListener.SILENT),
                () -> other.lifecycle().wake(EnvironmentRef.of(environment), ProgressListener.SILENT),
                () -> other.deploys().markFailed(cart, "smoke", ProgressListener.SILENT),
                () -> other.deploys().storeHistory(cart, "[]", ProgressListener.SILENT),
                () -> other.inventory().secretValues(cart, "database", ProgressListener.SILENT));
        for (ThrowingCallable change : changes) {
            assertThatThrownBy(change).isInstanceOf(EnvironmentOwnedElsewhereException.class)
                    .hasMessage("environment '" + namespace + "' belongs to project 'team/shop', not to 'team/other'; "
                            + "a project may only deploy, tear down, extend, scale down or wake its own environments. "
                            + "Check the app name (give this project's own app), or let project 'team/shop' do it");
        }
        assertThat(sandbox.cluster().requests().writes()).isEmpty();
        assertThat(installation.inventory().find(cart).orElseThrow().status()).isEqualTo(EnvironmentStatus.READY);
        assertThat(owner()).isEqualTo("team/shop");
    }

    @Test
    void theOwnerItselfAndTheWholeInstallationMayChangeIt() {
        shop.deploys().deploy(request(), ProgressListener.SILENT);

        shop.lifecycle().extend(EnvironmentRef.of(cart), Duration.ofDays(1));
        shop.lifecycle().scaleDown(EnvironmentRef.of(cart), ScaleDownCause.MANUAL, ProgressListener.SILENT);
        shop.lifecycle().wake(EnvironmentRef.of(cart), ProgressListener.SILENT);
        installation.lifecycle().extend(EnvironmentRef.of(cart), Duration.ofDays(1));
        assertThat(owner()).as("kept by every change").isEqualTo("team/shop");
        DeployRequest longer = DeployRequest.builder(cart, dir).ttl(Duration.ofDays(2)).build();
        assertThat(installation.deploys().deploy(longer, ProgressListener.SILENT).unchanged()).isFalse();
        assertThat(owner()).as("a deploy for no project keeps the owner").isEqualTo("team/shop");

        assertThat(installation.lifecycle().teardown(EnvironmentRef.of(cart), ProgressListener.SILENT)).isEqualTo(TeardownOutcome.DELETED);
        assertThat(sandbox.client().namespaces().withName(namespace).get()).isNull();
    }

    @Test
    void aScopedDeployAdoptsAnEnvironmentWithoutOwner() {
        installation.deploys().deploy(request(), ProgressListener.SILENT);
        assertThat(sandbox.client().namespaces().withName(namespace).get().getMetadata().getAnnotations())
                .doesNotContainKey(ClusterContract.OWNER);
        sandbox.cluster().requests().clear();

        assertThat(shop.deploys().deploy(request(), ProgressListener.SILENT).unchanged()).as("adopting is a write").isFalse();
        assertThat(sandbox.cluster().requests().writes()).isNotEmpty();
        assertThat(owner()).isEqualTo("team/shop");
        assertThatThrownBy(() -> other.lifecycle().teardown(EnvironmentRef.of(cart), ProgressListener.SILENT))
                .isInstanceOf(EnvironmentOwnedElsewhereException.class);
    }

    @Test
    void anOwnerMustBeNamed() {
        assertThatThrownBy(() -> installation.ownedBy(" ")).isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("owner: give the project");
    }

    private String owner() {
        return sandbox.client().namespaces().withName(namespace).get().getMetadata().getAnnotations().get(ClusterContract.OWNER);
    }

    private DeployRequest request() {
        return DeployRequest.builder(cart, dir).build();
    }
}
