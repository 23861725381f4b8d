package io.jenkins.plugins.branchdeploy.sandbox;

import static io.jenkins.plugins.branchdeploy.sandbox.ApiResource.clusterScoped;
import static io.jenkins.plugins.branchdeploy.sandbox.ApiResource.namespaced;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.mockwebserver.dsl.HttpMethod;
import io.fabric8.mockwebserver.http.MockResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

/**
 * What a real API server says about itself and what {@code kubectl} and Helm read before anything
 * else: {@code /version} and the legacy discovery documents ({@code /api}, {@code /apis},
 * {@code /apis/GROUP} and the resource lists of each group version), for the built-in kinds the
 * sandbox serves and every custom resource it knows, installed or stored as a
 * CustomResourceDefinition. It has no OpenAPI documents: {@code /openapi/...} answers 404, which
 * clients take as "not published" (kubectl then skips client-side validation).
 */
final class ApiDiscovery {

    /** The Kubernetes release the sandbox claims to be, for clients that check versions (Helm's kubeVersion). */
    static final String KUBERNETES_VERSION = "v1.31.4";

    private static final String CRDS = "/apis/apiextensions.k8s.io/v1/customresourcedefinitions";

    private static final List<ApiResource> BUILT_IN = List.of(
            clusterScoped("v1", "Namespace", "namespaces", "ns"),
            namespaced("v1", "ConfigMap", "configmaps", "cm"),
            namespaced("v1", "Secret", "secrets"),
            namespaced("v1", "Service", "services", "svc").inAll(),
            namespaced("v1", "ServiceAccount", "serviceaccounts", "sa"),
            namespaced("v1", "Pod", "pods", "po").inAll(),
            namespaced("v1", "ReplicationController", "replicationcontrollers", "rc").inAll(),
            namespaced("v1", "Endpoints", "endpoints", "ep"),
            namespaced("v1", "Event", "events", "ev"),
            namespaced("v1", "PersistentVolumeClaim", "persistentvolumeclaims", "pvc"),
            clusterScoped("v1", "PersistentVolume", "persistentvolumes", "pv"),
            namespaced("v1", "LimitRange", "limitranges", "limits"),
            namespaced("v1", "ResourceQuota", "resourcequotas", "quota"),
            clusterScoped("v1", "Node", "nodes", "no"),
            namespaced("apps/v1", "Deployment", "deployments", "deploy").inAll(),
            namespaced("apps/v1", "StatefulSet", "statefulsets", "sts").inAll(),
            namespaced("apps/v1", "DaemonSet", "daemonsets", "ds").inAll(),
            namespaced("apps/v1", "ReplicaSet", "replicasets", "rs").inAll(),
            namespaced("apps/v1", "ControllerRevision", "controllerrevisions"),
            namespaced("batch/v1", "Job", "jobs").inAll(),
            namespaced("batch/v1", "CronJob", "cronjobs", "cj").inAll(),
            namespaced("autoscaling/v2", "HorizontalPodAutoscaler", "horizontalpodautoscalers", "hpa").inAll(),
            namespaced("networking.k8s.io/v1", "Ingress", "ingresses", "ing"),
            namespaced("networking.k8s.io/v1", "NetworkPolicy", "networkpolicies", "netpol"),
            clusterScoped("networking.k8s.io/v1", "IngressClass", "ingressclasses"),
            namespaced("gateway.networking.k8s.io/v1", "Gateway", "gateways", "gtw"),
            namespaced("gateway.networking.k8s.io/v1", "HTTPRoute", "httproutes"),
            namespaced("gateway.networking.k8s.io/v1", "GRPCRoute", "grpcroutes"),
            clusterScoped("gateway.networking.k8s.io/v1", "GatewayClass", "gatewayclasses", "gc"),
            namespaced("coordination.k8s.io/v1", "Lease", "leases"),
            namespaced("policy/v1", "PodDisruptionBudget", "poddisruptionbudgets", "pdb"),
            namespaced("rbac.authorization.k8s.io/v1", "Role", "roles"),
            namespaced("rbac.authorization.k8s.io/v1", "RoleBinding", "rolebindings"),
            clusterScoped("rbac.authorization.k8s.io/v1", "ClusterRole", "clusterroles"),
            clusterScoped("rbac.authorization.k8s.io/v1", "ClusterRoleBinding", "clusterrolebindings"),
            clusterScoped("apiextensions.k8s.io/v1", "CustomResourceDefinition", "customresourcedefinitions", "crd", "crds"));

    private final SandboxStore store;
    private final List<ApiResource> installed = new CopyOnWriteArrayList<>();

    ApiDiscovery(SandboxStore store) {
        this.store = store;
    }

    /** Makes a custom resource kind known to discovery, as installing its CustomResourceDefinition would. */
    void install(ApiResource resource) {
        installed.add(resource);
    }

    /** The kind {@code kind} of {@code apiVersion} if the sandbox serves it. */
    Optional<ApiResource> find(String apiVersion, String kind) {
        return all().filter(r -> r.groupVersion().equals(apiVersion) && r.kind().equals(kind)).findFirst();
    }

    /** The answer to a discovery or version request, or empty for any other request. */
    Optional<MockResponse> answer(String method, String path) {
        if (!method.equals("GET")) {
            return Optional.empty();
        }
        String[] parts = SandboxPaths.withoutQuery(path).split("/");
        if (parts.length < 2 || !parts[0].isEmpty()) {
            return Optional.empty();
        }
        return switch (parts[1]) {
            case "version" -> parts.length == 2 ? Optional.of(ok(version())) : Optional.empty();
            case "openapi" -> Optional.of(notFound("the sandbox publishes no OpenAPI documents"));
            case "api" -> core(parts);
            case "apis" -> groups(parts);
            default -> Optional.empty();
        };
    }

    private Optional<MockResponse> core(String[] parts) {
        if (parts.length == 2) {
            ObjectNode versions = SandboxJson.object().put("kind", "APIVersions");
            versions.putArray("versions").add("v1");
            versions.putArray("serverAddressByClientCIDRs").addObject()
                    .put("clientCIDR", "0.0.0.0/0").put("serverAddress", "127.0.0.1:6443");
            return Optional.of(ok(versions));
        }
        return parts.length == 3 ? Optional.of(resourceList("", parts[2])) : Optional.empty();
    }

    private Optional<MockResponse> groups(String[] parts) {
        Map<String, Set<String>> versionsByGroup = versionsByGroup();
        if (parts.length == 2) {
            ObjectNode list = SandboxJson.object().put("kind", "APIGroupList").put("apiVersion", "v1");
            ArrayNode groups = list.putArray("groups");
            versionsByGroup.forEach((group, versions) -> groups.add(group(group, versions)));
            return Optional.of(ok(list));
        }
        if (parts.length > 4) {
            return Optional.empty();
        }
        Set<String> versions = versionsByGroup.get(parts[2]);
        if (versions == null) {
            return Optional.of(notFound("the sandbox serves no API group " + parts[2]));
        }
        return Optional.of(parts.length == 3 ? ok(group(parts[2], versions)) : resourceList(parts[2], parts[3]));
    }

    /** The kinds of one group version, or 404 for a version the sandbox does not serve. */
    private MockResponse resourceList(String group, String version) {
        List<ApiResource> resources = all().filter(r -> r.group().equals(group) && r.version().equals(version)).toList();
        if (resources.isEmpty()) {
            return notFound("the sandbox serves no API version " + (group.isEmpty() ? version : group + "/" + version));
        }
        ObjectNode list = SandboxJson.object().put("kind", "APIResourceList").put("apiVersion", "v1")
                .put("groupVersion", resources.get(0).groupVersion());
        ArrayNode items = list.putArray("resources");
        for (ApiResource resource : resources) {
            ObjectNode item = items.addObject()
                    .put("name", resource.plural())
                    .put("singularName", resource.singular())
                    .put("namespaced", resource.namespaced())
                    .put("kind", resource.kind());
            ApiResource.VERBS.forEach(item.putArray("verbs")::add);
            if (!resource.shortNames().isEmpty()) {
                resource.shortNames().forEach(item.putArray("shortNames")::add);
            }
            if (!resource.categories().isEmpty()) {
                resource.categories().forEach(item.putArray("categories")::add);
            }
        }
        return ok(list);
    }

    private static ObjectNode group(String name, Set<String> versions) {
        ObjectNode group = SandboxJson.object().put("kind", "APIGroup").put("apiVersion", "v1").put("name", name);
        ArrayNode list = group.putArray("versions");
        versions.forEach(v -> list.addObject().put("groupVersion", name + "/" + v).put("version", v));
        String preferred = versions.iterator().next();
        group.putObject("preferredVersion").put("groupVersion", name + "/" + preferred).put("version", preferred);
        return group;
    }

    private Map<String, Set<String>> versionsByGroup() {
        Map<String, Set<String>> versions = new LinkedHashMap<>();
        all().filter(r -> !r.group().isEmpty())
                .forEach(r -> versions.computeIfAbsent(r.group(), g -> new LinkedHashSet<>()).add(r.version()));
        return versions;
    }

    /** Every kind once, by group version and plural; the first definition of a kind wins. */
    private Stream<ApiResource> all() {
        Map<String, ApiResource> byPath = new LinkedHashMap<>();
        Stream.of(BUILT_IN.stream(), installed.stream(), stored().stream()).flatMap(s -> s)
                .forEach(r -> byPath.putIfAbsent(r.groupVersion() + "/" + r.plural(), r));
        return byPath.values().stream();
    }

    /** The served versions of every CustomResourceDefinition in the store. */
    private List<ApiResource> stored() {
        String body = SandboxStore.bodyOf(store.call(HttpMethod.GET, CRDS, null, null));
        List<ApiResource> resources = new ArrayList<>();
        if (!body.startsWith("{")) {
            return resources;
        }
        for (JsonNode crd : SandboxJson.parse(body).path("items")) {
            JsonNode spec = crd.path("spec");
            JsonNode names = spec.path("names");
            for (JsonNode version : spec.path("versions")) {
                if (version.path("served").asBoolean(true)) {
                    resources.add(new ApiResource(spec.path("group").asText(), version.path("name").asText(),
                            names.path("kind").asText(), names.path("plural").asText(),
                            !"Cluster".equals(spec.path("scope").asText()), texts(names.path("shortNames")),
                            texts(names.path("categories"))));
                }
            }
        }
        return resources;
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(t -> texts.add(t.asText()));
        return texts;
    }

    private static ObjectNode version() {
        String[] numbers = KUBERNETES_VERSION.substring(1).split("\\.");
        return SandboxJson.object()
                .put("major", numbers[0])
                .put("minor", numbers[1])
                .put("gitVersion", KUBERNETES_VERSION)
                .put("gitCommit", "0000000000000000000000000000000000000000")
                .put("gitTreeState", "clean")
                .put("buildDate", "2024-12-10T00:00:00Z")
                .put("goVersion", "go1.22.10")
                .put("compiler", "gc")
                .put("platform", "linux/amd64");
    }

    private static MockResponse ok(ObjectNode body) {
        return new MockResponse().setResponseCode(200)
                .setHeader("Content-Type", "application/json")
                .setBody(SandboxJson.write(body));
    }

    private static MockResponse notFound(String message) {
        return new MockResponse().setResponseCode(404)
                .setHeader("Content-Type", "application/json")
                .setBody(SandboxJson.write(SandboxJson.object().put("kind", "Status").put("apiVersion", "v1")
                        .put("status", "Failure").put("reason", "NotFound").put("code", 404).put("message", message)));
    }
}
