package io.jenkins.plugins.branchdeploy.engine.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPortBuilder;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.DaemonSetBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.batch.v1.CronJobBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.jenkins.plugins.branchdeploy.engine.InvalidInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The change report on the real microservices-demo and podinfo manifests, and on edited copies of them. */
class ChangeReporterTest {

    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();
    private static final String FRONTEND_IMAGE =
            "us-central1-docker.pkg.dev/online-boutique-ci/microservices-demo/frontend:v0.10.6";

    private final List<HasMetadata> main = Manifests.load("microservices-demo");
    private final List<HasMetadata> branch = Manifests.load("microservices-demo");

    @Test
    void theSameManifestsLeaveEveryResourceUnchanged() {
        ChangeReport report = ChangeReporter.compare(branch, main);

        assertThat(report.resources()).hasSize(main.size())
                .allSatisfy(r -> assertThat(r.change()).isEqualTo(ChangeType.UNCHANGED));
        assertThat(report.differences()).isEmpty();
        assertThat(report.summary())
                .isEqualTo("Changes versus main: 0 added, 0 removed, 0 changed, " + main.size() + " unchanged");
    }

    @Test
    void aChangedDeploymentNamesImageReplicasEnvResourcesAndPorts() {
        Deployment frontend = find(branch, Deployment.class, "frontend");
        frontend.getSpec().setReplicas(3);
        Container server = frontend.getSpec().getTemplate().getSpec().getContainers().get(0);
        server.setImage(FRONTEND_IMAGE.replace("v0.10.6", "v0.10.7"));
        env(server, "ENABLE_PROFILER").setValue("1");
        server.getEnv().remove(env(server, "CART_SERVICE_ADDR"));
        server.getEnv().add(new EnvVar("FEATURE_FLAG", "on", null));
        server.getResources().getLimits().put("cpu", new Quantity("500m"));
        server.getResources().getRequests().put("memory", new Quantity("128Mi"));
        server.getPorts().add(new ContainerPortBuilder().withName("metrics").withContainerPort(9090).build());
        server.getReadinessProbe().setInitialDelaySeconds(20);

        ResourceChange change = only(ChangeReporter.compare(branch, main));

        assertThat(change.resource()).isEqualTo(new ResourceKey("Deployment", "frontend"));
        assertThat(change.change()).isEqualTo(ChangeType.CHANGED);
        assertThat(change.fields()).containsExactlyInAnyOrder(
                new FieldChange("replicas", ChangeType.CHANGED, "1", "3"),
                new FieldChange("containers[server].image", ChangeType.CHANGED,
                        FRONTEND_IMAGE, FRONTEND_IMAGE.replace("v0.10.6", "v0.10.7")),
                new FieldChange("containers[server].env[ENABLE_PROFILER]", ChangeType.CHANGED, null, null),
                new FieldChange("containers[server].env[CART_SERVICE_ADDR]", ChangeType.REMOVED, null, null),
                new FieldChange("containers[server].env[FEATURE_FLAG]", ChangeType.ADDED, null, null),
                new FieldChange("containers[server].resources.limits.cpu", ChangeType.CHANGED, "200m", "500m"),
                new FieldChange("containers[server].resources.requests.memory", ChangeType.CHANGED, "64Mi", "128Mi"),
                new FieldChange("containers[server].ports[metrics]", ChangeType.ADDED, null, "9090/TCP"),
                new FieldChange("spec.template.spec.containers[server].readinessProbe.initialDelaySeconds",
                        ChangeType.CHANGED, null, null));
    }

    @Test
    void resourcesOnOneSideOnlyAreAddedOrRemoved() {
        branch.removeIf(r -> r.getMetadata().getName().equals("redis-cart"));
        Deployment reviews = SERIALIZATION.clone(find(branch, Deployment.class, "adservice"));
        reviews.getMetadata().setName("reviews");
        branch.add(reviews);

        ChangeReport report = ChangeReporter.compare(branch, main);

        assertThat(report.differences()).containsExactly(
                new ResourceChange(new ResourceKey("Deployment", "redis-cart"), ChangeType.REMOVED, List.of()),
                new ResourceChange(new ResourceKey("Deployment", "reviews"), ChangeType.ADDED, List.of()),
                new ResourceChange(new ResourceKey("Service", "redis-cart"), ChangeType.REMOVED, List.of()));
        assertThat(report.count(ChangeType.UNCHANGED)).isEqualTo(main.size() - 2);
    }

    @Test
    void secretsAndSecretBackedEnvShowKeyNamesButNeverValuesEncodingsOrHashes() {
        String mainPassword = "main-password-4f1c";
        String branchPassword = "branch-password-9d2e";
        String token = "token-value-7a7a";
        String apiKey = "api-key-value-3b3b";
        String same = "unchanged-value-5c5c";
        main.add(secret(Map.of("password", b64(mainPassword), "token", b64(token), "same", b64(same)), Map.of()));
        branch.add(secret(Map.of("password", b64(branchPassword)), Map.of("apiKey", apiKey, "same", same)));
        env(container(main, "cartservice"), "REDIS_ADDR").setValue(mainPassword);
        Container cart = container(branch, "cartservice");
        cart.getEnv().set(0, new EnvVarBuilder().withName("REDIS_ADDR")
                .withNewValueFrom().withNewSecretKeyRef("password", "db", false).endValueFrom().build());

        ChangeReport report = ChangeReporter.compare(branch, main);

        assertThat(find(report, "Secret", "db").fields()).containsExactlyInAnyOrder(
                new FieldChange("data[password]", ChangeType.CHANGED, null, null),
                new FieldChange("data[token]", ChangeType.REMOVED, null, null),
                new FieldChange("data[apiKey]", ChangeType.ADDED, null, null));
        assertThat(find(report, "Deployment", "cartservice").fields()).containsExactly(
                new FieldChange("containers[server].env[REDIS_ADDR]", ChangeType.CHANGED, null, null));
        String text = ChangeReportText.render(report);
        String html = ChangeReportHtml.render(report);
        assertThat(text).contains("data[password]: changed", "data[apiKey]: added", "data[token]: removed",
                "containers[server].env[REDIS_ADDR]: changed");
        for (String value : List.of(mainPassword, branchPassword, token, apiKey, same)) {
            assertThat(List.of(text, html, report.toString())).allSatisfy(output -> assertThat(output)
                    .doesNotContain(value, b64(value), Sha256.hex(value), Sha256.hex(value).substring(0, 8)));
        }
    }

    @Test
    void configMapKeysAreComparedByName() {
        main.add(configMap("settings", Map.of("log-level", "info", "theme", "dark", "legacy", "x")));
        branch.add(configMap("settings", Map.of("log-level", "debug", "theme", "dark", "feature-x", "on")));

        assertThat(find(ChangeReporter.compare(branch, main), "ConfigMap", "settings").fields()).containsExactlyInAnyOrder(
                new FieldChange("data[log-level]", ChangeType.CHANGED, null, null),
                new FieldChange("data[legacy]", ChangeType.REMOVED, null, null),
                new FieldChange("data[feature-x]", ChangeType.ADDED, null, null));
    }

    @Test
    void everyWorkloadKindIsComparedThroughItsPodTemplateIncludingCustomResources() {
        PodTemplateSpec template = find(main, Deployment.class, "frontend").getSpec().getTemplate();
        List<Function<PodTemplateSpec, HasMetadata>> workloads = List.of(
                t -> new StatefulSetBuilder().withNewMetadata().withName("store").endMetadata()
                        .withNewSpec().withReplicas(1).withTemplate(t).endSpec().build(),
                t -> new DaemonSetBuilder().withNewMetadata().withName("agent").endMetadata()
                        .withNewSpec().withTemplate(t).endSpec().build(),
                t -> new JobBuilder().withNewMetadata().withName("migrate").endMetadata()
                        .withNewSpec().withTemplate(t).endSpec().build(),
                t -> new CronJobBuilder().withNewMetadata().withName("nightly").endMetadata()
                        .withNewSpec().withSchedule("0 3 * * *").withNewJobTemplate().withNewSpec()
                        .withTemplate(t).endSpec().endJobTemplate().endSpec().build(),
                t -> new io.fabric8.kubernetes.api.model.PodBuilder().withNewMetadata().withName("debug").endMetadata()
                        .withSpec(t.getSpec()).build(),
                t -> rollout("canary", t));
        PodTemplateSpec changed = SERIALIZATION.clone(template);
        changed.getSpec().getContainers().get(0).setImage("registry.example/frontend:pr-42");
        List<HasMetadata> mainWorkloads = workloads.stream().map(w -> w.apply(template)).toList();
        List<HasMetadata> branchWorkloads = workloads.stream().map(w -> w.apply(changed)).toList();

        ChangeReport report = ChangeReporter.compare(branchWorkloads, mainWorkloads);

        assertThat(report.resources()).extracting(r -> r.resource().kind())
                .containsExactly("CronJob", "DaemonSet", "Job", "Pod", "Rollout", "StatefulSet");
        assertThat(report.resources()).allSatisfy(r -> assertThat(r.fields()).containsExactly(
                new FieldChange("containers[server].image", ChangeType.CHANGED,
                        FRONTEND_IMAGE, "registry.example/frontend:pr-42")));
    }

    @Test
    void typedAndGenericFormsOfTheSameManifestsCompareEqual() {
        List<HasMetadata> generic = new ArrayList<>(branch.stream().map(ChangeReporterTest::generic).toList());

        assertThat(ChangeReporter.compare(generic, main).differences()).isEmpty();

        generic.replaceAll(r -> r.getKind().equals("Service") && r.getMetadata().getName().equals("frontend")
                ? generic(withPort(SERIALIZATION.clone(find(main, Service.class, "frontend")), 8081))
                : r);
        assertThat(ChangeReporter.compare(generic, main).differences()).containsExactly(new ResourceChange(
                new ResourceKey("Service", "frontend"), ChangeType.CHANGED,
                List.of(new FieldChange("ports[http]", ChangeType.CHANGED, "80 to 8080/TCP", "80 to 8081/TCP"))));
    }

    @Test
    void whatTheApiServerAssignsPerNamespaceIsNoChange() {
        Service frontend = find(branch, Service.class, "frontend");
        frontend.getSpec().setClusterIP("10.96.0.17");
        frontend.getSpec().setClusterIPs(List.of("10.96.0.17"));
        frontend.getSpec().getPorts().get(0).setNodePort(31234);
        frontend.getMetadata().setNamespace("shop-feature-auth");
        frontend.getMetadata().setResourceVersion("4711");
        frontend.getMetadata().setUid("0d7e5d8c-4b8a-4a64-9a1e-000000000001");
        Deployment cart = find(branch, Deployment.class, "cartservice");
        cart.getSpec().setReplicas(1);
        cart.getMetadata().getAnnotations().put("deployment.kubernetes.io/revision", "7");
        cart.setStatus(new io.fabric8.kubernetes.api.model.apps.DeploymentStatusBuilder().withReadyReplicas(1).build());
        cart.getSpec().getTemplate().getMetadata().getLabels().put("branchdeploy.jenkins.io/environment", "feature-auth");
        container(branch, "cartservice").getResources().getLimits().put("cpu", new Quantity("0.3"));

        assertThat(ChangeReporter.compare(branch, main).differences()).isEmpty();
    }

    @Test
    void podinfoAutoscalerChangesAreReportedByPath() {
        List<HasMetadata> podinfoMain = Manifests.load("podinfo-webapp");
        List<HasMetadata> podinfoBranch = Manifests.load("podinfo-webapp");
        HorizontalPodAutoscaler backend = find(podinfoBranch, HorizontalPodAutoscaler.class, "backend");
        backend.getSpec().setMaxReplicas(backend.getSpec().getMaxReplicas() + 2);

        ChangeReport report = ChangeReporter.compare(podinfoBranch, podinfoMain);

        assertThat(report.differences()).containsExactly(new ResourceChange(
                new ResourceKey("HorizontalPodAutoscaler", "backend"), ChangeType.CHANGED,
                List.of(new FieldChange("spec.maxReplicas", ChangeType.CHANGED, null, null))));
        assertThat(report.resources()).hasSize(podinfoMain.size());
    }

    @Test
    void resourcesWithoutSpecOrDataCompareQuietly() {
        GenericKubernetesResource emptyJob = new GenericKubernetesResource();
        emptyJob.setApiVersion("batch/v1");
        emptyJob.setKind("Job");
        emptyJob.setMetadata(new io.fabric8.kubernetes.api.model.ObjectMetaBuilder().withName("empty").build());
        List<HasMetadata> bare = List.of(emptyJob, configMap("bare", Map.of()), secret(Map.of(), Map.of()));

        assertThat(ChangeReporter.compare(bare, bare).differences()).isEmpty();
    }

    @Test
    void aDuplicateResourceIsRefusedByKindAndName() {
        branch.add(SERIALIZATION.clone(find(branch, Deployment.class, "frontend")));

        assertThatThrownBy(() -> ChangeReporter.compare(branch, main))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.getField()).isEqualTo("resources"))
                .hasMessageContaining("Deployment/frontend appears twice in branch");
    }

    static <T extends HasMetadata> T find(List<HasMetadata> resources, Class<T> type, String name) {
        return resources.stream().filter(type::isInstance).map(type::cast)
                .filter(r -> r.getMetadata().getName().equals(name)).findFirst().orElseThrow();
    }

    private static ResourceChange find(ChangeReport report, String kind, String name) {
        return report.resources().stream().filter(r -> r.resource().equals(new ResourceKey(kind, name)))
                .findFirst().orElseThrow();
    }

    private static ResourceChange only(ChangeReport report) {
        assertThat(report.differences()).hasSize(1);
        return report.differences().get(0);
    }

    private static Container container(List<HasMetadata> resources, String deployment) {
        return find(resources, Deployment.class, deployment).getSpec().getTemplate().getSpec().getContainers().get(0);
    }

    private static EnvVar env(Container container, String name) {
        return container.getEnv().stream().filter(e -> e.getName().equals(name)).findFirst().orElseThrow();
    }

    private static Service withPort(Service service, int targetPort) {
        service.getSpec().getPorts().get(0).setTargetPort(new io.fabric8.kubernetes.api.model.IntOrString(targetPort));
        return service;
    }

    private static GenericKubernetesResource generic(HasMetadata resource) {
        return SERIALIZATION.convertValue(resource, GenericKubernetesResource.class);
    }

    @SuppressWarnings("unchecked")
    private static GenericKubernetesResource rollout(String name, PodTemplateSpec template) {
        GenericKubernetesResource rollout = new GenericKubernetesResource();
        rollout.setApiVersion("argoproj.io/v1alpha1");
        rollout.setKind("Rollout");
        rollout.setMetadata(new io.fabric8.kubernetes.api.model.ObjectMetaBuilder().withName(name).build());
        rollout.setAdditionalProperty("spec", Map.of("replicas", 2,
                "template", SERIALIZATION.convertValue(template, Map.class)));
        return rollout;
    }

    static HasMetadata secret(Map<String, String> data, Map<String, String> stringData) {
        return new io.fabric8.kubernetes.api.model.SecretBuilder().withNewMetadata().withName("db").endMetadata()
                .withData(data).withStringData(stringData).build();
    }

    static HasMetadata configMap(String name, Map<String, String> data) {
        return new io.fabric8.kubernetes.api.model.ConfigMapBuilder().withNewMetadata().withName(name).endMetadata()
                .withData(data).build();
    }

    static String b64(String value) {
        return java.util.Base64.getEncoder().encodeToString(value.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
