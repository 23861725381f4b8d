package io.jenkins.plugins.branchdeploy.engine.argocd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.jenkins.plugins.branchdeploy.engine.branch.BranchRef;
import io.jenkins.plugins.branchdeploy.engine.naming.EnvironmentNames;
import io.jenkins.plugins.branchdeploy.engine.naming.NamingPolicy;
import io.jenkins.plugins.branchdeploy.engine.request.ApplyWith;
import io.jenkins.plugins.branchdeploy.engine.request.ManifestSource;
import io.jenkins.plugins.branchdeploy.engine.request.SourceOptions;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ArgoCdApplicationTest {

    private static final String COMMIT = "4f2a9c1e0b7d3a5f6e8c9b0a1d2e3f4a5b6c7d8e";
    private static final EnvironmentNames NAMES = NamingPolicy.withDefaults("preview.example.dev")
            .names(BranchRef.of("shop", "feature/cart").withCommit(COMMIT));
    private static final ApplyWith.ArgoCd ARGO_CD = new ApplyWith.ArgoCd("argocd", "default", "https://github.com/acme/shop.git",
            "charts/shop", COMMIT, ApplyWith.ArgoCd.IN_CLUSTER, List.of("values-preview.yaml", "../../config/shared.yaml"));
    private static final KubernetesSerialization JSON = new KubernetesSerialization();

    @Test
    void aChartBecomesAHelmSourceAtTheCommitSyncedIntoTheEnvironmentsNamespace() {
        Map<String, String> set = new LinkedHashMap<>();
        set.put("replicaCount", "2");
        set.put("image.tag", "1.4.2");
        GenericKubernetesResource application = ArgoCdApplication.of(ARGO_CD, NAMES, ManifestSource.HELM,
                new SourceOptions(null, List.of(Path.of("charts/shop/values-preview.yaml"), Path.of("config/shared.yaml")), set, false),
                Map.of("app.kubernetes.io/managed-by", "branch-deploy"), Map.of("branchdeploy.jenkins.io/commit", COMMIT));

        assertThat(application.getMetadata().getName()).isEqualTo(NAMES.namespace());
        assertThat(application.getMetadata().getNamespace()).isEqualTo("argocd");
        assertThat(application.getMetadata().getFinalizers()).containsExactly("resources-finalizer.argocd.argoproj.io");
        assertThat(application.getMetadata().getLabels()).containsEntry("app.kubernetes.io/managed-by", "branch-deploy");
        assertThat(JSON.asJson(application.getAdditionalProperties().get("spec"))).isEqualTo("""
                {"project":"default","source":{"repoURL":"https://github.com/acme/shop.git","path":"charts/shop",\
                "targetRevision":"%s","helm":{"releaseName":"%s","valueFiles":["values-preview.yaml","../../config/shared.yaml"],\
                "parameters":[{"name":"replicaCount","value":"2"},{"name":"image.tag","value":"1.4.2"}]}},\
                "destination":{"server":"https://kubernetes.default.svc","namespace":"%s"},\
                "syncPolicy":{"automated":{"prune":true},"syncOptions":["CreateNamespace=false"]}}"""
                .formatted(COMMIT, NAMES.helmRelease(), NAMES.namespace()));
    }

    @Test
    void anOverlayIsReHomedAndANamedClusterIsTheDestination() {
        ApplyWith.ArgoCd named = new ApplyWith.ArgoCd("argocd", "previews", ARGO_CD.repoUrl(), "overlays/preview", "main", "staging", List.of());

        Map<?, ?> spec = (Map<?, ?>) ArgoCdApplication.of(named, NAMES, ManifestSource.KUSTOMIZE, SourceOptions.DETECT, Map.of(), Map.of()).getAdditionalProperties().get("spec");

        assertThat(((Map<?, ?>) spec.get("source")).get("kustomize")).isEqualTo(Map.of("namespace", NAMES.namespace()));
        assertThat(spec.get("destination")).isEqualTo(Map.of("name", "staging", "namespace", NAMES.namespace()));
        assertThat(spec.get("project")).isEqualTo("previews");
    }

    @Test
    void helmTestsAreRefusedAsArgoCdDoesNotRunThem() {
        assertThatThrownBy(() -> ArgoCdApplication.of(ARGO_CD, NAMES, ManifestSource.HELM,
                new SourceOptions(null, List.of(), Map.of(), true), Map.of(), Map.of()))
                .hasMessageStartingWith("helmTests: Argo CD does not run a chart's Helm tests");
    }

    @Test
    void theStateSaysDoneOnlyWhenSyncedToTheRevisionAndHealthy() {
        assertThat(state("Synced", COMMIT, "Healthy", "Succeeded", List.of()).done(ARGO_CD)).isTrue();
        assertThat(state("Synced", "0000000", "Healthy", "Succeeded", List.of()).done(ARGO_CD)).isFalse();
        assertThat(state("OutOfSync", COMMIT, "Healthy", "Succeeded", List.of()).done(ARGO_CD)).isFalse();
        assertThat(state("Synced", COMMIT, "Healthy", "Running", List.of()).done(ARGO_CD)).isFalse();
        assertThat(state("", "", "", "", List.of()).describe()).isEqualTo("sync not reported yet, health not reported yet");
    }

    @Test
    void aDegradedAppAtTheRevisionFailsNamingTheUnhealthyResource() {
        Map<String, Object> web = new LinkedHashMap<>(Map.of("kind", "Deployment", "name", "web",
                "health", Map.of("status", "Degraded", "message", "exceeded its progress deadline")));
        ApplicationState degraded = state("Synced", COMMIT, "Degraded", "Succeeded", List.of(web));

        assertThat(degraded.failure(ARGO_CD)).hasValue(
                "Argo CD reports the application Degraded; Deployment/web: Degraded (exceeded its progress deadline)");
        assertThat(state("Synced", "0000000", "Degraded", "Succeeded", List.of(web)).failure(ARGO_CD)).isEmpty();
        assertThat(state("OutOfSync", "", "Missing", "Failed", List.of()).failure(ARGO_CD)).hasValueSatisfying(
                f -> assertThat(f).startsWith("Argo CD's sync failed: "));
    }

    private static ApplicationState state(String sync, String revision, String health, String operation, List<Object> resources) {
        GenericKubernetesResource application = new GenericKubernetesResource();
        application.setAdditionalProperty("status", Map.of(
                "sync", Map.of("status", sync, "revision", revision),
                "health", Map.of("status", health),
                "operationState", Map.of("phase", operation, "message", "one or more objects failed to apply"),
                "resources", resources));
        return ApplicationState.of(application);
    }
}
