package io.jenkins.plugins.branchdeploy.engine.deploy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A real HTTP server on loopback standing in for an environment's app: the sandbox's hosts do not
 * resolve, so smoke checks are sent here through the smoke base URL. Each path answers with the
 * status set for it (200 by default) and a fixed body.
 */
final class SmokeServer implements AutoCloseable {

    static final String BODY = "Welcome to the shop";

    private final HttpServer server;
    private final Map<String, Integer> statuses = new ConcurrentHashMap<>();

    private SmokeServer(HttpServer server) {
        this.server = server;
    }

    static SmokeServer start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            SmokeServer smoke = new SmokeServer(server);
            server.createContext("/", exchange -> {
                byte[] body = BODY.getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(smoke.statuses.getOrDefault(exchange.getRequestURI().getPath(), 200), body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            });
            server.start();
            return smoke;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    SmokeServer answer(String path, int status) {
        statuses.put(path, status);
        return this;
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
