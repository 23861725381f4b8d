package io.jenkins.plugins.branchdeploy.engine.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.Namespace;
import io.jenkins.plugins.branchdeploy.engine.ProgressListener;
import io.jenkins.plugins.branchdeploy.engine.branch.BranchRef;
import io.jenkins.plugins.branchdeploy.engine.naming.NamingPolicy;
import io.jenkins.plugins.branchdeploy.engine.request.DeployRequest;
import io.jenkins.plugins.branchdeploy.engine.request.SecretEntry;
import io.jenkins.plugins.branchdeploy.sandbox.Faults;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A fault at each step of a deploy and of a teardown of the example shop: 500s until the retries
 * give up, a 409, a 403, timeouts and connections dropped mid-response. Whatever fails, nothing is
 * written outside the environment's namespace, the failure says what was attempted and what the
 * API server answered, the environment is recorded as failed once the deploy has written to it,
 * and a retry converges, even when it meets a single dropped connection at the same step.
 */
class DeployFaultsTest {

    private static final NamingPolicy NAMING = NamingPolicy.withDefaults("preview.example.dev");
    private static final AtomicInteger BRANCHES = new AtomicInteger();

    /** What the API server does instead of answering, and what the failure then says. */
    enum Fault {
        SERVER_ERROR(ApiCalls.DEFAULT_ATTEMPTS, "the API server answered 500: etcdserver: request timed out (gave up after 5 attempts)"),
        CONFLICT(1, "the API server answered 409: Operation cannot be fulfilled: the object has been modified"),
        FORBIDDEN(1, "the API server answered 403: forbidden: exceeded quota: team-quota"),
        TIMEOUT(ApiCalls.DEFAULT_ATTEMPTS, "no answer from the API server ("),
        DROPPED_CONNECTION(ApiCalls.DEFAULT_ATTEMPTS, "no answer from the API server (");

        final int times;
        final String answer;

        Fault(int times, String answer) {
            this.times = times;
            this.answer = answer;
        }

        void inject(Faults faults, String method, String path) {
            for (int i = 0; i < times; i++) {
                switch (this) {
                    case SERVER_ERROR -> faults.failOnce(method, path, 500, "etcdserver: request timed out");
                    case CONFLICT -> faults.failOnce(method, path, 409, "Operation cannot be fulfilled: the object has been modified");
                    case FORBIDDEN -> faults.failOnce(method, path, 403, "forbidden: exceeded quota: team-quota");
                    // one answer withheld until the client gives up, then dropped connections: every
                    // attempt fails whatever the machine's speed, and a timeout is seen to be retried
                    case TIMEOUT -> {
                        if (i == 0) {
                            faults.withholdOnce(method, path);
                        } else {
                            faults.disconnectOnce(method, path);
                        }
                    }
                    case DROPPED_CONNECTION -> faults.disconnectOnce(method, path);
                }
            }
        }
    }

    /**
     * One step of a deploy: the request it makes ({@code %s} is the namespace), the progress message
     * after which that request comes ({@code null}: from the start), the action the failure names,
     * whether it runs only on a redeploy, and whether the deploy has written to the namespace by then.
     */
    record Step(String name, String method, String path, String armedBy, String action, boolean redeploy, boolean recordsFailure) {
        @Override
        public String toString() {
            return name;
        }
    }

    static final List<Step> DEPLOY_STEPS = List.of(
            new Step("read the namespace", "GET", "/api/v1/namespaces/%s", null, "read namespace %s: ", false, false),
            new Step("discover a custom kind", "GET", "/apis/cert-manager.io/v1", null, "discover the kinds of cert-manager.io/v1: ", false, false),
            new Step("check an unchanged redeploy", "GET", "/api/v1/namespaces/%s/secrets", null, "read the secrets of %s: ", true, false),
            new Step("record the deploy", "PATCH", "/api/v1/namespaces/%s", null, "apply namespace %s: ", false, false),
            new Step("apply the quota", "PATCH", "/api/v1/namespaces/%s/resourcequotas", null, "apply ResourceQuota/branch-deploy in %s: ", false, true),
            new Step("apply a secret", "PATCH", "/api/v1/namespaces/%s/secrets", null, "apply Secret/shop-db in %s: ", false, true),
            new Step("apply a workload", "PATCH", "/apis/apps/v1/namespaces/%s/statefulsets", null, "apply StatefulSet/database in %s: ", false, true),
            new Step("apply a custom resource", "PATCH", "/apis/cert-manager.io/v1/namespaces/%s/certificates", null, "apply Certificate/shop-tls in %s: ", false, true),
            new Step("apply the ingress", "PATCH", "/apis/networking.k8s.io/v1/namespaces/%s/ingresses", null, "apply Ingress/shop in %s: ", false, true),
            new Step("prune", "DELETE", "/apis/apps/v1/namespaces/%s/deployments", null, "prune Deployment/cart in %s: ", true, true),
            new Step("wait for the rollout", "GET", "/apis/apps/v1/namespaces/%s/deployments", "Waiting for", "read Deployments of %s: ", false, true),
            new Step("record the outcome", "PATCH", "/api/v1/namespaces/%s", "All ", "apply namespace %s: ", false, true));

    static final List<Step> TEARDOWN_STEPS = List.of(
            new Step("read the namespace", "GET", "/api/v1/namespaces/%s", null, "read namespace %s: ", true, false),
            new Step("delete the namespace", "DELETE", "/api/v1/namespaces/%s", null, "delete namespace %s: ", true, false));

    @TempDir
    static Path dir;

    @RegisterExtension
    static final SandboxEnvironments SANDBOX = new SandboxEnvironments(NAMING).withClientTimeout(BranchEnvironmentsTest.WITHHOLDING_CLIENT_TIMEOUT);
    private static Path shopWithoutCart;

    @BeforeAll
    static void copyTheShopWithoutCart() throws IOException {
        shopWithoutCart = Files.createDirectories(dir.resolve("shop-without-cart"));
        try (var files = Files.list(BranchEnvironmentsTest.SHOP)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml") && !f.endsWith("cart.yaml")).toList()) {
                Files.copy(file, shopWithoutCart.resolve(file.getFileName()));
            }
        }
    }

    static Stream<Step> deploySteps() {
        return DEPLOY_STEPS.stream();
    }

    static Stream<Step> teardownSteps() {
        return TEARDOWN_STEPS.stream();
    }

    @ParameterizedTest(name = "faults when the deploy steps to {0}")
    @MethodSource("deploySteps")
    void aFailedDeployStaysInItsNamespaceIsRecordedAndARetryConverges(Step step) {
        BranchRef branch = BranchRef.of("shop", "fault/" + BRANCHES.incrementAndGet()).withCommit("4f2a9c1");
        String namespace = NAMING.names(branch).namespace();
        DeployRequest request = request(branch, step.name().equals("prune") ? shopWithoutCart : BranchEnvironmentsTest.SHOP);
        if (step.redeploy()) {
            assertThat(SANDBOX.environments().deploys().deploy(request(branch, BranchEnvironmentsTest.SHOP), ProgressListener.SILENT).succeeded()).isTrue();
        }
        Map<String, String> before = annotations(namespace);

        for (Fault fault : Fault.values()) {
            List<String> messages = new ArrayList<>();
            DeployResult failed = deployMeeting(step, request, f -> fault.inject(SANDBOX.cluster().faults(), step.method(), f), messages);

            assertThat(failed.status()).as("%s: %s", fault, String.join("\n", messages)).isEqualTo(EnvironmentStatus.FAILED);
            assertThat(failed.failureReason()).as("%s", fault).startsWith(step.action().formatted(namespace)).contains(fault.answer);
            if (step.recordsFailure()) {
                assertThat(annotations(namespace)).as("%s", fault)
                        .containsEntry(ClusterContract.STATUS, "failed")
                        .containsEntry(ClusterContract.STATUS_REASON, failed.failureReason());
                assertThat(SANDBOX.environments().inventory().all()).filteredOn(e -> e.namespace().equals(namespace))
                        .singleElement().extracting(Environment::status).isEqualTo(EnvironmentStatus.FAILED);
            } else {
                assertThat(annotations(namespace)).as("%s: a deploy that wrote nothing leaves the environment as it was", fault)
                        .isEqualTo(before);
            }
        }

        List<String> messages = new ArrayList<>();
        DeployResult retried = deployMeeting(step, request, f -> SANDBOX.cluster().faults().disconnectOnce(step.method(), f), messages);
        assertThat(retried.succeeded()).as(retried.failureReason()).isTrue();
        assertThat(messages).as("a single dropped connection is retried").anySatisfy(m -> assertThat(m)
                .startsWith("WARNING: " + step.action().formatted(namespace) + "no answer from the API server (Connection was closed); retrying in"));
        assertThat(annotations(namespace)).containsEntry(ClusterContract.STATUS, "ready").doesNotContainKey(ClusterContract.STATUS_REASON);
        assertThat(SANDBOX.client().apps().statefulSets().inNamespace(namespace).withName("database").get()).isNotNull();
        assertThat(SANDBOX.client().network().v1().ingresses().inNamespace(namespace).withName("shop").get()).isNotNull();
        assertThat(SANDBOX.client().apps().deployments().inNamespace(namespace).withName("cart").get() == null)
                .as("cart is pruned exactly when the deploy no longer has it").isEqualTo(step.name().equals("prune"));
        SANDBOX.cluster().requests().clear();
        assertThat(SANDBOX.environments().deploys().deploy(request, ProgressListener.SILENT).unchanged()).isTrue();
        assertThat(SANDBOX.cluster().requests().writes()).isEmpty();
    }

    @ParameterizedTest(name = "faults when the teardown steps to {0}")
    @MethodSource("teardownSteps")
    void aFailedTeardownKeepsTheEnvironmentListedAndARetryConverges(Step step) {
        BranchRef branch = BranchRef.of("shop", "fault/" + BRANCHES.incrementAndGet());
        String namespace = NAMING.names(branch).namespace();
        String path = step.path().formatted(namespace);
        assertThat(SANDBOX.environments().deploys().deploy(request(branch, BranchEnvironmentsTest.SHOP), ProgressListener.SILENT).succeeded()).isTrue();
        SANDBOX.cluster().requests().clear();

        for (Fault fault : Fault.values()) {
            fault.inject(SANDBOX.cluster().faults(), step.method(), path);
            assertThatThrownBy(() -> SANDBOX.environments().lifecycle().teardown(EnvironmentRef.of(branch), ProgressListener.SILENT)).as("%s", fault)
                    .isInstanceOf(ClusterApiException.class)
                    .hasMessageStartingWith(step.action().formatted(namespace)).hasMessageContaining(fault.answer);
            assertThat(SANDBOX.cluster().faults().pending()).isZero();
            assertThat(SANDBOX.environments().inventory().all()).filteredOn(e -> e.namespace().equals(namespace))
                    .singleElement().extracting(Environment::status).isEqualTo(EnvironmentStatus.READY);
        }
        assertThat(SANDBOX.cluster().requests().writes()).filteredOn(w -> !w.path().contains("/leases"))
                .allSatisfy(w -> assertThat(w.toString()).isEqualTo("DELETE /api/v1/namespaces/" + namespace));

        SANDBOX.cluster().faults().disconnectOnce(step.method(), path);
        assertThat(SANDBOX.environments().lifecycle().teardown(EnvironmentRef.of(branch), ProgressListener.SILENT)).isEqualTo(TeardownOutcome.DELETED);
        assertThat(SANDBOX.cluster().faults().pending()).isZero();
        assertThat(SANDBOX.environments().inventory().all()).noneMatch(e -> e.namespace().equals(namespace));
        assertThat(SANDBOX.environments().lifecycle().teardown(EnvironmentRef.of(branch), ProgressListener.SILENT)).isEqualTo(TeardownOutcome.ABSENT);
    }

    /**
     * Deploys, planting faults for the step's request when the deploy reaches it, and checks that
     * the deploy met them all and wrote nothing outside its namespace.
     */
    private static DeployResult deployMeeting(Step step, DeployRequest request, Consumer<String> plantAt, List<String> messages) {
        String namespace = NAMING.names(request.branch()).namespace();
        String path = step.path().formatted(namespace);
        SANDBOX.cluster().requests().clear();
        AtomicBoolean planted = new AtomicBoolean();
        if (step.armedBy() == null) {
            plantAt.accept(path);
            planted.set(true);
        }
        DeployResult result = SANDBOX.environments().deploys().deploy(request, message -> {
            messages.add(message);
            if (!planted.get() && message.startsWith(step.armedBy())) {
                plantAt.accept(path);
                planted.set(true);
            }
        });
        assertThat(planted).as("the deploy reached the step").isTrue();
        assertThat(SANDBOX.cluster().faults().pending()).as("every planted fault was met").isZero();
        assertWritesStayIn(namespace);
        return result;
    }

    private static void assertWritesStayIn(String namespace) {
        assertThat(SANDBOX.cluster().requests().writes()).allSatisfy(write -> assertThat(write.path()).satisfiesAnyOf(
                p -> assertThat(p).isEqualTo("/api/v1/namespaces/" + namespace),
                p -> assertThat(p).contains("/namespaces/" + namespace + "/")));
    }

    private static Map<String, String> annotations(String namespace) {
        Namespace live = SANDBOX.client().namespaces().withName(namespace).get();
        return live == null ? null : live.getMetadata().getAnnotations();
    }

    private static DeployRequest request(BranchRef branch, Path manifests) {
        return DeployRequest.builder(branch, manifests).variables(Map.of("IMAGE_TAG", "1.4.2"))
                .secrets(List.of(new SecretEntry("shop-db", "password", "s3cret"))).ttl(Duration.ofDays(3))
                .timeout(Duration.ofSeconds(30)).build();
    }
}
