package io.jenkins.plugins.branchdeploy.sandbox;

import io.fabric8.mockwebserver.http.MockResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Faults the sandbox API server answers with instead of doing the request, each once: an error
 * status with a message (500, 409, 403 quota exceeded...), no answer at all (the client times
 * out), or a connection closed without an answer. A fault matches a method and a path prefix (the
 * query is ignored).
 */
public final class Faults {

    private static final Map<Integer, String> REASONS = Map.of(
            400, "BadRequest", 403, "Forbidden", 404, "NotFound", 409, "Conflict", 422, "Invalid",
            429, "TooManyRequests", 500, "InternalError", 503, "ServiceUnavailable", 504, "Timeout");

    /** Longer than any test or demo keeps a sandbox running. */
    private static final Duration WITHHELD = Duration.ofDays(1);

    /** A planned answer; {@code null} closes the connection instead. */
    private record Fault(String method, String pathPrefix, MockResponse response) {}

    private final List<Fault> pending = new ArrayList<>();

    /**
     * The next {@code method} request under {@code pathPrefix} gets {@code code} with a Kubernetes
     * {@code Status} body carrying {@code message}, and changes nothing.
     */
    public synchronized Faults failOnce(String method, String pathPrefix, int code, String message) {
        pending.add(new Fault(method, pathPrefix, status(code, message)));
        return this;
    }

    /**
     * The next {@code method} request under {@code pathPrefix} is not answered while the sandbox
     * runs, and changes nothing: the client sees its request time out, however fast or slow the
     * machine is.
     */
    public synchronized Faults withholdOnce(String method, String pathPrefix) {
        pending.add(new Fault(method, pathPrefix,
                status(504, "the server was unable to return a response in the time allotted").setBodyDelay(WITHHELD)));
        return this;
    }

    /**
     * The connection of the next {@code method} request under {@code pathPrefix} is closed after the
     * request arrived and before any answer, and nothing changes: the client sees the connection
     * dropped.
     */
    public synchronized Faults disconnectOnce(String method, String pathPrefix) {
        pending.add(new Fault(method, pathPrefix, null));
        return this;
    }

    /** How many faults are still waiting for their request. */
    public synchronized int pending() {
        return pending.size();
    }

    /** The planned answer to this request, if any. */
    synchronized Optional<MockResponse> take(String method, String pathAndQuery) {
        return Optional.ofNullable(take(method, pathAndQuery, false)).map(Fault::response);
    }

    /** Whether to close this request's connection instead of answering it. */
    synchronized boolean takeDisconnect(String method, String pathAndQuery) {
        return take(method, pathAndQuery, true) != null;
    }

    private Fault take(String method, String pathAndQuery, boolean disconnect) {
        String path = SandboxPaths.withoutQuery(pathAndQuery);
        for (Iterator<Fault> it = pending.iterator(); it.hasNext();) {
            Fault fault = it.next();
            if (fault.method().equals(method) && path.startsWith(fault.pathPrefix()) && (fault.response() == null) == disconnect) {
                it.remove();
                return fault;
            }
        }
        return null;
    }

    static MockResponse status(int code, String message) {
        String reason = REASONS.getOrDefault(code, "Unknown");
        String body = "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"metadata\":{},\"status\":\"Failure\",\"message\":"
                + SandboxJson.quote(message) + ",\"reason\":\"" + reason + "\",\"code\":" + code + "}";
        return new MockResponse().setResponseCode(code).setHeader("Content-Type", "application/json").setBody(body);
    }
}
