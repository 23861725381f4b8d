package io.jenkins.plugins.branchdeploy.engine.smoke;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.jenkins.plugins.branchdeploy.engine.InvalidInputException;
import io.jenkins.plugins.branchdeploy.engine.ProgressListener;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Smoke checks against a real HTTP server on loopback. */
class SmokeRunnerTest {

    /** Long enough for any passing check on a busy machine; failing checks use {@link #SHORT}. */
    private static final Duration LONG = Duration.ofSeconds(30);
    private static final Duration SHORT = Duration.ofSeconds(1);
    private static final Duration RETRY = Duration.ofMillis(50);

    private final List<String> progress = new CopyOnWriteArrayList<>();
    private final ProgressListener listener = progress::add;
    private final AtomicInteger flakyRequests = new AtomicInteger();
    private HttpServer server;
    private URI url;

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/healthz", exchange -> respond(exchange, 200, "ok"));
        server.createContext("/shop", exchange -> respond(exchange, 200, "<h1>Welcome to the shop</h1><p>version 1.4.2</p>"));
        server.createContext("/broken", exchange -> respond(exchange, 500, "internal error"));
        server.createContext("/slow", exchange -> {
            sleep(Duration.ofMillis(400));
            respond(exchange, 200, "finally");
        });
        // fails three times, as a service does while its pods are still starting, then recovers
        server.createContext("/flaky", exchange ->
                respond(exchange, flakyRequests.incrementAndGet() <= 3 ? 503 : 200, "warming up"));
        server.start();
        url = URI.create("http://" + server.getAddress().getHostString() + ":" + server.getAddress().getPort() + "/");
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    @Test
    void passingChecksPassAtTheFirstAttempt() throws InterruptedException {
        SmokeReport report = run(LONG, """
                - name: health
                  path: /healthz
                - name: home page
                  path: /shop
                  bodyContains: Welcome to the shop
                  bodyMatches: 'version \\d+\\.\\d+'
                  maxLatency: 20s
                """);

        assertThat(report.passed()).isTrue();
        assertThat(report.results()).allSatisfy(result -> {
            assertThat(result.passed()).isTrue();
            assertThat(result.attempts()).isEqualTo(1);
            assertThat(result.lastStatus()).isEqualTo(200);
            assertThat(result.reason()).isNull();
        });
        assertThat(progress).last().isEqualTo("Smoke tests passed: 2 of 2 checks passed");
    }

    @Test
    void aWrongStatusFailsTheDeployWithTheStatusAsReason() throws InterruptedException {
        SmokeResult result = single(run(SHORT, "- {name: api, path: /broken}"));

        assertThat(result.passed()).isFalse();
        assertThat(result.lastStatus()).isEqualTo(500);
        assertThat(result.reason()).isEqualTo("status 500, expected 200");
        assertThat(progress).anyMatch(line -> line.startsWith("api: attempt 1 failed: status 500, expected 200"));
    }

    @Test
    void anExpectedErrorStatusPasses() throws InterruptedException {
        assertThat(run(LONG, "- {path: /broken, expectStatus: 500}").passed()).isTrue();
    }

    @Test
    void aBodyWithoutTheExpectedTextFailsWithoutQuotingTheBody() throws InterruptedException {
        SmokeReport report = run(SHORT, """
                - {name: contains, path: /shop, bodyContains: Checkout}
                - {name: matches, path: /shop, bodyMatches: 'version 2\\.'}
                """);

        assertThat(report.passed()).isFalse();
        assertThat(report.results()).extracting(SmokeResult::reason)
                .containsExactly("body does not contain 'Checkout'", "body does not match /version 2\\./");
        assertThat(progress).noneMatch(line -> line.contains("Welcome"));
    }

    @Test
    void aResponseSlowerThanMaxLatencyFails() throws InterruptedException {
        SmokeResult result = single(run(SHORT, "- {name: slow, path: /slow, maxLatency: 50ms}"));

        assertThat(result.passed()).isFalse();
        assertThat(result.lastStatus()).isEqualTo(200);
        assertThat(result.reason()).startsWith("took ").endsWith("ms, more than the 50 ms allowed");
    }

    @Test
    void aFailingCheckIsRetriedUntilTheServerRecovers() throws InterruptedException {
        SmokeResult result = single(run(LONG, "- {name: warm-up, path: /flaky}"));

        assertThat(result.passed()).isTrue();
        assertThat(result.attempts()).isEqualTo(4);
        assertThat(flakyRequests).hasValue(4);
        assertThat(progress).contains("passed: warm-up (GET /flaky, 200 in " + result.latency().toMillis() + " ms, 4 attempts)");
    }

    @Test
    void anAdvisoryFailureIsReportedButDoesNotFailTheDeploy() throws InterruptedException {
        SmokeReport report = run(SHORT, """
                - {name: health, path: /healthz}
                - {name: admin, path: /broken, advisory: true}
                """);

        assertThat(report.passed()).isTrue();
        assertThat(report.failures()).isEmpty();
        assertThat(report.advisoryFailures()).extracting(SmokeResult::name).containsExactly("admin");
        assertThat(report.summary()).isEqualTo("Smoke tests passed: 1 of 2 checks passed, 1 advisory check failed");
    }

    @Test
    void anUnreachableServerFailsWithNoResponse() throws InterruptedException {
        server.stop(0);

        SmokeResult result = single(run(SHORT, "- {name: health, path: /healthz}"));

        assertThat(result.passed()).isFalse();
        assertThat(result.lastStatus()).isNull();
        assertThat(result.reason()).startsWith("cannot connect");
    }

    @Test
    void everyCheckGetsAnAttemptEvenAfterAnEarlierOneUsedUpTheTimeout() throws InterruptedException {
        SmokeReport report = run(SHORT, """
                - {name: broken, path: /broken}
                - {name: health, path: /healthz}
                """);

        assertThat(report.results()).extracting(SmokeResult::passed).containsExactly(false, true);
    }

    @Test
    void theUrlMustBeHttpWithoutCredentials() {
        SmokeRunner runner = new SmokeRunner(HttpClient.newHttpClient(), RETRY, listener);
        List<SmokeCheck> checks = SmokeTests.parse("smoke.yaml", "- path: /healthz");

        for (String bad : List.of("ftp://127.0.0.1/", "/relative", "http://user:secret@127.0.0.1/")) {
            assertThatThrownBy(() -> runner.run(URI.create(bad), checks, SHORT))
                    .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.getField()).isEqualTo("url"))
                    .message().doesNotContain("secret");
        }
    }

    private SmokeReport run(Duration timeout, String yaml) throws InterruptedException {
        SmokeRunner runner = new SmokeRunner(HttpClient.newHttpClient(), RETRY, listener);
        return runner.run(url, SmokeTests.parse("smoke.yaml", yaml), timeout);
    }

    private static SmokeResult single(SmokeReport report) {
        assertThat(report.results()).hasSize(1);
        return report.results().get(0);
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length);
        try (var out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
