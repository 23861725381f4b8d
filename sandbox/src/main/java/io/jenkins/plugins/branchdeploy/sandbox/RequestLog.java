package io.jenkins.plugins.branchdeploy.sandbox;

import java.util.ArrayList;
import java.util.List;

/**
 * Every request the sandbox API server received, in order: method and path (without the query). For
 * benchmarks that count API calls and tests that check where a deploy wrote.
 */
public final class RequestLog {

    /** One request as the API server saw it, e.g. {@code PATCH /apis/apps/v1/namespaces/shop-main/deployments/web}. */
    public record Request(String method, String path) {

        /** POST, PUT, PATCH or DELETE: anything but a read. */
        public boolean isWrite() {
            return !"GET".equals(method);
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    private final List<Request> requests = new ArrayList<>();

    synchronized void record(String method, String pathAndQuery) {
        requests.add(new Request(method, SandboxPaths.withoutQuery(pathAndQuery)));
    }

    /** Everything received so far, oldest first. */
    public synchronized List<Request> all() {
        return List.copyOf(requests);
    }

    /** Every request that changes something (POST, PUT, PATCH, DELETE). */
    public synchronized List<Request> writes() {
        return requests.stream().filter(Request::isWrite).toList();
    }

    public synchronized int count() {
        return requests.size();
    }

    public synchronized int count(String method) {
        return (int) requests.stream().filter(r -> r.method().equals(method)).count();
    }

    /** Forgets what was recorded, e.g. between the set-up of a test and the part it measures. */
    public synchronized void clear() {
        requests.clear();
    }
}
