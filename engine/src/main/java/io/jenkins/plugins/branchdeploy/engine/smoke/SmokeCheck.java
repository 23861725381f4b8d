package io.jenkins.plugins.branchdeploy.engine.smoke;

import java.time.Duration;

/**
 * One HTTP check against a freshly deployed environment, like an Argo CD PostSync hook. Read from a
 * smoke file by {@link SmokeTests}.
 *
 * @param name what the check is called in logs and results
 * @param method the HTTP method, e.g. {@code GET}
 * @param path the path under the environment's URL, starting with {@code /}
 * @param expectStatus the status code that counts as success
 * @param bodyContains text the body must contain, or {@code null}
 * @param bodyMatches a regular expression the body must contain a match of, or {@code null}
 * @param maxLatency the longest a response may take, or {@code null} for no limit
 * @param advisory whether a failure is only reported instead of failing the deploy
 */
public record SmokeCheck(
        String name,
        String method,
        String path,
        int expectStatus,
        String bodyContains,
        String bodyMatches,
        Duration maxLatency,
        boolean advisory) {}
