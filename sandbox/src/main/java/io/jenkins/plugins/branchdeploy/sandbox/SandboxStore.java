package io.jenkins.plugins.branchdeploy.sandbox;

import io.fabric8.kubernetes.client.server.mock.KubernetesAttributesExtractor;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.mockwebserver.crud.Attribute;
import io.fabric8.mockwebserver.crud.AttributeSet;
import io.fabric8.mockwebserver.dsl.HttpMethod;
import io.fabric8.mockwebserver.http.Buffer;
import io.fabric8.mockwebserver.http.Headers;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.nio.charset.StandardCharsets;

/**
 * fabric8's in-memory CRUD store, plus what a real API server does that it does not: deleting a
 * namespace deletes everything in it.
 */
final class SandboxStore extends KubernetesCrudDispatcher {

    /** Runs one request against the store directly (not counted, no faults). */
    MockResponse call(HttpMethod method, String path, String contentType, String body) {
        Headers.Builder headers = Headers.builder();
        if (contentType != null) {
            headers.add("Content-Type", contentType);
        }
        Buffer buffer = new Buffer();
        if (body != null) {
            buffer.writeUtf8(body);
        }
        return dispatch(new RecordedRequest("HTTP/1.1", method, path, headers.build(), buffer));
    }

    /** The stored object at {@code path}, or {@code null}. */
    String get(String path) {
        MockResponse response = handleGet(path);
        return response.code() == 200 ? bodyOf(response) : null;
    }

    void deleteContentsOf(String namespace) {
        AttributeSet query = new AttributeSet(new Attribute(KubernetesAttributesExtractor.NAMESPACE, namespace));
        synchronized (map) {
            map.keySet().removeIf(key -> key.matches(query));
        }
    }

    /** The body of a response, leaving it in place for the client. */
    static String bodyOf(MockResponse response) {
        return response.getBody() == null ? "" : new String(response.getBody().getBytes(), StandardCharsets.UTF_8);
    }
}
