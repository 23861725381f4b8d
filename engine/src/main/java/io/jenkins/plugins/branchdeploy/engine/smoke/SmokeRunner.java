package io.jenkins.plugins.branchdeploy.engine.smoke;

import io.jenkins.plugins.branchdeploy.engine.InvalidInputException;
import io.jenkins.plugins.branchdeploy.engine.ProgressListener;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Runs smoke checks against a live environment's URL. Each check is retried until its first success
 * or until the overall timeout has passed (every check gets at least one attempt); while a check
 * keeps failing, progress is reported at least every {@link #PROGRESS_INTERVAL}.
 */
public final class SmokeRunner {

    public static final Duration PROGRESS_INTERVAL = Duration.ofSeconds(10);
    public static final Duration DEFAULT_RETRY_INTERVAL = Duration.ofSeconds(2);
    /** The longest one request may take, so that a hanging server cannot hold up progress reports. */
    static final Duration MAX_REQUEST_TIME = Duration.ofSeconds(5);
    private static final Duration MIN_REQUEST_TIME = Duration.ofSeconds(1);

    private final HttpClient client;
    private final Duration retryInterval;
    private final ProgressListener listener;

    /**
     * @param client the HTTP client (its redirect policy and TLS settings apply)
     * @param retryInterval the pause between attempts, at most {@link #PROGRESS_INTERVAL} minus
     *     {@link #MAX_REQUEST_TIME}
     * @param listener where attempts and results are reported
     */
    public SmokeRunner(HttpClient client, Duration retryInterval, ProgressListener listener) {
        if (retryInterval.isNegative() || retryInterval.compareTo(PROGRESS_INTERVAL.minus(MAX_REQUEST_TIME)) > 0) {
            throw new InvalidInputException("smoke-retry-interval",
                    "must be between 0 and " + PROGRESS_INTERVAL.minus(MAX_REQUEST_TIME).toSeconds() + " seconds");
        }
        this.client = Objects.requireNonNull(client, "client");
        this.retryInterval = retryInterval;
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    /** A runner that follows redirects and retries every {@link #DEFAULT_RETRY_INTERVAL}. */
    public static SmokeRunner create(ProgressListener listener) {
        HttpClient client = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NORMAL)
                .connectTimeout(MAX_REQUEST_TIME)
                .build();
        return new SmokeRunner(client, DEFAULT_RETRY_INTERVAL, listener);
    }

    /**
     * Runs the checks one after another.
     *
     * @param baseUrl the environment's live URL; each check's path is appended to it
     * @param checks the checks, e.g. from {@link SmokeTests#read}
     * @param timeout how long all checks together may keep retrying
     * @throws InterruptedException when the thread is interrupted, e.g. the build was aborted
     */
    public SmokeReport run(URI baseUrl, List<SmokeCheck> checks, Duration timeout) throws InterruptedException {
        String base = base(baseUrl);
        listener.info("Smoke tests: " + checks.size() + " checks against " + base + ", retrying for up to "
                + timeout.toSeconds() + " s");
        long deadline = System.nanoTime() + timeout.toNanos();
        List<SmokeResult> results = new ArrayList<>();
        for (SmokeCheck check : checks) {
            SmokeResult result = run(URI.create(base + check.path()), check, deadline);
            if (result.passed()) {
                listener.info(result.describe());
            } else {
                listener.warn(result.describe());
            }
            results.add(result);
        }
        SmokeReport report = new SmokeReport(results);
        listener.info(report.summary());
        return report;
    }

    private SmokeResult run(URI uri, SmokeCheck check, long deadline) throws InterruptedException {
        Pattern bodyPattern = check.bodyMatches() == null ? null : Pattern.compile(check.bodyMatches());
        ProgressSchedule progress = new ProgressSchedule(PROGRESS_INTERVAL, retryInterval.plus(MAX_REQUEST_TIME));
        int attempts = 0;
        while (true) {
            attempts++;
            Attempt attempt = attempt(uri, check, bodyPattern, deadline);
            long now = System.nanoTime();
            if (attempt.reason() == null || now + retryInterval.toNanos() >= deadline) {
                return new SmokeResult(check.name(), check.method(), check.path(), check.advisory(),
                        attempt.reason() == null, attempts, attempt.status(), attempt.latency(), attempt.reason());
            }
            if (progress.due(now)) {
                listener.info(check.name() + ": attempt " + attempts + " failed: " + attempt.reason() + "; retrying for up to "
                        + Duration.ofNanos(deadline - now).toSeconds() + " s");
            }
            Thread.sleep(retryInterval.toMillis());
        }
    }

    private Attempt attempt(URI uri, SmokeCheck check, Pattern bodyPattern, long deadline) throws InterruptedException {
        Duration remaining = Duration.ofNanos(deadline - System.nanoTime());
        Duration requestTime = remaining.compareTo(MIN_REQUEST_TIME) < 0 ? MIN_REQUEST_TIME
                : remaining.compareTo(MAX_REQUEST_TIME) > 0 ? MAX_REQUEST_TIME : remaining;
        HttpRequest request = HttpRequest.newBuilder(uri)
                .method(check.method(), HttpRequest.BodyPublishers.noBody())
                .timeout(requestTime)
                .build();
        long start = System.nanoTime();
        HttpResponse<String> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            return Attempt.failed("no response within " + requestTime.toMillis() + " ms");
        } catch (IOException e) {
            return Attempt.failed("cannot connect: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
        }
        Duration latency = Duration.ofNanos(System.nanoTime() - start);
        return new Attempt(response.statusCode(), latency, problem(check, bodyPattern, response, latency));
    }

    /** Why a response does not meet the check, or {@code null}. The body itself is never quoted. */
    private static String problem(SmokeCheck check, Pattern bodyPattern, HttpResponse<String> response, Duration latency) {
        if (response.statusCode() != check.expectStatus()) {
            return "status " + response.statusCode() + ", expected " + check.expectStatus();
        }
        String body = response.body() == null ? "" : response.body();
        if (check.bodyContains() != null && !body.contains(check.bodyContains())) {
            return "body does not contain '" + check.bodyContains() + "'";
        }
        if (bodyPattern != null && !bodyPattern.matcher(body).find()) {
            return "body does not match /" + check.bodyMatches() + "/";
        }
        if (check.maxLatency() != null && latency.compareTo(check.maxLatency()) > 0) {
            return "took " + latency.toMillis() + " ms, more than the " + check.maxLatency().toMillis() + " ms allowed";
        }
        return null;
    }

    private static String base(URI url) {
        if (url == null || !url.isAbsolute() || url.getHost() == null
                || !("http".equals(url.getScheme()) || "https".equals(url.getScheme()))) {
            throw new InvalidInputException("url", "'" + url + "' is not an http(s) URL; give the environment's live URL");
        }
        if (url.getRawUserInfo() != null) {
            throw new InvalidInputException("url", "must not carry credentials; smoke checks send no authentication");
        }
        String text = url.toString();
        return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
    }

    /** One request's outcome; {@code reason} is {@code null} when it met every expectation. */
    private record Attempt(Integer status, Duration latency, String reason) {
        static Attempt failed(String reason) {
            return new Attempt(null, null, reason);
        }
    }
}
