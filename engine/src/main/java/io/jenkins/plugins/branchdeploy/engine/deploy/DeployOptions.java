package io.jenkins.plugins.branchdeploy.engine.deploy;

import io.jenkins.plugins.branchdeploy.engine.Durations;
import io.jenkins.plugins.branchdeploy.engine.InvalidInputException;
import io.jenkins.plugins.branchdeploy.engine.database.DatabaseStrategy;
import io.jenkins.plugins.branchdeploy.engine.report.Drift;
import io.jenkins.plugins.branchdeploy.engine.smoke.SmokeCheck;
import java.net.URI;
import java.time.Duration;
import java.util.List;

/**
 * What a deploy does besides applying manifests, each part optional: a database branch, smoke
 * tests, a change report versus main, and a drift warning. Start from {@link #NONE}.
 *
 * @param database the environment's database state, or {@code null} for none
 * @param smokeChecks the checks to run against the live URL after rollout; empty for none
 * @param smokeBaseUrl where the checks send their requests instead of the live URL, or {@code null}.
 *     In a cluster the live URL (the Ingress host) is right; this is for a URL reachable from where
 *     the deploy runs, such as a port-forward or a test server
 * @param smokeTimeout how long all checks together may keep retrying, or {@code null} for
 *     {@link #DEFAULT_SMOKE_TIMEOUT}
 * @param baseline what the change report compares with, or {@code null} for no report
 * @param drift how far the branch is behind its target, or {@code null} when not known
 */
public record DeployOptions(
        DatabaseStrategy database,
        List<SmokeCheck> smokeChecks,
        URI smokeBaseUrl,
        Duration smokeTimeout,
        ChangeBaseline baseline,
        Drift drift) {

    /** How long smoke tests may keep retrying, as users write it. */
    public static final String DEFAULT_SMOKE_TIMEOUT_TEXT = "2m";
    public static final Duration DEFAULT_SMOKE_TIMEOUT = Durations.parse("smoke-timeout", DEFAULT_SMOKE_TIMEOUT_TEXT);

    /** Only the deploy itself. */
    public static final DeployOptions NONE = new DeployOptions(null, List.of(), null, null, null, null);

    public DeployOptions {
        smokeChecks = smokeChecks == null ? List.of() : List.copyOf(smokeChecks);
        if (smokeTimeout != null && (smokeTimeout.isNegative() || smokeTimeout.isZero())) {
            throw new InvalidInputException("smoke-timeout", "must be longer than zero, got " + smokeTimeout);
        }
    }

    public DeployOptions withDatabase(DatabaseStrategy newDatabase) {
        return new DeployOptions(newDatabase, smokeChecks, smokeBaseUrl, smokeTimeout, baseline, drift);
    }

    public DeployOptions withSmokeChecks(List<SmokeCheck> newChecks) {
        return new DeployOptions(database, newChecks, smokeBaseUrl, smokeTimeout, baseline, drift);
    }

    public DeployOptions withSmokeBaseUrl(URI newBaseUrl) {
        return new DeployOptions(database, smokeChecks, newBaseUrl, smokeTimeout, baseline, drift);
    }

    public DeployOptions withSmokeTimeout(Duration newTimeout) {
        return new DeployOptions(database, smokeChecks, smokeBaseUrl, newTimeout, baseline, drift);
    }

    public DeployOptions withBaseline(ChangeBaseline newBaseline) {
        return new DeployOptions(database, smokeChecks, smokeBaseUrl, smokeTimeout, newBaseline, drift);
    }

    public DeployOptions withDrift(Drift newDrift) {
        return new DeployOptions(database, smokeChecks, smokeBaseUrl, smokeTimeout, baseline, newDrift);
    }
}
