package io.jenkins.plugins.branchdeploy.engine.deploy;

import io.jenkins.plugins.branchdeploy.engine.cluster.DeployResult;
import io.jenkins.plugins.branchdeploy.engine.history.DeployHistory;
import io.jenkins.plugins.branchdeploy.engine.report.ChangeReport;
import io.jenkins.plugins.branchdeploy.engine.report.Drift;
import io.jenkins.plugins.branchdeploy.engine.smoke.SmokeReport;
import java.util.List;

/**
 * Everything one deploy by {@link BranchDeployer} produced. Holds no secret value.
 *
 * @param deploy the deploy itself; {@code FAILED} also when a smoke test that is not advisory
 *     failed, or the database could not be provisioned. Its phases include {@code database} and
 *     {@code smoke} when those ran
 * @param smoke the smoke test results, or {@code null} when none ran
 * @param changes the change report versus main, with the drift, or {@code null} when none was asked for
 *     (or main could not be read, which the progress listener was told)
 * @param drift how far the branch is behind its target, or {@code null} when not known
 * @param history the environment's deploy history after this deploy; empty when it has no environment
 * @param adjustments what the deploy changed in or added to the manifests, one line each (load balancers, the exposure, an auto quota)
 * @param warnings what the user should fix, e.g. that nothing routes to the environment's host
 * @param webhookUrl the environment's webhook base URL ({@code ${WEBHOOK_URL}}), or {@code null} without webhooks
 */
public record DeployOutcome(DeployResult deploy, SmokeReport smoke, ChangeReport changes, Drift drift, DeployHistory history,
        List<String> adjustments, List<String> warnings, String webhookUrl) {

    public DeployOutcome {
        adjustments = List.copyOf(adjustments);
        warnings = List.copyOf(warnings);
    }

    public boolean succeeded() {
        return deploy.succeeded();
    }
}
