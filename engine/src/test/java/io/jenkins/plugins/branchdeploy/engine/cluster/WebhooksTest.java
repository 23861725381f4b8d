package io.jenkins.plugins.branchdeploy.engine.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.client.dsl.MixedOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceList;
import io.jenkins.plugins.branchdeploy.engine.InvalidInputException;
import io.jenkins.plugins.branchdeploy.engine.ProgressListener;
import io.jenkins.plugins.branchdeploy.engine.branch.BranchRef;
import io.jenkins.plugins.branchdeploy.engine.deploy.DeployInput;
import io.jenkins.plugins.branchdeploy.engine.naming.NamingPolicy;
import io.jenkins.plugins.branchdeploy.engine.request.DeployRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Webhook routes against the sandbox: per environment, the default that moves, teardown and other installations. */
class WebhooksTest {

    private static final Path PAYMENTS = Path.of("src/test/resources/manifests/payments");
    private static final String GATEWAY = "gateway:gateways/preview";
    private static final String HOST = "hooks--shop.preview.example.dev";
    private static final String DEFAULT_ROUTE = "branch-deploy-webhooks-shop";

    private final NamingPolicy naming = NamingPolicy.withDefaults("preview.example.dev");
    private final BranchRef main = BranchRef.of("shop", "main");
    private final BranchRef cart = BranchRef.of("shop", "feature/cart");
    private final List<String> messages = new CopyOnWriteArrayList<>();
    private final ProgressListener progress = messages::add;

    @RegisterExtension
    final SandboxEnvironments sandbox = new SandboxEnvironments(naming);

    @Test
    void anEnvironmentsRouteSendsItsPrefixToTheServiceWithThePrefixRemoved() {
        DeployResult deployed = deploy(cart, "payments:http", GATEWAY);

        assertThat(deployed.succeeded()).isTrue();
        String namespace = naming.names(cart).namespace();
        String prefix = "/" + naming.names(cart).environment();
        GenericKubernetesResource route = httpRoutes().inNamespace(namespace).withName("branch-deploy-webhooks").get();
        assertThat(route.getMetadata().getLabels()).containsEntry(ClusterContract.MANAGED_BY, "branch-deploy");
        assertThat(route.getAdditionalProperties().get("spec")).isEqualTo(Map.of(
                "parentRefs", List.of(Map.of("group", "gateway.networking.k8s.io", "kind", "Gateway", "namespace", "gateways", "name", "preview")),
                "hostnames", List.of(HOST),
                "rules", List.of(Map.of(
                        "matches", List.of(Map.of("path", Map.of("type", "PathPrefix", "value", prefix))),
                        "filters", List.of(Map.of("type", "URLRewrite",
                                "urlRewrite", Map.of("path", Map.of("type", "ReplacePrefixMatch", "replacePrefixMatch", "/")))),
                        "backendRefs", List.of(Map.of("name", "payments", "port", 8080))))));
        GenericKubernetesResource grant = sandbox.client().genericKubernetesResources("gateway.networking.k8s.io/v1beta1", "ReferenceGrant")
                .inNamespace(namespace).withName("branch-deploy-webhooks").get();
        assertThat(grant.getAdditionalProperties().get("spec")).isEqualTo(Map.of(
                "from", List.of(Map.of("group", "gateway.networking.k8s.io", "kind", "HTTPRoute", "namespace", "gateways")),
                "to", List.of(Map.of("group", "", "kind", "Service", "name", "payments"))));
        assertThat(sandbox.client().apps().deployments().inNamespace(namespace).withName("payments").get()
                .getSpec().getTemplate().getSpec().getContainers().get(0).getEnv().get(0).getValue())
                .isEqualTo("https://" + HOST + prefix);
        assertThat(deployed.url()).as("the webhook host is not the environment's").isNull();
        assertThat(messages).contains("Webhooks: https://" + HOST + prefix + "/... reaches Service payments:http as /... through Gateway gateways/preview");

        assertThat(sandbox.environments().lifecycle().teardown(EnvironmentRef.of(cart), progress)).isEqualTo(TeardownOutcome.DELETED);
        assertThat(httpRoutes().inAnyNamespace().list().getItems()).isEmpty();
    }

    @Test
    void theDefaultRouteMovesInOneUpdateAndFallsBackToMainOnTeardown() {
        deploy(main, "payments:8080", GATEWAY);
        deploy(cart, "payments:8080", GATEWAY);
        EnvironmentWebhooks webhooks = sandbox.environments().webhooks();

        webhooks.route(EnvironmentRef.of(cart), progress);
        assertThat(defaultTarget()).isEqualTo(naming.names(cart).namespace());
        sandbox.cluster().requests().clear();
        webhooks.route(EnvironmentRef.of(main), progress);
        assertThat(sandbox.cluster().requests().writes()).singleElement()
                .satisfies(r -> assertThat(r.toString()).startsWith("PUT /apis/gateway.networking.k8s.io/v1/namespaces/gateways/httproutes/" + DEFAULT_ROUTE));
        assertThat(defaultTarget()).isEqualTo(naming.names(main).namespace());

        WebhookListing listing = webhooks.list("shop", progress);
        assertThat(listing.host()).isEqualTo(HOST);
        assertThat(listing.routes()).extracting(e -> e.route().url()).containsExactlyInAnyOrder(
                "https://" + HOST + "/main", "https://" + HOST + "/" + naming.names(cart).environment());
        assertThat(listing.defaultRoute().environment().branch()).isEqualTo("main");

        webhooks.route(EnvironmentRef.of(cart), progress);
        sandbox.environments().lifecycle().teardown(EnvironmentRef.of(cart), progress);
        assertThat(defaultTarget()).isEqualTo(naming.names(main).namespace());
        assertThat(messages).contains("The default webhook route of shop falls back to " + naming.names(main).namespace());

        sandbox.environments().lifecycle().teardown(EnvironmentRef.of(main), progress);
        assertThat(httpRoutes().inNamespace("gateways").withName(DEFAULT_ROUTE).get()).isNull();
    }

    @Test
    void aRedeployWithoutWebhooksSendsTheDefaultRouteBackToMain(@TempDir Path dir) throws IOException {
        deploy(main, "payments:8080", GATEWAY);
        deploy(cart, "payments:8080", GATEWAY);
        sandbox.environments().webhooks().route(EnvironmentRef.of(cart), progress);
        Path withoutWebhooks = Files.createDirectories(dir.resolve("payments"));
        try (var files = Files.list(PAYMENTS)) {
            for (Path file : files.toList()) {
                Files.writeString(withoutWebhooks.resolve(file.getFileName()), Files.readString(file).replace("${WEBHOOK_URL}", "none"));
            }
        }

        DeployResult redeployed = sandbox.environments().deploys().deploy(new DeployInput(cart, withoutWebhooks).request(), progress);

        assertThat(redeployed.succeeded()).as(redeployed.failureReason()).isTrue();
        assertThat(httpRoutes().inNamespace(naming.names(cart).namespace()).withName("branch-deploy-webhooks").get()).isNull();
        assertThat(defaultTarget()).isEqualTo(naming.names(main).namespace());
        assertThat(messages).contains("The default webhook route of shop falls back to " + naming.names(main).namespace());
    }

    @Test
    void concurrentMovesEndWithExactlyOneDefault() throws Exception {
        deploy(main, "payments:8080", GATEWAY);
        deploy(cart, "payments:8080", GATEWAY);
        EnvironmentWebhooks webhooks = sandbox.environments().webhooks();
        webhooks.route(EnvironmentRef.of(main), progress);
        // another process moved it between this one's read and its update
        sandbox.cluster().faults().failOnce("PUT", "/apis/gateway.networking.k8s.io/v1/namespaces/gateways/httproutes/" + DEFAULT_ROUTE,
                409, "the object has been modified; please apply your changes to the latest version and try again");
        webhooks.route(EnvironmentRef.of(cart), progress);
        assertThat(defaultTarget()).isEqualTo(naming.names(cart).namespace());

        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> moves = List.of(
                    pool.submit(() -> { for (int i = 0; i < 5; i++) { webhooks.route(EnvironmentRef.of(main), progress); } }),
                    pool.submit(() -> { for (int i = 0; i < 5; i++) { webhooks.route(EnvironmentRef.of(cart), progress); } }));
            for (Future<?> move : moves) {
                move.get();
            }
        } finally {
            pool.shutdown();
        }
        List<GenericKubernetesResource> defaults = httpRoutes().inNamespace("gateways").list().getItems();
        assertThat(defaults).singleElement().satisfies(route -> {
            String environment = route.getMetadata().getLabels().get(ClusterContract.ENVIRONMENT);
            BranchRef chosen = environment.equals("main") ? main : cart;
            assertThat(WebhookDefault.target(route)).isEqualTo(naming.names(chosen).namespace());
        });
    }

    @Test
    void anotherInstallationsDefaultRouteIsNeverTouched() {
        deploy(cart, "payments:8080", GATEWAY);
        GenericKubernetesResource foreign = new GenericKubernetesResourceBuilder().withApiVersion("gateway.networking.k8s.io/v1")
                .withKind("HTTPRoute").withNewMetadata().withName(DEFAULT_ROUTE).withNamespace("gateways")
                .withLabels(Map.of(ClusterContract.MANAGED_BY, "branch-deploy", ClusterContract.INSTALLATION, "ci-2")).endMetadata()
                .withAdditionalProperties(Map.of("spec", Map.of("hostnames", List.of(HOST)))).build();
        httpRoutes().inNamespace("gateways").resource(foreign).create();
        String version = httpRoutes().inNamespace("gateways").withName(DEFAULT_ROUTE).get().getMetadata().getResourceVersion();

        assertThatThrownBy(() -> sandbox.environments().webhooks().route(EnvironmentRef.of(cart), progress))
                .isInstanceOf(ForeignRouteException.class)
                .hasMessageStartingWith("HTTPRoute gateways/" + DEFAULT_ROUTE + " is not a default webhook route of installation 'ci-1'");
        sandbox.environments().lifecycle().teardown(EnvironmentRef.of(cart), progress);

        assertThat(httpRoutes().inNamespace("gateways").withName(DEFAULT_ROUTE).get().getMetadata().getResourceVersion()).isEqualTo(version);
    }

    @Test
    void aTeardownThatMayNotReadTheDefaultRouteWarnsAndStillTearsDown() {
        deploy(cart, "payments:8080", GATEWAY);
        sandbox.cluster().faults().failOnce("GET", "/apis/gateway.networking.k8s.io/v1/namespaces/gateways/httproutes/" + DEFAULT_ROUTE,
                403, "httproutes.gateway.networking.k8s.io is forbidden");

        assertThat(sandbox.environments().lifecycle().teardown(EnvironmentRef.of(cart), progress)).isEqualTo(TeardownOutcome.DELETED);

        assertThat(messages).anySatisfy(m -> assertThat(m).startsWith("WARNING: Could not move the default webhook route of shop away from "
                + naming.names(cart).namespace()));
    }

    @Test
    void aFailedDeployLeavesItsRoutesInItsMarkedNamespaceOnly() {
        String namespace = naming.names(cart).namespace();
        sandbox.cluster().faults().failOnce("PATCH", "/apis/gateway.networking.k8s.io/v1beta1/namespaces/" + namespace
                + "/referencegrants/branch-deploy-webhooks", 403, "referencegrants is forbidden");

        DeployResult failed = deploy(cart, "payments:8080", GATEWAY);

        assertThat(failed.succeeded()).isFalse();
        assertThat(failed.appliedResources()).contains("HTTPRoute/branch-deploy-webhooks");
        assertThat(sandbox.client().namespaces().withName(namespace).get().getMetadata().getAnnotations())
                .containsEntry(ClusterContract.STATUS, "failed");
        assertThat(httpRoutes().inAnyNamespace().list().getItems()).allSatisfy(r -> assertThat(r.getMetadata().getNamespace()).isEqualTo(namespace));
        sandbox.environments().lifecycle().teardown(EnvironmentRef.of(cart), progress);
        assertThat(httpRoutes().inAnyNamespace().list().getItems()).isEmpty();
    }

    @Test
    void aScaledDownEnvironmentKeepsItsRoutes() {
        deploy(cart, "payments:8080", GATEWAY);
        sandbox.environments().webhooks().route(EnvironmentRef.of(cart), progress);

        sandbox.environments().lifecycle().scaleDown(EnvironmentRef.of(cart), ScaleDownCause.IDLE, progress);

        assertThat(httpRoutes().inNamespace(naming.names(cart).namespace()).withName("branch-deploy-webhooks").get()).isNotNull();
        assertThat(defaultTarget()).isEqualTo(naming.names(cart).namespace());
    }

    @Test
    void throughAnIngressTheControllersAnnotationsRemoveThePrefix() {
        DeployRequest request = new DeployInput(cart, PAYMENTS).expose(null, null, "nginx", null)
                .webhooks("payments:8080", "webhooks-{app}.{domain}", List.of(
                        "nginx.ingress.kubernetes.io/use-regex=true", "nginx.ingress.kubernetes.io/rewrite-target=/$2"))
                .request();

        assertThat(sandbox.environments().deploys().deploy(request, progress).succeeded()).isTrue();

        Ingress ingress = sandbox.client().network().v1().ingresses().inNamespace(naming.names(cart).namespace())
                .withName("branch-deploy-webhooks").get();
        assertThat(ingress.getMetadata().getAnnotations()).containsEntry("nginx.ingress.kubernetes.io/rewrite-target", "/$2");
        assertThat(ingress.getSpec().getIngressClassName()).isEqualTo("nginx");
        var rule = ingress.getSpec().getRules().get(0);
        assertThat(rule.getHost()).isEqualTo("webhooks-shop.preview.example.dev");
        assertThat(rule.getHttp().getPaths().get(0).getPath()).isEqualTo("/" + naming.names(cart).environment() + "(/|$)(.*)");
        assertThatThrownBy(() -> sandbox.environments().webhooks().route(EnvironmentRef.of(cart), progress))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("the default route needs a Gateway");
    }

    @Test
    void badInputIsRefusedBeforeAnyRequest() {
        assertThatThrownBy(() -> deploy(cart, "web:8080", GATEWAY))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("webhooks: the manifests have no Service 'web'; send them to one of payments");
        assertThatThrownBy(() -> deploy(cart, "payments", GATEWAY))
                .hasMessage("webhooks: Service 'payments' has several ports, 8080 (http), 9090 (metrics); say which, e.g. payments:8080");
        assertThatThrownBy(() -> new DeployInput(cart, PAYMENTS).webhooks("payments:8080", "hooks_{app}.{domain}", List.of()))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("webhookHostTemplate: 'hooks_{app}.{domain}' makes 'hooks_app.example.dev', which is not a host name");
        assertThatThrownBy(() -> new DeployInput(cart, PAYMENTS).webhooks("payments:8080", "{branch}.{domain}", List.of()))
                .hasMessageStartingWith("webhookHostTemplate: '{branch}.{domain}' has {branch}; a webhook host is one per app");
        assertThatThrownBy(() -> sandbox.environments().webhooks().route(EnvironmentRef.of(cart), progress))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("branch: there is no environment of app shop for branch feature/cart");
        assertThat(sandbox.cluster().requests().writes()).isEmpty();

        DeployRequest withoutWebhooks = new DeployInput(main, Path.of("../docs/examples/shop")).variables(Map.of("IMAGE_TAG", "1.0")).request();
        assertThat(sandbox.environments().deploys().deploy(withoutWebhooks, progress).succeeded()).isTrue();
        sandbox.cluster().requests().clear();
        assertThatThrownBy(() -> sandbox.environments().webhooks().route(EnvironmentRef.of(main), progress))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("webhooks: the environment in shop-main has no webhooks; deploy it with webhooks SERVICE[:PORT]");
        assertThat(sandbox.cluster().requests().writes()).isEmpty();
    }

    @Test
    void anEnvironmentWithoutWebhooksIsTornDownWithoutAskingForRoutes() {
        DeployRequest withoutWebhooks = new DeployInput(main, Path.of("../docs/examples/shop")).variables(Map.of("IMAGE_TAG", "1.0")).request();
        assertThat(sandbox.environments().deploys().deploy(withoutWebhooks, progress).succeeded()).isTrue();
        sandbox.cluster().requests().clear();

        sandbox.environments().lifecycle().teardown(EnvironmentRef.of(main), progress);

        assertThat(sandbox.cluster().requests().all()).noneSatisfy(r -> assertThat(r.path()).contains("httproutes"));
    }

    @Test
    void webhookUrlWithoutWebhooksIsRefusedBeforeAnyRequest() {
        assertThatThrownBy(() -> deploy(cart, null, null))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageEndingWith("${WEBHOOK_URL} is the environment's webhook URL, which only a deploy with webhooks has; "
                        + "add webhooks SERVICE[:PORT] (--webhooks, Pipeline: webhooks)");
        assertThat(sandbox.cluster().requests().writes()).isEmpty();
    }

    private DeployResult deploy(BranchRef branch, String webhooks, String routeVia) {
        DeployRequest request = new DeployInput(branch, PAYMENTS).expose(null, routeVia, null, null)
                .webhooks(webhooks, null, List.of()).request();
        return sandbox.environments().deploys().deploy(request, progress);
    }

    private MixedOperation<GenericKubernetesResource, GenericKubernetesResourceList, Resource<GenericKubernetesResource>> httpRoutes() {
        return sandbox.client().genericKubernetesResources("gateway.networking.k8s.io/v1", "HTTPRoute");
    }

    private String defaultTarget() {
        return WebhookDefault.target(httpRoutes().inNamespace("gateways").withName(DEFAULT_ROUTE).get());
    }
}
