package io.jenkins.plugins.branchdeploy.engine.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.api.model.coordination.v1.LeaseBuilder;
import io.jenkins.plugins.branchdeploy.engine.ProgressListener;
import io.jenkins.plugins.branchdeploy.engine.branch.BranchRef;
import io.jenkins.plugins.branchdeploy.engine.naming.NamingPolicy;
import io.jenkins.plugins.branchdeploy.engine.request.DeployRequest;
import io.jenkins.plugins.branchdeploy.engine.request.SecretEntry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** One writer per environment across processes: the environment's Lease. */
class EnvironmentLeaseTest {

    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");

    private final NamingPolicy naming = NamingPolicy.withDefaults("preview.example.dev");
    private final BranchRef cart = BranchRef.of("shop", "feature/cart").withCommit("4f2a9c1");
    private final String namespace = naming.names(cart).namespace();
    private final List<String> messages = new CopyOnWriteArrayList<>();
    private final ProgressListener progress = messages::add;

    @RegisterExtension
    final SandboxEnvironments sandbox = new SandboxEnvironments(naming);

    @BeforeEach
    void deployed() {
        assertThat(sandbox.environments("ci-1", Clock.fixed(NOW, ZoneOffset.UTC)).deploys().deploy(shop("1.4.2"), progress).succeeded()).isTrue();
        assertThat(lease()).as("released after the deploy").isNull();
    }

    @Test
    void aSecondProcessWaitsForTheHolderAndFailsClearlyAtItsTimeout() {
        TickingClock clock = new TickingClock(NOW, Duration.ofMinutes(1));
        EnvironmentLocks.Held held = otherProcess("ci-2/0a1b2c3d", clock).acquire(namespace, Duration.ofHours(2), Duration.ZERO, progress);
        BranchEnvironments second = sandbox.environments("ci-1", clock);

        assertThatThrownBy(() -> second.deploys().deploy(shop("1.5.0"), progress))
                .isInstanceOf(EnvironmentBusyException.class)
                .hasMessageContaining("another process (ci-2/0a1b2c3d) is still changing " + namespace)
                .hasMessageContaining("try again when it has finished");
        assertThat(messages).anyMatch(m -> m.startsWith("Another process (ci-2/0a1b2c3d) is changing " + namespace + "; waiting"));
        assertThat(lease().getSpec().getHolderIdentity()).isEqualTo("ci-2/0a1b2c3d");
        assertThat(image()).as("nothing written while the other holds the lease").endsWith(":1.4.2");

        held.close();
        assertThat(lease()).isNull();
        assertThat(second.deploys().deploy(shop("1.5.0"), progress).succeeded()).isTrue();
        assertThat(image()).endsWith(":1.5.0");
    }

    @Test
    void theExpiredLeaseOfADeadHolderIsTakenOver() {
        sandbox.client().leases().inNamespace(namespace).resource(new LeaseBuilder()
                .withNewMetadata().withName(ClusterContract.LEASE).endMetadata()
                .withNewSpec().withHolderIdentity("ci-2/dead0000").withLeaseDurationSeconds(600)
                .withRenewTime(NOW.minus(Duration.ofMinutes(11)).atZone(ZoneOffset.UTC)).endSpec().build()).create();

        assertThat(sandbox.environments("ci-1", Clock.fixed(NOW, ZoneOffset.UTC)).deploys().deploy(shop("1.5.0"), progress).succeeded()).isTrue();

        assertThat(image()).endsWith(":1.5.0");
        assertThat(messages).contains("WARNING: The lease on " + namespace + " of ci-2/dead0000 has expired; taking it over");
        assertThat(lease()).as("released after the deploy").isNull();
    }

    @Test
    void aLeaseNotYetExpiredIsNotTakenOver() {
        Clock clock = new TickingClock(NOW, Duration.ofSeconds(10));
        otherProcess("ci-2/0a1b2c3d", Clock.fixed(NOW, ZoneOffset.UTC)).acquire(namespace, Duration.ofMinutes(5), Duration.ZERO, progress);

        // waiting 4 of its 5 minutes, then 2 more: the second wait outlasts the lease
        assertThatThrownBy(() -> otherProcess("ci-1/9f8e7d6c", clock).acquire(namespace, Duration.ofMinutes(5), Duration.ofMinutes(4), progress))
                .isInstanceOf(EnvironmentBusyException.class);
        otherProcess("ci-1/9f8e7d6c", clock).acquire(namespace, Duration.ofMinutes(5), Duration.ofMinutes(2), progress).close();
        assertThat(messages).contains("WARNING: The lease on " + namespace + " of ci-2/0a1b2c3d has expired; taking it over");
        assertThat(lease()).isNull();
    }

    @Test
    void anUnchangedRedeployTakesNoLeaseAndWritesNothing() {
        sandbox.cluster().requests().clear();

        assertThat(sandbox.environments("ci-1", Clock.fixed(NOW, ZoneOffset.UTC)).deploys().deploy(shop("1.4.2"), progress).unchanged()).isTrue();

        assertThat(sandbox.cluster().requests().writes()).isEmpty();
        assertThat(sandbox.cluster().requests().all()).noneMatch(r -> r.path().contains("/leases"));
    }

    @Test
    void aTeardownWaitsForTheHolderToo() {
        TickingClock clock = new TickingClock(NOW, Duration.ofMinutes(1));
        otherProcess("ci-2/0a1b2c3d", clock).acquire(namespace, Duration.ofHours(2), Duration.ZERO, progress);

        assertThatThrownBy(() -> sandbox.environments("ci-1", clock).lifecycle().teardown(EnvironmentRef.of(cart), progress))
                .isInstanceOf(EnvironmentBusyException.class);
        assertThat(sandbox.client().namespaces().withName(namespace).get()).isNotNull();
    }

    private EnvironmentLease otherProcess(String holder, Clock clock) {
        return new EnvironmentLease(sandbox.client(), new ApiCalls(ApiCalls.DEFAULT_ATTEMPTS, Duration.ofMillis(10)), clock, holder,
                Duration.ofMillis(10), Duration.ofMinutes(3));
    }

    private Lease lease() {
        return sandbox.client().leases().inNamespace(namespace).withName(ClusterContract.LEASE).get();
    }

    private String image() {
        return sandbox.client().apps().deployments().inNamespace(namespace).withName("frontend").get()
                .getSpec().getTemplate().getSpec().getContainers().get(0).getImage();
    }

    private DeployRequest shop(String tag) {
        return DeployRequest.builder(cart, BranchEnvironmentsTest.SHOP).variables(Map.of("IMAGE_TAG", tag))
                .secrets(List.of(new SecretEntry("shop-db", "password", "s3cret"))).ttl(Duration.ofDays(3))
                .timeout(Duration.ofSeconds(30)).build();
    }

    /** A clock that moves on by a step each time it is read, so that waiting runs out after a few polls, not in real minutes. */
    private static final class TickingClock extends Clock {
        private Instant now;
        private final Duration step;

        TickingClock(Instant start, Duration step) {
            this.now = start;
            this.step = step;
        }

        @Override
        public synchronized Instant instant() {
            now = now.plus(step);
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }
    }
}
