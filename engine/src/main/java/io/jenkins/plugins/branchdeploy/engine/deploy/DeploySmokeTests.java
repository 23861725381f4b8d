package io.jenkins.plugins.branchdeploy.engine.deploy;

import io.jenkins.plugins.branchdeploy.engine.InvalidInputException;
import io.jenkins.plugins.branchdeploy.engine.ProgressListener;
import io.jenkins.plugins.branchdeploy.engine.cluster.DeployResult;
import io.jenkins.plugins.branchdeploy.engine.naming.EnvironmentNames;
import io.jenkins.plugins.branchdeploy.engine.smoke.SmokeReport;
import io.jenkins.plugins.branchdeploy.engine.smoke.SmokeRunner;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/** The smoke-test step of a deploy: refused early without a URL, run after the rollout, timed. */
final class DeploySmokeTests {

    private DeploySmokeTests() {}

    /** Smoke tests need a URL: refused before anything is written when nothing routes to the environment. */
    static void refuseWithoutUrl(String url, DeployOptions options, EnvironmentNames names) {
        if (!options.smokeChecks().isEmpty() && options.smokeBaseUrl() == null && url == null) {
            throw new InvalidInputException("smoke-tests", "the smoke tests need a URL, and nothing routes to " + names.host()
                    + "; expose a Service (--expose SERVICE, Pipeline: expose: 'SERVICE'), add an Ingress for ${HOST}, "
                    + "or send the checks elsewhere with --smoke-base-url");
        }
    }

    /** Runs the smoke tests against the live URL (or the base URL given), timed as phase {@code smoke}. */
    static SmokeReport run(DeployResult result, DeployOptions options, Map<String, Duration> phases,
            ProgressListener progress) throws InterruptedException {
        long started = System.nanoTime();
        URI url = options.smokeBaseUrl() != null ? options.smokeBaseUrl() : URI.create(result.url());
        SmokeReport smoke = SmokeRunner.create(progress).run(url, options.smokeChecks(),
                Objects.requireNonNullElse(options.smokeTimeout(), DeployOptions.DEFAULT_SMOKE_TIMEOUT));
        phases.put("smoke", Duration.ofNanos(System.nanoTime() - started));
        return smoke;
    }

    /** The reason a deploy failed its smoke tests, naming each failed check. */
    static String failure(SmokeReport smoke) {
        return "smoke tests failed: " + smoke.failures().stream()
                .map(r -> r.name() + " (" + r.reason() + ")").collect(Collectors.joining("; "));
    }
}
