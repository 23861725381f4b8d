package io.jenkins.plugins.branchdeploy.sandbox;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.dsl.base.CustomResourceDefinitionContext;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.ServerRequest;
import io.fabric8.mockwebserver.ServerResponse;
import io.fabric8.mockwebserver.dsl.HttpMethod;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Queue;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A Kubernetes API server in this process, on loopback: fabric8's mock server in CRUD mode with
 * server-side apply emulated, workloads that become ready by themselves, planned faults, and a log
 * of every request. Clients reach it through a {@link ConnectionFront} that can drop their connections.
 * It answers {@code /version} and API discovery, so that {@code kubectl} and Helm can read it. It
 * knows the custom resources cert-manager {@code Certificate} and {@code ClusterIssuer}, Prometheus
 * Operator {@code ServiceMonitor} and Gateway API {@code Gateway}, {@code HTTPRoute} and {@code ReferenceGrant}; more with
 * {@link #installCustomResource}, and Argo CD's {@code Application} with {@link #installArgoCd}.
 *
 * <p>What it cannot do: no strategic-merge patch, no pods, no paging, and
 * {@code in}/{@code notin} label selectors match everything.
 */
public final class SandboxCluster implements AutoCloseable {

    /** How long the clients of {@link #newClient()} wait for one response. */
    public static final Duration CLIENT_REQUEST_TIMEOUT = Duration.ofSeconds(5);

    /** The mock server logs every request at INFO; keep the logger referenced so the level sticks. */
    private static final Logger MOCK_SERVER_LOG = Logger.getLogger(MockWebServer.class.getName());

    static {
        MOCK_SERVER_LOG.setLevel(Level.WARNING);
    }

    private final KubernetesMockServer server;
    private final SandboxDispatcher dispatcher;
    private final SandboxStore store;
    private ConnectionFront front;

    private SandboxCluster(Clock clock) {
        Map<ServerRequest, Queue<ServerResponse>> expectations = new HashMap<>();
        store = new SandboxStore();
        dispatcher = new SandboxDispatcher(expectations, store, clock);
        server = new KubernetesMockServer(new Context(), new MockWebServer(), expectations, dispatcher, false);
    }

    /** Starts a sandbox on a free loopback port. */
    public static SandboxCluster start() {
        return start(0);
    }

    /** Starts a sandbox on {@code port} of the loopback interface ({@code 0} for any free port). */
    public static SandboxCluster start(int port) {
        SandboxCluster cluster = new SandboxCluster(Clock.systemUTC());
        cluster.server.init(InetAddress.getLoopbackAddress(), 0);
        try {
            cluster.front = new ConnectionFront(port, cluster.server.getPort(), cluster.faults(), cluster.requests());
        } catch (IOException e) {
            cluster.server.destroy();
            throw new UncheckedIOException("cannot listen on loopback port " + port, e);
        }
        cluster.installCustomResource("cert-manager.io", "v1", "Certificate", "certificates", true);
        cluster.installCustomResource("cert-manager.io", "v1", "ClusterIssuer", "clusterissuers", false);
        cluster.installCustomResource("monitoring.coreos.com", "v1", "ServiceMonitor", "servicemonitors", true);
        cluster.installCustomResource("gateway.networking.k8s.io", "v1", "Gateway", "gateways", true);
        cluster.installCustomResource("gateway.networking.k8s.io", "v1", "HTTPRoute", "httproutes", true);
        cluster.installCustomResource("gateway.networking.k8s.io", "v1beta1", "ReferenceGrant", "referencegrants", true);
        return cluster;
    }

    /** Makes a custom resource kind known, as installing its CustomResourceDefinition would. */
    public SandboxCluster installCustomResource(String group, String version, String kind, String plural, boolean namespaced) {
        dispatcher.discovery().install(namespaced
                ? ApiResource.namespaced(group + "/" + version, kind, plural)
                : ApiResource.clusterScoped(group + "/" + version, kind, plural));
        store.expectCustomResource(new CustomResourceDefinitionContext.Builder()
                .withGroup(group).withVersion(version).withKind(kind).withPlural(plural)
                .withName(plural + "." + group).withScope(namespaced ? "Namespaced" : "Cluster")
                .build());
        return this;
    }

    /**
     * Installs Argo CD: the {@code Application} and {@code AppProject} kinds ({@code argoproj.io/v1alpha1})
     * and the namespace {@code namespace}, with the {@link ArgoCdController} syncing Applications.
     */
    public ArgoCdController installArgoCd(String namespace) {
        installCustomResource("argoproj.io", "v1alpha1", "Application", "applications", true);
        installCustomResource("argoproj.io", "v1alpha1", "AppProject", "appprojects", true);
        store.call(HttpMethod.POST, "/api/v1/namespaces", "application/json",
                "{\"apiVersion\":\"v1\",\"kind\":\"Namespace\",\"metadata\":{\"name\":" + SandboxJson.quote(namespace) + "}}");
        return argoCd();
    }

    /** The stand-in for Argo CD's application controller, syncing Applications once {@link #installArgoCd} installed their kind. */
    public ArgoCdController argoCd() {
        return dispatcher.argoCd();
    }

    /** The API server's URL, e.g. {@code http://127.0.0.1:41234/}. */
    public String url() {
        return "http://" + server.getHostName() + ":" + front.port() + "/";
    }

    /**
     * A client for this sandbox. It does not retry by itself (so callers' own retries are what a
     * test sees) and gives up on a response after {@link #CLIENT_REQUEST_TIMEOUT}.
     */
    public KubernetesClient newClient() {
        return newClient(CLIENT_REQUEST_TIMEOUT);
    }

    /** A client as {@link #newClient()}, giving up on a response after {@code requestTimeout}. */
    public KubernetesClient newClient(Duration requestTimeout) {
        Config config = new ConfigBuilder(Config.empty())
                .withMasterUrl(url())
                .withOauthToken("sandbox")
                .withNamespace(null)
                .withRequestRetryBackoffLimit(0)
                .withRequestTimeout((int) requestTimeout.toMillis())
                .withHttp2Disable(true)
                .build();
        return new KubernetesClientBuilder().withConfig(config).build();
    }

    /** A kubeconfig whose current context, {@code sandbox}, points at this API server. */
    public String kubeconfig() {
        return """
                apiVersion: v1
                kind: Config
                clusters:
                - name: sandbox
                  cluster:
                    server: %s
                contexts:
                - name: sandbox
                  context:
                    cluster: sandbox
                    user: sandbox
                current-context: sandbox
                users:
                - name: sandbox
                  user:
                    token: sandbox
                """.formatted(url());
    }

    public Path writeKubeconfig(Path file) throws IOException {
        return Files.writeString(file, kubeconfig());
    }

    /** Every request received so far. */
    public RequestLog requests() {
        return dispatcher.requests();
    }

    /** Faults to answer the next matching requests with. */
    public Faults faults() {
        return dispatcher.faults();
    }

    /** The stand-in for the cluster's controllers: which workloads become ready. */
    public WorkloadController workloads() {
        return dispatcher.workloads();
    }

    /** The underlying fabric8 mock server, for mixed-mode expectations ({@code server().expect()}). */
    public KubernetesMockServer server() {
        return server;
    }

    @Override
    public void close() {
        front.close();
        server.destroy();
    }
}
