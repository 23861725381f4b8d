package io.jenkins.plugins.branchdeploy.engine.shaping;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.branchdeploy.engine.branch.BranchRef;
import io.jenkins.plugins.branchdeploy.engine.request.Quota;
import io.jenkins.plugins.branchdeploy.engine.manifest.ManifestRenderer;
import io.jenkins.plugins.branchdeploy.engine.manifest.ManifestVariables;
import io.jenkins.plugins.branchdeploy.engine.manifest.RenderedManifest;
import io.jenkins.plugins.branchdeploy.engine.naming.EnvironmentNames;
import io.jenkins.plugins.branchdeploy.engine.naming.NamingPolicy;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The totals a ResourceQuota would count: replicas, Jobs and CronJobs, init containers, LimitRange defaults. */
class AppResourcesTest {

    private static final BigDecimal MI = BigDecimal.valueOf(1024L * 1024);

    private final BranchRef branch = BranchRef.of("app", "main");
    private final EnvironmentNames names = NamingPolicy.withDefaults("preview.example.dev").names(branch);

    @TempDir
    Path dir;

    @Test
    void replicasTimesThePodWithRequestsDefaultingToLimits() throws IOException {
        ResourceTotals totals = totals("""
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: web}
                spec:
                  replicas: 3
                  template:
                    spec:
                      containers:
                        - name: web
                          resources: {limits: {cpu: 300m, memory: 256Mi}}
                """);

        assertThat(totals.cpuRequests()).isEqualByComparingTo("0.9");
        assertThat(totals.cpuLimits()).isEqualByComparingTo("0.9");
        assertThat(totals.memoryRequests()).isEqualByComparingTo(MI.multiply(BigDecimal.valueOf(768)));
        assertThat(totals.pods()).isEqualTo(3);
    }

    @Test
    void containersWithoutResourcesGetTheLimitRangeDefaultsCappedAtTheQuota() throws IOException {
        String bare = """
                apiVersion: v1
                kind: Pod
                metadata: {name: bare}
                spec:
                  containers: [{name: app}]
                """;

        ResourceTotals defaults = AppResources.of(render(bare), ContainerDefaults.within(Quota.DEFAULT));
        assertThat(defaults.cpuRequests()).isEqualByComparingTo("0.1");
        assertThat(defaults.cpuLimits()).isEqualByComparingTo("0.5");
        assertThat(defaults.memoryLimits()).isEqualByComparingTo(MI.multiply(BigDecimal.valueOf(512)));

        ResourceTotals capped = AppResources.of(render(bare), ContainerDefaults.within(new Quota("250m", "4Gi", 5)));
        assertThat(capped.cpuLimits()).isEqualByComparingTo("0.25");
    }

    @Test
    void jobsAndCronJobsCountTheirParallelismAndInitContainersTheLargerOfThemAndTheApp() throws IOException {
        ResourceTotals totals = totals("""
                apiVersion: batch/v1
                kind: Job
                metadata: {name: migrate}
                spec:
                  parallelism: 2
                  template:
                    spec:
                      initContainers:
                        - name: wait
                          resources: {requests: {cpu: "1", memory: 64Mi}, limits: {cpu: "1", memory: 64Mi}}
                      containers:
                        - name: migrate
                          resources: {requests: {cpu: 200m, memory: 128Mi}, limits: {cpu: 400m, memory: 128Mi}}
                ---
                apiVersion: batch/v1
                kind: CronJob
                metadata: {name: report}
                spec:
                  schedule: "0 * * * *"
                  jobTemplate:
                    spec:
                      template:
                        spec:
                          containers:
                            - name: report
                              resources: {requests: {cpu: 100m, memory: 64Mi}, limits: {cpu: 100m, memory: 64Mi}}
                """);

        assertThat(totals.cpuRequests()).isEqualByComparingTo("2.1");
        assertThat(totals.cpuLimits()).isEqualByComparingTo("2.1");
        assertThat(totals.memoryLimits()).isEqualByComparingTo(MI.multiply(BigDecimal.valueOf(320)));
        assertThat(totals.pods()).isEqualTo(3);
    }

    @Test
    void anAutoscalersMinimumAboveTheReplicasCounts() throws IOException {
        ResourceTotals totals = totals("""
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: web}
                spec:
                  template:
                    spec:
                      containers: [{name: web, resources: {limits: {cpu: 100m, memory: 64Mi}}}]
                ---
                apiVersion: autoscaling/v2
                kind: HorizontalPodAutoscaler
                metadata: {name: web}
                spec:
                  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}
                  minReplicas: 2
                  maxReplicas: 5
                """);

        assertThat(totals.pods()).isEqualTo(2);
        assertThat(totals.cpuLimits()).isEqualByComparingTo("0.2");
    }

    private ResourceTotals totals(String yaml) throws IOException {
        return AppResources.of(render(yaml), ContainerDefaults.UNCAPPED);
    }

    private List<RenderedManifest> render(String yaml) throws IOException {
        Path file = Files.writeString(dir.resolve("app.yaml"), yaml);
        return new ManifestRenderer(ManifestVariables.forEnvironment(branch, names, Map.of()), null).render(file, names.namespace());
    }
}
