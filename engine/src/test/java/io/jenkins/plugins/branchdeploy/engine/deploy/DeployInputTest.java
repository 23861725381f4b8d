package io.jenkins.plugins.branchdeploy.engine.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.branchdeploy.engine.InvalidInputException;
import io.jenkins.plugins.branchdeploy.engine.RefusedException;
import io.jenkins.plugins.branchdeploy.engine.branch.BranchRef;
import io.jenkins.plugins.branchdeploy.engine.branch.ChangeRequest;
import io.jenkins.plugins.branchdeploy.engine.report.Drift;
import io.jenkins.plugins.branchdeploy.engine.request.DeployRequest;
import io.jenkins.plugins.branchdeploy.engine.request.Quota;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** What both front ends rely on: one place for defaults, checks and their messages. */
class DeployInputTest {

    private static final BranchRef BRANCH = BranchRef.of("shop", "feature/cart");
    private static final Path MANIFESTS = Path.of("../docs/examples/shop");

    @Test
    void nothingTypedMeansTheDefaults() {
        DeployInput input = new DeployInput(BRANCH, MANIFESTS).quota(null, null).ttl(null, " ").timeout(null)
                .smokeTimeout("").baseline(null, null).drift(null, null, null);

        DeployRequest request = input.request();
        assertThat(request.ttl()).isEqualTo(Duration.ofDays(7)).isEqualTo(DeployRequest.DEFAULT_TTL);
        assertThat(request.timeout()).isEqualTo(Duration.ofMinutes(5));
        assertThat(request.quota()).isEqualTo(Quota.DEFAULT);
        assertThat(input.options()).isEqualTo(DeployOptions.NONE);
        assertThat(DeployOptions.DEFAULT_SMOKE_TIMEOUT).isEqualTo(Duration.ofMinutes(2));
    }

    @Test
    void typedValuesReplaceTheConfiguredOnes() {
        DeployRequest request = new DeployInput(BRANCH, MANIFESTS)
                .quota(new Quota("1", "1Gi", 5), "pods=30")
                .ttl(Duration.ofDays(3), "12h")
                .timeout("90s")
                .sourceNamespace(" shop ")
                .request();

        assertThat(request.quota()).isEqualTo(new Quota("1", "1Gi", 30));
        assertThat(request.ttl()).isEqualTo(Duration.ofHours(12));
        assertThat(request.timeout()).isEqualTo(Duration.ofSeconds(90));
        assertThat(request.sourceNamespace()).isEqualTo("shop");
        assertThat(new DeployInput(BRANCH, MANIFESTS).ttl(Duration.ofDays(3), null).request().ttl())
                .as("the configuration's time to live where none is typed").isEqualTo(Duration.ofDays(3));
    }

    @Test
    void driftIsCountedAgainstThePullRequestsTargetElseMain() {
        BranchRef pullRequest = BRANCH.withChange(new ChangeRequest(7, "release/2", false, null));

        assertThat(new DeployInput(pullRequest, MANIFESTS).drift(12, null, null).options().drift())
                .isEqualTo(new Drift("release/2", 12, Drift.DEFAULT_THRESHOLD));
        assertThat(new DeployInput(BRANCH, MANIFESTS).drift(12, 5, null).options().drift())
                .isEqualTo(new Drift("main", 12, 5));
        assertThat(new DeployInput(pullRequest, MANIFESTS).drift(12, null, "develop").options().drift().target())
                .isEqualTo("develop");
    }

    @Test
    void theBaselineIsANamespaceOrMainsManifestsNotBoth() {
        assertThat(new DeployInput(BRANCH, MANIFESTS).baseline("production", null).options().baseline())
                .isEqualTo(new ChangeBaseline.Namespace("production"));
        assertThatThrownBy(() -> new DeployInput(BRANCH, MANIFESTS).baseline("production", MANIFESTS))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("baseline-namespace: give either a baseline namespace or baseline manifests, not both");
    }

    @Test
    void badTextIsARefusalNamingTheField() {
        assertThatThrownBy(() -> new DeployInput(BRANCH, MANIFESTS).ttl(null, "a week"))
                .isInstanceOf(RefusedException.class)
                .hasMessageStartingWith("ttl: 'a week' is not a duration")
                .satisfies(e -> assertThat(((RefusedException) e).badInput()).isTrue());
        assertThatThrownBy(() -> new DeployInput(BRANCH, MANIFESTS).quota(Quota.DEFAULT, "cpu=lots"))
                .hasMessageStartingWith("quota: cpu 'lots' is not a Kubernetes quantity");
        assertThatThrownBy(() -> new DeployInput(BRANCH, MANIFESTS).smokeTimeout("soon"))
                .hasMessageStartingWith("smoke-timeout: ");
    }
}
