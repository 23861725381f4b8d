package io.jenkins.plugins.branchdeploy.engine.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.branchdeploy.engine.ProgressListener;
import io.jenkins.plugins.branchdeploy.engine.branch.BranchRef;
import io.jenkins.plugins.branchdeploy.engine.naming.NamingPolicy;
import io.jenkins.plugins.branchdeploy.engine.request.DeployRequest;
import io.jenkins.plugins.branchdeploy.engine.request.SecretEntry;
import io.jenkins.plugins.branchdeploy.sandbox.RequestLog;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * 20 deploys at once over 10 branches of the example shop, two per branch with different image
 * tags: within one environment the two deploys never interleave, and every environment converges.
 */
class ConcurrentDeploysTest {

    private static final int BRANCHES = 10;
    private static final List<String> TAGS = List.of("1.4.2", "1.5.0");

    private final NamingPolicy naming = NamingPolicy.withDefaults("preview.example.dev");
    @RegisterExtension
    final SandboxEnvironments sandbox = new SandboxEnvironments(naming);


    @Test
    void deploysOfOneEnvironmentNeverInterleaveAndAllConverge() throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(BRANCHES * TAGS.size());
        List<Future<DeployResult>> results = new ArrayList<>();
        try {
            for (int b = 0; b < BRANCHES; b++) {
                for (String tag : TAGS) {
                    DeployRequest request = request(branch(b), tag);
                    results.add(pool.submit(() -> {
                        start.await();
                        return sandbox.environments().deploys().deploy(request, ProgressListener.SILENT);
                    }));
                }
            }
            start.countDown();
            for (Future<DeployResult> result : results) {
                DeployResult done = result.get(120, TimeUnit.SECONDS);
                assertThat(done.succeeded()).as(done.failureReason()).isTrue();
                assertThat(done.unchanged()).as("each deploy changed the image").isFalse();
            }
        } finally {
            pool.shutdownNow();
        }

        for (int b = 0; b < BRANCHES; b++) {
            String namespace = naming.names(branch(b)).namespace();
            List<String> all = sandbox.cluster().requests().writes().stream().filter(w -> inNamespace(w, namespace)).map(Object::toString).toList();
            String lease = "/apis/coordination.k8s.io/v1/namespaces/" + namespace + "/leases";
            assertThat(all).as("each deploy takes and releases the environment's lease")
                    .filteredOn(w -> w.contains(lease)).containsExactly("POST " + lease, "DELETE " + lease + "/" + ClusterContract.LEASE,
                            "POST " + lease, "DELETE " + lease + "/" + ClusterContract.LEASE);
            List<String> writes = all.stream().filter(w -> !w.contains(lease)).toList();
            String record = "PATCH /api/v1/namespaces/" + namespace;
            int half = writes.size() / 2;
            assertThat(writes).as("two deploys of %s", namespace).hasSizeGreaterThan(2).hasSize(2 * half);
            assertThat(writes.subList(half, writes.size())).as("the second deploy wrote after the first finished")
                    .isEqualTo(writes.subList(0, half));
            List<Integer> records = new ArrayList<>();
            for (int i = 0; i < writes.size(); i++) {
                if (writes.get(i).equals(record)) {
                    records.add(i);
                }
            }
            assertThat(records).as("each deploy starts and ends by recording itself on the namespace")
                    .containsExactly(0, half - 1, half, writes.size() - 1);

            String liveTag = sandbox.client().apps().deployments().inNamespace(namespace).withName("frontend").get()
                    .getSpec().getTemplate().getSpec().getContainers().get(0).getImage();
            String winner = TAGS.stream().filter(liveTag::endsWith).findFirst().orElseThrow();
            assertThat(sandbox.environments().deploys().deploy(request(branch(b), winner), ProgressListener.SILENT).unchanged())
                    .as("%s converged on the last deploy's input", namespace).isTrue();
        }
        assertThat(sandbox.environments().inventory().all()).hasSize(BRANCHES).allSatisfy(e -> assertThat(e.status()).isEqualTo(EnvironmentStatus.READY));
    }

    private static boolean inNamespace(RequestLog.Request write, String namespace) {
        return write.path().equals("/api/v1/namespaces/" + namespace) || write.path().contains("/namespaces/" + namespace + "/");
    }

    private static BranchRef branch(int number) {
        return BranchRef.of("shop", "feature/concurrent-" + number);
    }

    private static DeployRequest request(BranchRef branch, String tag) {
        return DeployRequest.builder(branch, BranchEnvironmentsTest.SHOP).variables(Map.of("IMAGE_TAG", tag))
                .secrets(List.of(new SecretEntry("shop-db", "password", "s3cret"))).ttl(Duration.ofDays(3))
                .timeout(Duration.ofSeconds(60)).build();
    }
}
