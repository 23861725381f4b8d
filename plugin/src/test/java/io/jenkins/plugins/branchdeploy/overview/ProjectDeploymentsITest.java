package io.jenkins.plugins.branchdeploy.overview;

import io.jenkins.plugins.branchdeploy.config.SettingsResolver;
import static org.assertj.core.api.Assertions.assertThat;

import com.cloudbees.hudson.plugins.folder.Folder;
import hudson.ExtensionList;
import hudson.model.FreeStyleProject;
import hudson.model.Item;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.jenkins.plugins.branchdeploy.InlineCode;
import io.jenkins.plugins.branchdeploy.KubernetesApi;
import io.jenkins.plugins.branchdeploy.config.BranchDeployConfiguration;
import io.jenkins.plugins.branchdeploy.config.ClusterConfig;
import io.jenkins.plugins.branchdeploy.engine.cluster.ClusterContract;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jenkins.model.Jenkins;
import org.htmlunit.HttpMethod;
import org.htmlunit.WebRequest;
import org.htmlunit.html.DomNode;
import org.htmlunit.html.HtmlAnchor;
import org.htmlunit.html.HtmlPage;
import org.htmlunit.html.HtmlTable;
import org.htmlunit.html.HtmlTableRow;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.MockAuthorizationStrategy;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * A folder's Branch deployments page: its projects' environments only, with the job and build that
 * deployed each, and changes for users who may configure the project that owns the environment.
 */
@WithJenkins
class ProjectDeploymentsITest {

    private final Instant created = Instant.now().minus(Duration.ofDays(1)).truncatedTo(ChronoUnit.SECONDS);
    private JenkinsRule r;
    private KubernetesApi api;

    @BeforeEach
    void configure(JenkinsRule rule) throws Exception {
        r = rule;
        api = new KubernetesApi();
        ClusterConfig staging = new ClusterConfig("staging");
        staging.setServerUrl(api.url());
        BranchDeployConfiguration config = BranchDeployConfiguration.get();
        config.setClusters(List.of(staging));
        config.setDomain("preview.example.dev");
        String installation = new SettingsResolver(config).installationId();

        Folder team = r.jenkins.createProject(Folder.class, "team");
        FreeStyleProject shop = team.createProject(FreeStyleProject.class, "shop");
        team.createProject(FreeStyleProject.class, "other");
        r.buildAndAssertSuccess(shop);

        addEnvironment("shop-cart", installation, "shop", "feature/cart", "team/shop", "team/shop#1");
        addEnvironment("shop-login", installation, "shop", "feature/login", "team/shop", null);
        addEnvironment("other-main", installation, "other", "main", "team/other", null);
        addEnvironment("web-main", installation, "web", "main", "team-web/web", null);
        addEnvironment("cli-main", installation, "cli", "main", null, null);

        r.jenkins.setSecurityRealm(r.createDummySecurityRealm());
        r.jenkins.setAuthorizationStrategy(new MockAuthorizationStrategy()
                .grant(Jenkins.ADMINISTER).everywhere().to("admin")
                .grant(Jenkins.READ, Item.READ).everywhere().to("developer", "viewer")
                .grant(Item.CONFIGURE).onItems(shop).to("developer"));
    }

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void listsOnlyThisFoldersEnvironmentsWithTheJobAndBuildThatDeployedThem() throws Exception {
        JenkinsRule.WebClient viewer = r.createWebClient().login("viewer");
        HtmlPage folder = viewer.goTo("job/team/");
        DomNode sideLink = folder.querySelector("a[href$='job/team/branch-deployments']");
        assertThat(sideLink).as("the folder's side panel links to it").isNotNull();

        HtmlPage page = viewer.goTo("job/team/branch-deployments/");

        List<HtmlTableRow> rows = rows(page);
        assertThat(rows).extracting(row -> row.getAttribute("data-namespace")).containsExactly("other-main", "shop-cart", "shop-login");
        HtmlTableRow cart = rows.get(1);
        HtmlAnchor job = cart.querySelector("a.branch-deploy-job");
        HtmlAnchor build = cart.querySelector("a.branch-deploy-build");
        assertThat(job.getHrefAttribute()).endsWith("job/team/job/shop/");
        assertThat(build.getHrefAttribute()).endsWith("job/team/job/shop/1/");
        assertThat(cart.querySelector(".jenkins-badge").getTextContent().trim()).isEqualTo("Ready");
        assertThat(page.asNormalizedText()).doesNotContain("web-main", "cli-main");
        DomNode table = page.querySelector("table[data-cluster='staging']");
        assertThat(InlineCode.in(table)).as("nothing a Content Security Policy blocks").isEmpty();
    }

    @Test
    void onlyThoseWhoMayConfigureTheOwningProjectGetTheButtons() throws Exception {
        List<HtmlTableRow> asDeveloper = rows(r.createWebClient().login("developer").goTo("job/team/branch-deployments/"));
        assertThat(asDeveloper).filteredOn(row -> row.querySelector("form[action='teardown']") != null)
                .extracting(row -> row.getAttribute("data-namespace")).containsExactly("shop-cart", "shop-login");
        HtmlTableRow cart = asDeveloper.get(1);
        assertThat(cart.querySelectorAll("form button").stream().map(DomNode::getTextContent).map(String::trim))
                .containsExactly("Extend", "Scale down", "Send webhooks here", "Tear down");
        DomNode dropdown = cart.querySelector(".jenkins-select select.jenkins-select__input");
        assertThat(dropdown).as("the dropdown in its wrapper").isNotNull();

        List<HtmlTableRow> asViewer = rows(r.createWebClient().login("viewer").goTo("job/team/branch-deployments/"));
        assertThat(asViewer).noneMatch(row -> row.querySelector("form") != null);
    }

    @Test
    void changesAreCheckedAgainstTheOwningProject() throws Exception {
        assertThat(post("viewer", "teardown?cluster=staging&namespace=shop-cart")).isEqualTo(403);
        assertThat(post("developer", "teardown?cluster=staging&namespace=other-main")).isEqualTo(403);
        assertThat(post("developer", "extend?cluster=staging&namespace=other-main&by=3d")).isEqualTo(403);
        assertThat(post("developer", "teardown?cluster=staging&namespace=web-main"))
                .as("another folder's environment is not on this page").isEqualTo(404);
        assertThat(post("developer", "teardown?cluster=staging&namespace=cli-main")).isEqualTo(404);
        assertThat(api.namespace("shop-cart")).isNotNull();
        assertThat(api.namespace("other-main").getMetadata().getAnnotations()).doesNotContainKey(ClusterContract.KEEP_UNTIL);
        assertThat(api.namespace("web-main")).isNotNull();

        assertThat(post("developer", "extend?cluster=staging&namespace=shop-login&by=3d")).isEqualTo(200);
        assertThat(api.namespace("shop-login").getMetadata().getAnnotations()).containsKey(ClusterContract.KEEP_UNTIL);

        assertThat(post("developer", "scaleDown?cluster=staging&namespace=shop-cart")).isEqualTo(200);
        assertThat(status("shop-cart")).isEqualTo("scaled-down");
        DomNode wake = rows(r.createWebClient().login("developer").goTo("job/team/branch-deployments/")).get(1)
                .querySelector("form[action='wake']");
        assertThat(wake).as("a scaled-down environment offers wake").isNotNull();
        assertThat(post("developer", "wake?cluster=staging&namespace=shop-cart")).isEqualTo(200);
        assertThat(status("shop-cart")).isEqualTo("ready");

        assertThat(post("developer", "teardown?cluster=staging&namespace=shop-cart")).isEqualTo(200);
        assertThat(api.namespace("shop-cart")).isNull();
    }

    @Test
    void sendWebhooksHereMovesTheAppsDefaultRouteForThoseWhoMayConfigureTheProject() throws Exception {
        api.client().genericKubernetesResources("gateway.networking.k8s.io/v1", "HTTPRoute").inNamespace("shop-cart")
                .resource(new GenericKubernetesResourceBuilder().withApiVersion("gateway.networking.k8s.io/v1").withKind("HTTPRoute")
                        .withNewMetadata().withName("branch-deploy-webhooks").withNamespace("shop-cart").endMetadata()
                        .withAdditionalProperties(Map.of("spec", Map.of(
                                "parentRefs", List.of(Map.of("namespace", "gateways", "name", "preview")),
                                "hostnames", List.of("hooks--shop.preview.example.dev"),
                                "rules", List.of(Map.of(
                                        "matches", List.of(Map.of("path", Map.of("type", "PathPrefix", "value", "/cart"))),
                                        "backendRefs", List.of(Map.of("name", "api", "port", 8080)))))))
                        .build()).create();
        api.client().namespaces().withName("shop-cart").edit(ns -> {
            ns.getMetadata().getAnnotations().put(ClusterContract.APPLIED, "[\"gateway.networking.k8s.io/v1/HTTPRoute/branch-deploy-webhooks\"]");
            return ns;
        });

        assertThat(post("viewer", "sendWebhooksHere?cluster=staging&namespace=shop-cart")).isEqualTo(403);
        assertThat(post("developer", "sendWebhooksHere?cluster=staging&namespace=shop-login"))
                .as("an environment without webhooks").isEqualTo(400);
        assertThat(post("developer", "sendWebhooksHere?cluster=staging&namespace=shop-cart")).isEqualTo(200);

        GenericKubernetesResource defaultRoute = api.client().genericKubernetesResources("gateway.networking.k8s.io/v1", "HTTPRoute")
                .inNamespace("gateways").withName("branch-deploy-webhooks-shop").get();
        assertThat(defaultRoute.getMetadata().getLabels()).containsEntry(ClusterContract.ENVIRONMENT, "shop-cart");
    }

    @Test
    void changesNeedPost() throws Exception {
        JenkinsRule.WebClient developer = r.createWebClient().login("developer");
        developer.assertFails("job/team/branch-deployments/teardown?cluster=staging&namespace=shop-cart", 405);
        developer.assertFails("job/team/branch-deployments/scaleDown?cluster=staging&namespace=shop-cart", 405);
        developer.assertFails("job/team/branch-deployments/sendWebhooksHere?cluster=staging&namespace=shop-cart", 405);

        assertThat(api.namespace("shop-cart")).isNotNull();
        assertThat(status("shop-cart")).isEqualTo("ready");
    }

    @Test
    void theManagementPageGroupsEveryEnvironmentByProject() throws Exception {
        HtmlPage page = r.createWebClient().login("admin").goTo("manage/branch-deployments");

        assertThat(rows(page)).extracting(row -> row.getAttribute("data-namespace"))
                .containsExactly("web-main", "other-main", "shop-cart", "shop-login", "cli-main");
        String symbol = ExtensionList.lookupSingleton(BranchDeploymentsLink.class).getIconFileName();
        assertThat(symbol).as("not core's Clouds icon").isEqualTo("symbol-branch-deployments plugin-branch-deploy");
        assertThat(getClass().getResource("/images/symbols/branch-deployments.svg")).isNotNull();
    }

    private void addEnvironment(String namespace, String installation, String app, String branch, String owner, String deployedBy) {
        Map<String, String> annotations = new HashMap<>();
        if (owner != null) {
            annotations.put(ClusterContract.OWNER, owner);
        }
        if (deployedBy != null) {
            annotations.put(ClusterContract.DEPLOYED_BY, deployedBy);
        }
        api.addEnvironment(namespace, installation, app, branch, null, created, created.plus(Duration.ofDays(7)), annotations);
    }

    private static List<HtmlTableRow> rows(HtmlPage page) {
        HtmlTable table = page.querySelector("table[data-cluster='staging']");
        assertThat(table).as("the cluster's table").isNotNull();
        return table.getBodies().get(0).getRows();
    }

    private String status(String namespace) {
        return api.namespace(namespace).getMetadata().getAnnotations().get(ClusterContract.STATUS);
    }

    private int post(String user, String url) throws Exception {
        JenkinsRule.WebClient wc = r.createWebClient().withThrowExceptionOnFailingStatusCode(false);
        wc.login(user);
        return wc.getPage(new WebRequest(wc.createCrumbedUrl("job/team/branch-deployments/" + url), HttpMethod.POST))
                .getWebResponse().getStatusCode();
    }
}
