package io.jenkins.plugins.branchdeploy.engine.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.branchdeploy.engine.ProgressListener;
import io.jenkins.plugins.branchdeploy.engine.branch.BranchRef;
import io.jenkins.plugins.branchdeploy.engine.cluster.BranchEnvironments;
import io.jenkins.plugins.branchdeploy.engine.cluster.ClusterContract;
import io.jenkins.plugins.branchdeploy.engine.cluster.SandboxEnvironments;
import io.jenkins.plugins.branchdeploy.engine.history.InMemoryMetricsStore;
import io.jenkins.plugins.branchdeploy.engine.naming.NamingPolicy;
import io.jenkins.plugins.branchdeploy.engine.request.DeployRequest;
import io.jenkins.plugins.branchdeploy.engine.request.Quota;
import io.jenkins.plugins.branchdeploy.engine.request.SecretEntry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A redeploy of plain YAML given exactly the input of the last deploy is decided from the
 * environment's record, without rendering; anything else renders as ever. Against the sandbox.
 */
class UnchangedRedeployTest {

    private static final Path SHOP = Path.of("../docs/examples/shop");
    private static final String LOAD_BALANCER = """
            apiVersion: v1
            kind: Service
            metadata:
              name: shop-public
            spec:
              type: LoadBalancer
              selector:
                app: frontend
              ports:
                - port: 80
            """;

    @RegisterExtension
    final SandboxEnvironments sandbox = new SandboxEnvironments(NamingPolicy.withDefaults("preview.example.dev"));
    private final List<String> messages = new ArrayList<>();
    private final ProgressListener progress = messages::add;
    private final BranchRef branch = BranchRef.of("shop", "feature/cart").withCommit("4f2a9c1");
    private BranchEnvironments environments;
    private BranchDeployer deployer;

    @TempDir
    Path dir;
    private Path manifests;

    @BeforeEach
    void copyTheShop() throws IOException {
        environments = sandbox.environments();
        deployer = new BranchDeployer(environments, new InMemoryMetricsStore());
        manifests = Files.createDirectories(dir.resolve("shop"));
        try (Stream<Path> files = Files.list(SHOP)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).toList()) {
                Files.copy(file, manifests.resolve(file.getFileName()));
            }
        }
        Files.writeString(manifests.resolve("public.yaml"), LOAD_BALANCER);
    }

    @Test
    void reportsWhatTheDeployThatRendersReportsAndWritesNothing() throws InterruptedException {
        DeployOutcome first = deployer.deploy(request("s3cret"), DeployOptions.NONE, progress);
        assertThat(first.succeeded()).as(first.deploy().failureReason()).isTrue();
        assertThat(annotation(ClusterContract.INPUT_DIGEST)).startsWith("sha256:");

        messages.clear();
        sandbox.cluster().requests().clear();
        DeployOutcome recalled = deployer.deploy(request("s3cret"), DeployOptions.NONE, progress);
        List<String> recalledMessages = List.copyOf(messages);
        assertThat(sandbox.cluster().requests().writes()).isEmpty();
        assertThat(sandbox.cluster().requests().all()).as("the record and the history are read at once")
                .filteredOn(r -> r.path().equals("/api/v1/namespaces/" + environments.names(branch).namespace())).hasSize(1);

        // as an earlier engine left it: no input digest, so the redeploy renders and compares fingerprints
        setAnnotation(ClusterContract.INPUT_DIGEST, null);
        messages.clear();
        sandbox.cluster().requests().clear();
        DeployOutcome rendered = deployer.deploy(request("s3cret"), DeployOptions.NONE, progress);
        assertThat(sandbox.cluster().requests().writes()).isEmpty();

        assertThat(recalled.deploy().unchanged()).isTrue();
        assertThat(rendered.deploy().unchanged()).isTrue();
        assertThat(recalled.adjustments()).isNotEmpty().isEqualTo(rendered.adjustments()).isEqualTo(first.adjustments());
        assertThat(recalled.warnings()).isEqualTo(rendered.warnings()).isEqualTo(first.warnings());
        assertThat(recalled.deploy().url()).isNotNull().isEqualTo(rendered.deploy().url());
        assertThat(recalled.deploy().appliedResources()).isEqualTo(rendered.deploy().appliedResources())
                .isEqualTo(first.deploy().appliedResources()).contains("Service/shop-public", "Secret/shop-db");
        assertThat(recalled.deploy().status()).isEqualTo(rendered.deploy().status());
        assertThat(recalled.deploy().phases()).containsOnlyKeys("check");
        assertThat(recalled.history().entries()).hasSize(1).isEqualTo(rendered.history().entries());
        assertThat(recalledMessages).isEqualTo(messages);
        assertThat(annotation(ClusterContract.INPUT_DIGEST)).as("an unchanged redeploy writes nothing").isNull();
    }

    @Test
    void trustsTheRecordedInputRatherThanRendering() throws InterruptedException {
        deployer.deploy(request("s3cret"), DeployOptions.NONE, progress);
        // a fingerprint no render gives: a redeploy that rendered would find a change and write
        setAnnotation(ClusterContract.FINGERPRINT, "sha256:" + "0".repeat(64));

        sandbox.cluster().requests().clear();
        DeployOutcome again = deployer.deploy(request("s3cret"), DeployOptions.NONE, progress);

        assertThat(again.deploy().unchanged()).isTrue();
        assertThat(sandbox.cluster().requests().writes()).isEmpty();
    }

    @Test
    void aFaultWhileReadingTheRecordLeavesTheDecisionToTheDeployThatRenders() throws InterruptedException {
        deployer.deploy(request("s3cret"), DeployOptions.NONE, progress);
        setAnnotation(ClusterContract.FINGERPRINT, "sha256:" + "0".repeat(64));
        sandbox.cluster().faults().failOnce("GET", "/api/v1/namespaces/" + environments.names(branch).namespace(), 500,
                "etcdserver: request timed out");

        assertRendersAndWrites(request("s3cret"));
        assertThat(sandbox.cluster().faults().pending()).isZero();
    }

    @Test
    void rendersWhenAFileASecretValueOrTheRecordedStatusChanged() throws IOException, InterruptedException {
        deployer.deploy(request("s3cret"), DeployOptions.NONE, progress);
        String recordedFingerprint = "sha256:" + "0".repeat(64);

        setAnnotation(ClusterContract.FINGERPRINT, recordedFingerprint);
        Path cart = manifests.resolve("cart.yaml");
        Files.writeString(cart, Files.readString(cart).replace("replicas: 1", "replicas: 2"));
        assertRendersAndWrites(request("s3cret"));

        setAnnotation(ClusterContract.FINGERPRINT, recordedFingerprint);
        assertRendersAndWrites(request("new-s3cret"));

        setAnnotation(ClusterContract.FINGERPRINT, recordedFingerprint);
        environments.deploys().markFailed(branch, "a smoke test failed", progress);
        assertRendersAndWrites(request("new-s3cret"));

        setAnnotation(ClusterContract.FINGERPRINT, recordedFingerprint);
        assertRendersAndWrites(DeployRequest.builder(branch, manifests).variables(Map.of("IMAGE_TAG", "1.4.2"))
                .quota(Quota.DEFAULT.with("quota", "auto"))
                .secrets(List.of(new SecretEntry("shop-db", "password", "new-s3cret"))).ttl(Duration.ofDays(2)).build());
    }

    private void assertRendersAndWrites(DeployRequest request) throws InterruptedException {
        sandbox.cluster().requests().clear();
        DeployOutcome outcome = deployer.deploy(request, DeployOptions.NONE, progress);
        assertThat(outcome.succeeded()).as(outcome.deploy().failureReason()).isTrue();
        assertThat(outcome.deploy().unchanged()).isFalse();
        assertThat(sandbox.cluster().requests().writes()).isNotEmpty();
        assertThat(annotation(ClusterContract.FINGERPRINT)).startsWith("sha256:").isNotEqualTo("sha256:" + "0".repeat(64));
    }

    private DeployRequest request(String password) {
        return DeployRequest.builder(branch, manifests).variables(Map.of("IMAGE_TAG", "1.4.2"))
                .quota(Quota.DEFAULT.with("quota", "auto"))
                .secrets(List.of(new SecretEntry("shop-db", "password", password)))
                .ttl(Duration.ofDays(3)).timeout(Duration.ofSeconds(60)).build();
    }

    private String annotation(String key) {
        return sandbox.client().namespaces().withName(environments.names(branch).namespace()).get()
                .getMetadata().getAnnotations().get(key);
    }

    private void setAnnotation(String key, String value) {
        sandbox.client().namespaces().withName(environments.names(branch).namespace()).edit(namespace -> {
            if (value == null) {
                namespace.getMetadata().getAnnotations().remove(key);
            } else {
                namespace.getMetadata().getAnnotations().put(key, value);
            }
            return namespace;
        });
    }
}
