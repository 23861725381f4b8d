package io.jenkins.plugins.branchdeploy.engine.cluster;

import io.fabric8.kubernetes.client.KubernetesClientException;
import io.jenkins.plugins.branchdeploy.engine.ProgressListener;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * Runs Kubernetes API calls, retrying transient faults (5xx, 429, timeouts, dropped connections)
 * with bounded exponential backoff; anything else (a 4xx) fails at once with the API server's
 * message.
 */
final class ApiCalls {

    static final int DEFAULT_ATTEMPTS = 5;
    static final Duration DEFAULT_FIRST_BACKOFF = Duration.ofMillis(500);
    static final Duration MAX_BACKOFF = Duration.ofSeconds(8);
    /**
     * What the Vert.x HTTP client (the command line's) throws when the connection closes before the
     * answer; unlike OkHttp's it is no IOException. Named, as the engine does not compile against it.
     */
    private static final String CONNECTION_CLOSED = "io.vertx.core.http.HttpClosedException";

    private final int attempts;
    private final Duration firstBackoff;

    ApiCalls(int attempts, Duration firstBackoff) {
        this.attempts = attempts;
        this.firstBackoff = firstBackoff;
    }

    <T> T call(String action, ProgressListener progress, Supplier<T> call) {
        Duration backoff = firstBackoff;
        for (int attempt = 1;; attempt++) {
            try {
                return call.get();
            } catch (KubernetesClientException e) {
                if (!isTransient(e) || attempt >= attempts) {
                    throw new ClusterApiException(action + ": " + describe(e, attempt), e.getCode(), e);
                }
                Duration pause = jittered(backoff);
                progress.warn(action + ": " + describe(e, 1) + "; retrying in " + pause.toMillis() + " ms (attempt "
                        + (attempt + 1) + " of " + attempts + ")");
                sleep(pause);
                backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
            }
        }
    }

    void run(String action, ProgressListener progress, Runnable call) {
        call(action, progress, () -> {
            call.run();
            return null;
        });
    }

    static boolean isTransient(KubernetesClientException e) {
        int code = e.getCode();
        if (code == 429 || code >= 500) {
            return true;
        }
        if (code > 0) {
            return false;
        }
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof IOException || cause instanceof TimeoutException || cause.getClass().getName().equals(CONNECTION_CLOSED)) {
                return true;
            }
        }
        return false;
    }

    private static String describe(KubernetesClientException e, int attempt) {
        String answer;
        if (e.getCode() > 0) {
            String message = e.getStatus() != null && e.getStatus().getMessage() != null ? e.getStatus().getMessage() : e.getMessage();
            answer = "the API server answered " + e.getCode() + ": " + message;
        } else {
            answer = "no answer from the API server (" + rootCause(e) + ")";
        }
        return attempt > 1 ? answer + " (gave up after " + attempt + " attempts)" : answer;
    }

    private static String rootCause(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }

    private static Duration jittered(Duration backoff) {
        long millis = backoff.toMillis();
        return Duration.ofMillis(millis / 2 + ThreadLocalRandom.current().nextLong(millis / 2 + 1));
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to retry", e);
        }
    }
}
