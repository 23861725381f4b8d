package io.jenkins.plugins.branchdeploy.engine.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.jenkins.plugins.branchdeploy.engine.ProgressListener;
import io.jenkins.plugins.branchdeploy.engine.branch.BranchRef;
import io.jenkins.plugins.branchdeploy.engine.naming.EnvironmentNames;
import io.jenkins.plugins.branchdeploy.engine.naming.NamingPolicy;
import io.jenkins.plugins.branchdeploy.engine.request.DeployRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two environments of installation {@code ci-1} among 1,000 foreign namespaces that look like
 * environments: named as the naming contract names them, annotated as the engine annotates, and
 * labelled with all but one of the ownership labels or with near-miss values. The inventory lists
 * only the two; teardown and deploy refuse every look-alike without writing anything.
 */
class ForeignNamespacesTest {

    private static final int FOREIGN = 1_000;
    private static final String INSTALLATION = "ci-1";

    /** Ownership labels that are almost, but not, this installation's. */
    private static final List<Map<String, String>> LOOK_ALIKE_LABELS = List.of(
            Map.of(),
            Map.of(ClusterContract.MANAGED_BY, ClusterContract.MANAGED_BY_VALUE, ClusterContract.INSTALLATION, "ci-2"),
            Map.of(ClusterContract.MANAGED_BY, ClusterContract.MANAGED_BY_VALUE),
            Map.of(ClusterContract.INSTALLATION, INSTALLATION),
            Map.of(ClusterContract.MANAGED_BY, "Branch-Deploy", ClusterContract.INSTALLATION, INSTALLATION),
            Map.of(ClusterContract.MANAGED_BY, ClusterContract.MANAGED_BY_VALUE, ClusterContract.INSTALLATION, "ci-10"),
            Map.of(ClusterContract.MANAGED_BY, ClusterContract.MANAGED_BY_VALUE, ClusterContract.INSTALLATION, "CI-1"),
            Map.of(ClusterContract.MANAGED_BY, "helm", ClusterContract.INSTALLATION, INSTALLATION),
            Map.of(ClusterContract.MANAGED_BY, ClusterContract.MANAGED_BY_VALUE, "example.com/installation", INSTALLATION),
            Map.of("branchdeploy.jenkins.io/managed-by", ClusterContract.MANAGED_BY_VALUE, ClusterContract.INSTALLATION, INSTALLATION));

    private final NamingPolicy naming = NamingPolicy.withDefaults("preview.example.dev");
    @RegisterExtension
    final SandboxEnvironments sandbox = new SandboxEnvironments(naming);
    private BranchEnvironments environments;

    @TempDir
    Path dir;

    @BeforeEach
    void start() {
        environments = sandbox.environments();
    }

    @Test
    void inventoryTeardownAndDeployLeaveLookAlikesAlone() throws IOException {
        Files.writeString(dir.resolve("config.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: config\ndata:\n  colour: blue\n");
        List<BranchRef> owned = List.of(BranchRef.of("shop", "feature/cart"), BranchRef.of("shop", "main"));
        for (BranchRef branch : owned) {
            assertThat(environments.deploys().deploy(request(branch), ProgressListener.SILENT).succeeded()).isTrue();
        }
        for (int i = 0; i < FOREIGN; i++) {
            sandbox.client().namespaces().resource(lookAlike(i)).create();
        }
        Map<String, Map<String, String>> labelsBefore = labelsOfEveryNamespace();
        sandbox.cluster().requests().clear();

        List<Environment> inventory = environments.inventory().all();

        assertThat(inventory).extracting(Environment::namespace)
                .containsExactlyElementsOf(owned.stream().map(b -> naming.names(b).namespace()).sorted().toList());
        assertThat(sandbox.cluster().requests().all()).extracting(Object::toString).containsExactly("GET /api/v1/namespaces");

        for (int i = 0; i < FOREIGN; i++) {
            BranchRef branch = lookAlikeBranch(i);
            EnvironmentNames names = naming.names(branch);
            Environment forged = new Environment(names.namespace(), "shop", names.environment(), branch.branch(), null, null,
                    names.url(), EnvironmentStatus.READY, Instant.EPOCH, Instant.EPOCH, Instant.EPOCH, null, null, null, null, null, null);
            assertThatThrownBy(() -> environments.lifecycle().teardown(EnvironmentRef.of(forged), ProgressListener.SILENT))
                    .isInstanceOf(ForeignNamespaceException.class).hasMessageStartingWith("namespace '" + names.namespace() + "'");
            if (i % 10 == 0) {
                assertThatThrownBy(() -> environments.lifecycle().teardown(EnvironmentRef.of(branch), ProgressListener.SILENT)).isInstanceOf(ForeignNamespaceException.class);
                assertThatThrownBy(() -> environments.deploys().deploy(request(branch), ProgressListener.SILENT)).isInstanceOf(ForeignNamespaceException.class);
            }
        }

        assertThat(sandbox.cluster().requests().writes()).isEmpty();
        assertThat(labelsOfEveryNamespace()).isEqualTo(labelsBefore).hasSize(FOREIGN + owned.size());
    }

    private Map<String, Map<String, String>> labelsOfEveryNamespace() {
        return sandbox.client().namespaces().list().getItems().stream().collect(Collectors.toMap(ns -> ns.getMetadata().getName(),
                ns -> ns.getMetadata().getLabels() == null ? Map.of() : new HashMap<>(ns.getMetadata().getLabels())));
    }

    /** A namespace named, annotated and (almost) labelled as the environment of branch lookalike/i would be. */
    private Namespace lookAlike(int i) {
        BranchRef branch = lookAlikeBranch(i);
        EnvironmentNames names = naming.names(branch);
        Map<String, String> labels = new LinkedHashMap<>(LOOK_ALIKE_LABELS.get(i % LOOK_ALIKE_LABELS.size()));
        labels.put(ClusterContract.APP, names.app());
        labels.put(ClusterContract.ENVIRONMENT, names.environment());
        return new NamespaceBuilder().withNewMetadata().withName(names.namespace()).withLabels(labels)
                .withAnnotations(Map.of(ClusterContract.BRANCH, branch.branch(), ClusterContract.STATUS, "ready",
                        ClusterContract.URL, names.url(), ClusterContract.DEPLOYED_AT, "2026-03-01T10:00:00Z"))
                .endMetadata().build();
    }

    private static BranchRef lookAlikeBranch(int i) {
        return BranchRef.of("shop", "lookalike/" + i);
    }

    private DeployRequest request(BranchRef branch) {
        return DeployRequest.builder(branch, dir).timeout(Duration.ofSeconds(30)).build();
    }
}
