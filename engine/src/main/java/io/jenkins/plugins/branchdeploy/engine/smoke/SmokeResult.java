package io.jenkins.plugins.branchdeploy.engine.smoke;

import java.time.Duration;

/**
 * How one smoke check went, after its last attempt.
 *
 * @param name the check's name
 * @param method the HTTP method
 * @param path the path requested
 * @param advisory whether a failure only warns
 * @param passed whether an attempt met every expectation
 * @param attempts how many requests were made
 * @param lastStatus the status of the last response, or {@code null} when none came
 * @param latency how long the last response took, or {@code null} when none came
 * @param reason why the last attempt failed, or {@code null} when it passed
 */
public record SmokeResult(
        String name,
        String method,
        String path,
        boolean advisory,
        boolean passed,
        int attempts,
        Integer lastStatus,
        Duration latency,
        String reason) {

    /** One line for the log: {@code passed: health (GET /healthz, 200 in 12 ms, 1 attempt)}. */
    public String describe() {
        String verdict = passed ? "passed" : advisory ? "failed (advisory)" : "failed";
        String response = lastStatus == null ? "no response" : lastStatus + " in " + latency.toMillis() + " ms";
        String line = verdict + ": " + name + " (" + method + " " + path + ", " + response + ", "
                + attempts + (attempts == 1 ? " attempt)" : " attempts)");
        return passed ? line : line + ": " + reason;
    }
}
