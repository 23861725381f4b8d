package io.jenkins.plugins.branchdeploy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

class HttpSelectorThreadsTest {

    @Test
    void aClientThatSentARequestLeavesNoSelectorThreadBehind() throws IOException, InterruptedException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.start();
        try {
            HttpClient client = HttpClient.newHttpClient();
            HttpResponse<Void> response = client.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/")).build(), HttpResponse.BodyHandlers.discarding());
            assertThat(response.statusCode()).isEqualTo(204);
            List<Thread> selectors = selectorThreads();
            assertThat(selectors).isNotEmpty();

            HttpSelectorThreads.stop();

            for (Thread selector : selectors) {
                selector.join(60_000); // it ends when interrupted; a busy machine may take a while to run it
            }
            assertThat(selectors).noneMatch(Thread::isAlive);
        } finally {
            server.stop(0);
        }
    }

    private static List<Thread> selectorThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && t.getName().endsWith(HttpSelectorThreads.NAME_SUFFIX)).toList();
    }
}
