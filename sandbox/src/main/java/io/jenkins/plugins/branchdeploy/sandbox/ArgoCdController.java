package io.jenkins.plugins.branchdeploy.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.mockwebserver.dsl.HttpMethod;
import io.fabric8.mockwebserver.http.MockResponse;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Stands in for Argo CD's application controller: whenever an {@code argoproj.io/v1alpha1}
 * {@code Application} with automated sync is written, it syncs it at once, writing the objects
 * {@link #publish published} for its source into its destination namespace (pruning those it no
 * longer has) and reporting sync, health and resources in its status as Argo CD does. When an
 * Application with {@link #FINALIZER} is deleted, it deletes the Application's resources, then
 * removes the finalizer, so that the Application goes.
 *
 * <p>Faults, each for one Application name: {@link #neverSyncs} (the controller never gets to it),
 * {@link #degraded} (one resource stays unhealthy), {@link #keepsResources} (its finalizer stays until
 * {@link #release}).
 * A {@code file://} repository is read from this machine's disk: the {@code .yaml} and {@code .yml}
 * files under its path, as they are now (the sandbox has no Git, so the revision is not looked at).
 * Any other source with nothing published fails to sync with Argo CD's {@code ComparisonError}.
 */
public final class ArgoCdController {

    public static final String API_VERSION = "argoproj.io/v1alpha1";
    /** The finalizer that makes Argo CD delete an Application's resources before the Application. */
    public static final String FINALIZER = "resources-finalizer.argocd.argoproj.io";
    /** Argo CD's annotation tracking which Application a resource belongs to. */
    static final String TRACKING_ID = "argocd.argoproj.io/tracking-id";

    private final SandboxStore store;
    private final ApiDiscovery discovery;
    private final WorkloadController workloads;
    private final Map<String, List<String>> repository = new ConcurrentHashMap<>();
    private final Set<String> neverSyncs = ConcurrentHashMap.newKeySet();
    private final Set<String> keepsResources = ConcurrentHashMap.newKeySet();
    private final Map<String, String> degraded = new ConcurrentHashMap<>();

    ArgoCdController(SandboxStore store, ApiDiscovery discovery, WorkloadController workloads) {
        this.store = store;
        this.discovery = discovery;
        this.workloads = workloads;
    }

    /**
     * What Argo CD renders from {@code path} of {@code repoUrl}, at any revision: objects as JSON or
     * YAML, each without a namespace or with any (the Application's destination wins).
     */
    public ArgoCdController publish(String repoUrl, String path, List<String> objects) {
        repository.put(source(repoUrl, path), List.copyOf(objects));
        return this;
    }

    /** The Application {@code name} is never synced: its status stays {@code OutOfSync} and {@code Missing}. */
    public ArgoCdController neverSyncs(String name) {
        neverSyncs.add(name);
        return this;
    }

    /** The resource {@code kindAndName} (e.g. {@code Deployment/web}) is reported {@code Degraded} with {@code message}, and so its Application. */
    public ArgoCdController degraded(String kindAndName, String message) {
        degraded.put(kindAndName, message);
        return this;
    }

    /** The Application {@code name} keeps its finalizer and resources when deleted, as when Argo CD may not delete them. */
    public ArgoCdController keepsResources(String name) {
        keepsResources.add(name);
        return this;
    }

    /**
     * The Application {@code name} (in {@code namespace}) lets go: if it was deleted while it {@link #keepsResources kept its
     * resources}, its deletion finishes now.
     */
    public ArgoCdController release(String namespace, String name) {
        keepsResources.remove(name);
        deleted(applicationPath(namespace, name));
        return this;
    }

    /** Called with every object a client wrote; syncs it if it is an Application. */
    void written(ObjectNode object) {
        if (!isApplication(object) || object.path("metadata").path("deletionTimestamp").isTextual()) {
            return;
        }
        JsonNode metadata = object.path("metadata");
        String name = metadata.path("name").asText();
        String path = applicationPath(metadata.path("namespace").asText(), name);
        String stored = store.get(path);
        if (stored == null) {
            return;
        }
        ObjectNode application = SandboxJson.parse(stored);
        JsonNode automated = application.path("spec").path("syncPolicy").path("automated");
        ObjectNode status;
        if (neverSyncs.contains(name)) {
            status = SandboxJson.object();
            status.putObject("sync").put("status", "OutOfSync");
            status.putObject("health").put("status", "Missing");
        } else if (automated.isMissingNode() || automated.isNull()) {
            return; // sync paused: Argo CD leaves the live objects as they are
        } else {
            status = sync(application, automated.path("prune").asBoolean(false));
        }
        if (status.equals(application.get("status"))) {
            return;
        }
        application.set("status", status);
        store.call(HttpMethod.PUT, path, "application/json", SandboxJson.write(application));
    }

    /** Called after a client deleted {@code path}; finishes an Application's deletion as the finalizer asks. */
    void deleted(String path) {
        String[] parts = SandboxPaths.withoutQuery(path).split("/");
        if (parts.length != 8 || !(parts[2] + "/" + parts[3]).equals(API_VERSION) || !parts[6].equals("applications")) {
            return;
        }
        String stored = store.get(SandboxPaths.withoutQuery(path));
        if (stored == null) {
            return;
        }
        ObjectNode application = SandboxJson.parse(stored);
        ObjectNode metadata = (ObjectNode) application.path("metadata");
        if (!metadata.path("deletionTimestamp").isTextual() || keepsResources.contains(metadata.path("name").asText())) {
            return;
        }
        ArrayNode finalizers = (ArrayNode) metadata.path("finalizers");
        for (int i = finalizers.size() - 1; i >= 0; i--) {
            if (finalizers.get(i).asText().equals(FINALIZER)) {
                application.path("status").path("resources").forEach(r -> store.call(HttpMethod.DELETE, resourcePath(r), null, null));
                finalizers.remove(i);
            }
        }
        store.call(HttpMethod.PUT, SandboxPaths.withoutQuery(path), "application/json", SandboxJson.write(application));
    }

    private ObjectNode sync(ObjectNode application, boolean prune) {
        String name = application.path("metadata").path("name").asText();
        JsonNode spec = application.path("spec");
        JsonNode source = spec.path("source");
        String revision = source.path("targetRevision").asText("HEAD");
        String namespace = spec.path("destination").path("namespace").asText();
        List<String> objects = repository.getOrDefault(source(source.path("repoURL").asText(), source.path("path").asText()),
                LocalRepository.objects(source.path("repoURL").asText(), source.path("path").asText()));
        ObjectNode status = SandboxJson.object();
        if (objects == null) {
            status.putObject("sync").put("status", "Unknown");
            status.putObject("health").put("status", "Missing");
            status.putArray("conditions").addObject().put("type", "ComparisonError")
                    .put("message", "Failed to load target state: failed to generate manifest for source 1 of 1: rpc error: "
                            + "code = Unknown desc = " + source.path("repoURL").asText() + ": repository not found");
            return status;
        }
        Set<String> now = new LinkedHashSet<>();
        ArrayNode resources = SandboxJson.object().putArray("resources");
        boolean healthy = true;
        for (String text : objects) {
            ObjectNode object = SandboxJson.parse(text);
            ObjectNode metadata = (ObjectNode) object.path("metadata");
            metadata.put("namespace", namespace);
            ObjectNode annotations = metadata.has("annotations") ? (ObjectNode) metadata.get("annotations") : metadata.putObject("annotations");
            String apiVersion = object.path("apiVersion").asText();
            String kind = object.path("kind").asText();
            annotations.put(TRACKING_ID, name + ":" + group(apiVersion) + "/" + kind + ":" + namespace + "/" + metadata.path("name").asText());
            ObjectNode resource = resources.addObject()
                    .put("group", group(apiVersion)).put("version", apiVersion.substring(apiVersion.indexOf('/') + 1))
                    .put("kind", kind).put("namespace", namespace).put("name", metadata.path("name").asText()).put("status", "Synced");
            write(object, resourcePath(resource));
            now.add(resourcePath(resource));
            String problem = degraded.get(kind + "/" + metadata.path("name").asText());
            ObjectNode health = resource.putObject("health").put("status", problem == null ? "Healthy" : "Degraded");
            if (problem != null) {
                health.put("message", problem);
                healthy = false;
            }
        }
        if (prune) {
            for (JsonNode before : application.path("status").path("resources")) {
                if (!now.contains(resourcePath(before))) {
                    store.call(HttpMethod.DELETE, resourcePath(before), null, null);
                }
            }
        }
        ObjectNode sync = status.putObject("sync").put("status", "Synced").put("revision", revision);
        sync.putObject("comparedTo").set("source", source.deepCopy());
        status.putObject("health").put("status", healthy ? "Healthy" : "Degraded");
        status.set("resources", resources);
        ObjectNode operation = status.putObject("operationState").put("phase", "Succeeded")
                .put("message", "successfully synced (all tasks run)");
        operation.putObject("syncResult").put("revision", revision);
        return status;
    }

    private void write(ObjectNode object, String path) {
        String body = SandboxJson.write(object);
        MockResponse created = store.call(HttpMethod.POST, SandboxPaths.collectionOf(path), "application/json", body);
        MockResponse response = created.code() == 409 ? store.call(HttpMethod.PUT, path, "application/json", body) : created;
        if (response.code() < 300) {
            workloads.written(SandboxJson.parse(SandboxStore.bodyOf(response)));
        }
    }

    private String resourcePath(JsonNode resource) {
        String group = resource.path("group").asText();
        String apiVersion = group.isEmpty() ? resource.path("version").asText() : group + "/" + resource.path("version").asText();
        String kind = resource.path("kind").asText();
        String plural = discovery.find(apiVersion, kind).map(ApiResource::plural).orElse(kind.toLowerCase() + "s");
        return SandboxPaths.objectPath(apiVersion, plural, resource.path("namespace").asText(), resource.path("name").asText());
    }

    static boolean isApplication(JsonNode object) {
        return API_VERSION.equals(object.path("apiVersion").asText()) && "Application".equals(object.path("kind").asText());
    }

    static String applicationPath(String namespace, String name) {
        return SandboxPaths.objectPath(API_VERSION, "applications", namespace, name);
    }

    private static String group(String apiVersion) {
        int slash = apiVersion.indexOf('/');
        return slash < 0 ? "" : apiVersion.substring(0, slash);
    }

    private static String source(String repoUrl, String path) {
        return repoUrl + "#" + path;
    }
}
