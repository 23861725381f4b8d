package io.jenkins.plugins.branchdeploy.engine.history;

import io.jenkins.plugins.branchdeploy.engine.InvalidInputException;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One deploy of an environment, as its history keeps it.
 *
 * @param commit the deployed commit, or {@code null} when unknown
 * @param at when the deploy started
 * @param phases how long each phase took, in the order they ran (e.g. {@code apply}, {@code rollout})
 * @param ok whether the environment was ready (rolled out, smoke tests passed)
 * @param reason why the deploy failed, or {@code null}; must not contain secret values
 * @param url the live URL, or {@code null}
 */
public record DeployRecord(String commit, Instant at, Map<String, Duration> phases, boolean ok, String reason, String url) {

    public DeployRecord {
        if (at == null) {
            throw new InvalidInputException("at", "a deploy record needs the time the deploy started");
        }
        phases = Collections.unmodifiableMap(new LinkedHashMap<>(phases == null ? Map.of() : phases));
    }

    public static DeployRecord ready(String commit, Instant at, Map<String, Duration> phases, String url) {
        return new DeployRecord(commit, at, phases, true, null, url);
    }

    public static DeployRecord failed(String commit, Instant at, Map<String, Duration> phases, String reason) {
        return new DeployRecord(commit, at, phases, false, reason, null);
    }

    /** The sum of all phase timings. */
    public Duration total() {
        return phases.values().stream().reduce(Duration.ZERO, Duration::plus);
    }
}
