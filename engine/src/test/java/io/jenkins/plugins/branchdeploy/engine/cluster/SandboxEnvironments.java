package io.jenkins.plugins.branchdeploy.engine.cluster;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.jenkins.plugins.branchdeploy.engine.naming.NamingPolicy;
import io.jenkins.plugins.branchdeploy.sandbox.SandboxCluster;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A sandbox API server, a client of it and installation {@value #INSTALLATION}'s environments on it,
 * for one test ({@code @RegisterExtension} on an instance field) or for a whole class (on a static
 * field). The client waits {@link #CLIENT_TIMEOUT} for an answer, far longer than any answer of
 * the sandbox takes on a busy machine, so that no outcome depends on speed; retries and rollout
 * polls are paced fast, which only saves time.
 */
public final class SandboxEnvironments implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback {

    public static final String INSTALLATION = "ci-1";
    public static final Duration CLIENT_TIMEOUT = Duration.ofSeconds(10);

    private final NamingPolicy naming;
    private Duration clientTimeout = CLIENT_TIMEOUT;
    private boolean forWholeClass;
    private SandboxCluster cluster;
    private KubernetesClient client;
    private BranchEnvironments environments;

    public SandboxEnvironments(NamingPolicy naming) {
        this.naming = naming;
    }

    /**
     * A client that gives up sooner, for tests whose sandbox withholds an answer on purpose
     * ({@link io.jenkins.plugins.branchdeploy.sandbox.Faults#withholdOnce}); still seconds, not milliseconds.
     */
    public SandboxEnvironments withClientTimeout(Duration timeout) {
        clientTimeout = timeout;
        return this;
    }

    public SandboxCluster cluster() {
        return cluster;
    }

    public KubernetesClient client() {
        return client;
    }

    /** Installation {@value #INSTALLATION}'s environments. */
    public BranchEnvironments environments() {
        return environments;
    }

    /** Another installation's environments on the same sandbox, or the same one's at another time. */
    public BranchEnvironments environments(String installation, Clock clock) {
        return paced(new BranchEnvironments(client, installation, naming, clock));
    }

    /** Retries after 10 ms and polls rollouts every 50 ms instead of the production pacing. */
    public static BranchEnvironments paced(BranchEnvironments environments) {
        return environments.withTimings(Duration.ofMillis(10), Duration.ofMillis(50), Duration.ofSeconds(10));
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        forWholeClass = true;
        start();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if (!forWholeClass) {
            start();
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (!forWholeClass) {
            stop();
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        stop();
    }

    private void start() {
        cluster = SandboxCluster.start();
        client = cluster.newClient(clientTimeout);
        environments = paced(new BranchEnvironments(client, INSTALLATION, naming));
    }

    private void stop() {
        client.close();
        cluster.close();
    }
}
