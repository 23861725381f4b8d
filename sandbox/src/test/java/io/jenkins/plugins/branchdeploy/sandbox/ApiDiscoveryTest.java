package io.jenkins.plugins.branchdeploy.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.APIResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.VersionInfo;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What kubectl and Helm read first: the server version and API discovery. */
class ApiDiscoveryTest {

    private SandboxCluster cluster;
    private KubernetesClient client;

    @BeforeEach
    void start() {
        cluster = SandboxCluster.start();
        client = cluster.newClient();
    }

    @AfterEach
    void stop() {
        client.close();
        cluster.close();
    }

    @Test
    void reportsARealKubernetesVersion() throws Exception {
        VersionInfo version = client.getKubernetesVersion();
        assertThat(version.getMajor()).isEqualTo("1");
        assertThat(Integer.parseInt(version.getMinor())).isGreaterThanOrEqualTo(31);
        assertThat(version.getGitVersion()).matches("v1\\.\\d+\\.\\d+").startsWith("v1." + version.getMinor() + ".");
        JsonNode raw = get("version");
        assertThat(raw.path("platform").asText()).isEqualTo("linux/amd64");
        assertThat(raw.path("goVersion").asText()).startsWith("go1.");
    }

    @Test
    void listsTheCoreVersionAndEveryGroupWithItsPreferredVersion() throws Exception {
        JsonNode core = get("api");
        assertThat(core.path("kind").asText()).isEqualTo("APIVersions");
        assertThat(core.path("versions").get(0).asText()).isEqualTo("v1");

        JsonNode groups = get("apis");
        assertThat(groups.path("kind").asText()).isEqualTo("APIGroupList");
        assertThat(groups.path("groups").findValuesAsText("groupVersion")).contains(
                "apps/v1", "batch/v1", "networking.k8s.io/v1", "gateway.networking.k8s.io/v1", "coordination.k8s.io/v1",
                "policy/v1", "rbac.authorization.k8s.io/v1", "autoscaling/v2", "apiextensions.k8s.io/v1",
                "cert-manager.io/v1", "monitoring.coreos.com/v1");
        JsonNode apps = get("apis/apps");
        assertThat(apps.path("kind").asText()).isEqualTo("APIGroup");
        assertThat(apps.path("preferredVersion").path("groupVersion").asText()).isEqualTo("apps/v1");
    }

    @Test
    void describesEachKindWithItsNameScopeAndVerbs() {
        assertThat(resource("v1", "namespaces")).satisfies(r -> {
            assertThat(r.getKind()).isEqualTo("Namespace");
            assertThat(r.getNamespaced()).isFalse();
            assertThat(r.getShortNames()).contains("ns");
            assertThat(r.getVerbs()).contains("get", "list", "watch", "create", "patch", "delete");
        });
        assertThat(resource("apps/v1", "deployments")).satisfies(r -> {
            assertThat(r.getKind()).isEqualTo("Deployment");
            assertThat(r.getNamespaced()).isTrue();
            assertThat(r.getCategories()).containsExactly("all");
        });
        assertThat(resource("v1", "configmaps").getCategories()).isEmpty();
        assertThat(resource("batch/v1", "cronjobs").getKind()).isEqualTo("CronJob");
        assertThat(resource("networking.k8s.io/v1", "ingresses").getKind()).isEqualTo("Ingress");
        assertThat(resource("gateway.networking.k8s.io/v1", "httproutes").getKind()).isEqualTo("HTTPRoute");
        assertThat(resource("coordination.k8s.io/v1", "leases").getKind()).isEqualTo("Lease");
        assertThat(resource("policy/v1", "poddisruptionbudgets").getKind()).isEqualTo("PodDisruptionBudget");
        assertThat(resource("rbac.authorization.k8s.io/v1", "clusterroles").getNamespaced()).isFalse();
        assertThat(resource("autoscaling/v2", "horizontalpodautoscalers").getKind()).isEqualTo("HorizontalPodAutoscaler");
        assertThat(resource("cert-manager.io/v1", "clusterissuers").getNamespaced()).isFalse();
        assertThat(resource("monitoring.coreos.com/v1", "servicemonitors").getKind()).isEqualTo("ServiceMonitor");
    }

    @Test
    void aStoredCustomResourceDefinitionIsDiscoveredAndItsObjectsServed() throws Exception {
        assertThat(status("apis/example.dev/v1alpha1")).isEqualTo(404);
        client.resource(new CustomResourceDefinitionBuilder()
                .withNewMetadata().withName("widgets.example.dev").endMetadata()
                .withNewSpec().withGroup("example.dev").withScope("Namespaced")
                .withNewNames().withKind("Widget").withPlural("widgets").withSingular("widget").withShortNames("wd").endNames()
                .addNewVersion().withName("v1alpha1").withServed(true).withStorage(true).endVersion()
                .endSpec().build()).create();

        assertThat(resource("example.dev/v1alpha1", "widgets")).satisfies(r -> {
            assertThat(r.getKind()).isEqualTo("Widget");
            assertThat(r.getNamespaced()).isTrue();
            assertThat(r.getShortNames()).containsExactly("wd");
        });
        client.resource(new GenericKubernetesResourceBuilder().withApiVersion("example.dev/v1alpha1").withKind("Widget")
                .withNewMetadata().withName("w").withNamespace("shop").endMetadata()
                .addToAdditionalProperties("spec", Map.of("size", 1)).build()).create();
        assertThat(client.genericKubernetesResources("example.dev/v1alpha1", "Widget").inNamespace("shop").list().getItems())
                .singleElement().satisfies(w -> assertThat(w.getMetadata().getName()).isEqualTo("w"));
    }

    @Test
    void anInstalledCustomResourceIsDiscovered() {
        cluster.installCustomResource("example.dev", "v1", "Gadget", "gadgets", false);
        assertThat(resource("example.dev/v1", "gadgets").getNamespaced()).isFalse();
    }

    @Test
    void objectPathsStillReachTheStore() throws Exception {
        assertThat(status("api/v1/namespaces")).isEqualTo(200);
        assertThat(status("apis/apps/v1/deployments")).isEqualTo(200);
        assertThat(status("apis/unknown.example/v1")).isEqualTo(404);
    }

    @Test
    void publishesNoOpenApiDocuments() throws Exception {
        assertThat(status("openapi/v2")).isEqualTo(404);
        assertThat(status("openapi/v3")).isEqualTo(404);
    }

    private APIResource resource(String groupVersion, String plural) {
        List<APIResource> resources = client.getApiResources(groupVersion).getResources();
        return resources.stream().filter(r -> r.getName().equals(plural)).findFirst()
                .orElseThrow(() -> new AssertionError(plural + " not in " + groupVersion + ": " + resources));
    }

    private JsonNode get(String path) throws Exception {
        HttpResponse<String> response = send(path);
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        return new ObjectMapper().readTree(response.body());
    }

    private int status(String path) throws Exception {
        return send(path).statusCode();
    }

    private HttpResponse<String> send(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder().uri(URI.create(cluster.url() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
