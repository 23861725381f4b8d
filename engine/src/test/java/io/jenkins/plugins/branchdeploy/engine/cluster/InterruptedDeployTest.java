package io.jenkins.plugins.branchdeploy.engine.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.branchdeploy.engine.ProgressListener;
import io.jenkins.plugins.branchdeploy.engine.SettableClock;
import io.jenkins.plugins.branchdeploy.engine.branch.BranchRef;
import io.jenkins.plugins.branchdeploy.engine.naming.NamingPolicy;
import io.jenkins.plugins.branchdeploy.engine.request.DeployRequest;
import io.jenkins.plugins.branchdeploy.engine.request.SecretEntry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A deploy whose process dies mid-apply reads as interrupted once its deadline has passed, and the next deploy finishes it. */
class InterruptedDeployTest {

    private static final Instant START = Instant.parse("2026-03-01T10:00:00Z");
    private static final Duration TIMEOUT = Duration.ofMinutes(2);

    private final BranchRef cart = BranchRef.of("shop", "feature/cart").withCommit("4f2a9c1");
    private final SettableClock clock = new SettableClock(START);

    @RegisterExtension
    final SandboxEnvironments sandbox = new SandboxEnvironments(NamingPolicy.withDefaults("preview.example.dev"));

    @Test
    void aDeployThatDiedReadsAsInterruptedPastItsDeadlineAndTheNextDeployFinishesIt() {
        BranchEnvironments environments = sandbox.environments(SandboxEnvironments.INSTALLATION, clock);
        ProgressListener dyingMidApply = message -> {
            if (message.startsWith("Applied ")) {
                throw new ProcessDied();
            }
        };
        assertThatThrownBy(() -> environments.deploys().deploy(shop(), dyingMidApply)).isInstanceOf(ProcessDied.class);

        clock.advance(TIMEOUT.plus(DeployRun.DEADLINE_ALLOWANCE));
        assertThat(environments.inventory().find(cart).orElseThrow().status()).isEqualTo(EnvironmentStatus.DEPLOYING);
        clock.advance(Duration.ofSeconds(1));
        assertThat(environments.inventory().find(cart).orElseThrow().status()).isEqualTo(EnvironmentStatus.INTERRUPTED);
        assertThat(environments.inventory().all()).extracting(Environment::status).containsExactly(EnvironmentStatus.INTERRUPTED);
        assertThat(EnvironmentStatus.INTERRUPTED.value()).isEqualTo("interrupted");

        DeployResult next = environments.deploys().deploy(shop(), ProgressListener.SILENT);

        assertThat(next.succeeded()).isTrue();
        assertThat(next.unchanged()).isFalse();
        assertThat(environments.inventory().find(cart).orElseThrow().status()).isEqualTo(EnvironmentStatus.READY);
        assertThat(sandbox.client().namespaces().withName(next.names().namespace()).get().getMetadata().getAnnotations())
                .doesNotContainKey(ClusterContract.DEPLOY_DEADLINE);
    }

    private DeployRequest shop() {
        return DeployRequest.builder(cart, BranchEnvironmentsTest.SHOP).variables(Map.of("IMAGE_TAG", "1.4.2"))
                .secrets(List.of(new SecretEntry("shop-db", "password", "s3cret"))).timeout(TIMEOUT).build();
    }

    /** What a killed process looks like to the deploy: it stops between two steps. */
    private static final class ProcessDied extends RuntimeException {
        private static final long serialVersionUID = 1L;
    }
}
