package io.jenkins.plugins.branchdeploy.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.mockwebserver.ServerRequest;
import io.fabric8.mockwebserver.ServerResponse;
import io.fabric8.mockwebserver.dsl.HttpMethod;
import io.fabric8.mockwebserver.http.Dispatcher;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.fabric8.mockwebserver.internal.MockDispatcher;
import io.fabric8.mockwebserver.internal.SimpleRequest;
import java.time.Clock;
import java.util.Map;
import java.util.Queue;

/**
 * Answers every request of the sandbox API server, in this order: counts it; answers with a
 * planned {@link Faults fault}; answers {@link ApiDiscovery discovery and version} requests;
 * answers with a mixed-mode expectation ({@code server.expect()});
 * emulates server-side apply; otherwise lets fabric8's CRUD store handle it. Afterwards the
 * {@link WorkloadController} sees every written workload, the {@link ArgoCdController} every
 * written or deleted Argo CD Application, and a deleted namespace takes its contents with it.
 */
final class SandboxDispatcher extends Dispatcher {

    private final Map<ServerRequest, Queue<ServerResponse>> expectations;
    private final MockDispatcher expected;
    private final SandboxStore store;
    private final ServerSideApply apply;
    private final WorkloadController workloads;
    private final ArgoCdController argoCd;
    private final RequestLog requests = new RequestLog();
    private final Faults faults = new Faults();
    private final ApiDiscovery discovery;

    SandboxDispatcher(Map<ServerRequest, Queue<ServerResponse>> expectations, SandboxStore store, Clock clock) {
        this.expectations = expectations;
        this.expected = new MockDispatcher(expectations);
        this.store = store;
        this.apply = new ServerSideApply(store, clock);
        this.workloads = new WorkloadController(store);
        this.discovery = new ApiDiscovery(store);
        this.argoCd = new ArgoCdController(store, discovery, workloads);
    }

    ApiDiscovery discovery() {
        return discovery;
    }

    RequestLog requests() {
        return requests;
    }

    Faults faults() {
        return faults;
    }

    WorkloadController workloads() {
        return workloads;
    }

    ArgoCdController argoCd() {
        return argoCd;
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        String method = request.getMethod();
        String path = request.getPath();
        requests.record(method, path);
        MockResponse fault = faults.take(method, path).orElse(null);
        if (fault != null) {
            return fault;
        }
        MockResponse discovered = discovery.answer(method, path).orElse(null);
        if (discovered != null) {
            return discovered;
        }
        Queue<ServerResponse> planned = expectations.get(new SimpleRequest(HttpMethod.valueOf(method), path));
        if (planned != null && !planned.isEmpty()) {
            return expected.dispatch(request);
        }
        MockResponse response = ServerSideApply.isApply(method, request.getHeader("Content-Type"))
                ? apply.apply(path, request.getUtf8Body())
                : store.dispatch(request);
        afterwards(method, path, response);
        return response;
    }

    private void afterwards(String method, String path, MockResponse response) {
        if (response.code() >= 300) {
            return;
        }
        if (method.equals("DELETE")) {
            String namespace = SandboxPaths.deletedNamespace(path);
            if (namespace != null) {
                store.deleteContentsOf(namespace);
            }
            argoCd.deleted(path);
        } else if (!method.equals("GET") && !SandboxPaths.withoutQuery(path).endsWith("/status")) {
            String body = SandboxStore.bodyOf(response);
            if (body.startsWith("{")) {
                ObjectNode written = SandboxJson.parse(body);
                workloads.written(written);
                argoCd.written(written);
            }
        }
    }
}
