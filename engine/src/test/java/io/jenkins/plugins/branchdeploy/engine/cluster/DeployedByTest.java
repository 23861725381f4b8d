package io.jenkins.plugins.branchdeploy.engine.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.branchdeploy.engine.ProgressListener;
import io.jenkins.plugins.branchdeploy.engine.branch.BranchRef;
import io.jenkins.plugins.branchdeploy.engine.naming.NamingPolicy;
import io.jenkins.plugins.branchdeploy.engine.request.DeployRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** An environment records the run whose deploy it holds, so that a page can link to that build. */
class DeployedByTest {

    private final NamingPolicy naming = NamingPolicy.withDefaults("preview.example.dev");
    private final BranchRef cart = BranchRef.of("shop", "feature/cart").withCommit("4f2a9c1");

    @RegisterExtension
    final SandboxEnvironments sandbox = new SandboxEnvironments(naming);
    private BranchEnvironments shop;

    @TempDir
    Path dir;

    @BeforeEach
    void start() throws IOException {
        shop = sandbox.environments()
                .ownedBy("team/shop");
        writeConfig("blue");
    }

    @Test
    void theInventoryNamesTheRunWhoseDeployTheEnvironmentHolds() throws IOException {
        assertThat(shop.deploys().deploy(request("team/shop/feature%2Fcart#7"), ProgressListener.SILENT).succeeded()).isTrue();
        assertThat(deployedBy()).isEqualTo("team/shop/feature%2Fcart#7");

        sandbox.cluster().requests().clear();
        assertThat(shop.deploys().deploy(request("team/shop/feature%2Fcart#8"), ProgressListener.SILENT).unchanged()).isTrue();
        assertThat(sandbox.cluster().requests().writes()).as("an unchanged redeploy writes nothing").isEmpty();
        assertThat(deployedBy()).as("the environment still holds build 7's deploy").isEqualTo("team/shop/feature%2Fcart#7");

        writeConfig("green");
        shop.deploys().deploy(request("team/shop/feature%2Fcart#9"), ProgressListener.SILENT);
        assertThat(deployedBy()).isEqualTo("team/shop/feature%2Fcart#9");
    }

    @Test
    void aDeployThatNamesNoRunLeavesNoStaleLink() throws IOException {
        shop.deploys().deploy(request("team/shop/feature%2Fcart#7"), ProgressListener.SILENT);
        writeConfig("green");

        shop.deploys().deploy(DeployRequest.builder(cart, dir).build(), ProgressListener.SILENT);

        assertThat(deployedBy()).isNull();
        assertThat(sandbox.client().namespaces().withName(naming.names(cart).namespace()).get().getMetadata().getAnnotations())
                .doesNotContainKey(ClusterContract.DEPLOYED_BY);
    }

    @Test
    void extendingAndScalingKeepTheRun() {
        shop.deploys().deploy(request("team/shop/feature%2Fcart#7"), ProgressListener.SILENT);

        shop.lifecycle().extend(EnvironmentRef.of(cart), Duration.ofDays(1));
        shop.lifecycle().scaleDown(EnvironmentRef.of(cart), ScaleDownCause.MANUAL, ProgressListener.SILENT);
        shop.lifecycle().wake(EnvironmentRef.of(cart), ProgressListener.SILENT);

        assertThat(deployedBy()).isEqualTo("team/shop/feature%2Fcart#7");
    }

    private String deployedBy() {
        return shop.inventory().all().stream().filter(e -> e.branch().equals("feature/cart")).findFirst().orElseThrow().deployedBy();
    }

    private DeployRequest request(String run) {
        return DeployRequest.builder(cart, dir).deployedBy(run).build();
    }

    private void writeConfig(String colour) throws IOException {
        Files.writeString(dir.resolve("config.yaml"),
                "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: config\ndata:\n  colour: " + colour + "\n");
    }
}
