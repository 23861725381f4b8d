package io.jenkins.plugins.branchdeploy.overview;

import io.jenkins.plugins.branchdeploy.config.SettingsResolver;
import static org.assertj.core.api.Assertions.assertThat;

import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.SystemCredentialsProvider;
import hudson.util.Secret;
import io.fabric8.kubernetes.api.model.Namespace;
import io.jenkins.plugins.branchdeploy.KubernetesApi;
import io.jenkins.plugins.branchdeploy.config.BranchDeployConfiguration;
import io.jenkins.plugins.branchdeploy.config.ClusterConfig;
import io.jenkins.plugins.branchdeploy.config.MetricsFile;
import io.jenkins.plugins.branchdeploy.engine.cluster.ClusterContract;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import jenkins.model.Jenkins;
import org.htmlunit.HttpMethod;
import org.htmlunit.WebRequest;
import org.htmlunit.WebResponse;
import org.htmlunit.html.HtmlPage;
import org.htmlunit.html.HtmlTable;
import org.htmlunit.html.HtmlTableRow;
import org.jenkinsci.plugins.plaincredentials.impl.StringCredentialsImpl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.MockAuthorizationStrategy;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

@WithJenkins
class BranchDeploymentsLinkITest {

    private JenkinsRule r;
    private KubernetesApi api;
    private String installation;
    private final Instant created = Instant.now().minus(Duration.ofDays(2)).truncatedTo(ChronoUnit.SECONDS);

    @BeforeEach
    void configure(JenkinsRule rule) throws Exception {
        r = rule;
        api = new KubernetesApi();
        SystemCredentialsProvider.getInstance().getCredentials().add(
                new StringCredentialsImpl(CredentialsScope.GLOBAL, "k8s-token", "token", Secret.fromString("t0ken")));
        ClusterConfig staging = new ClusterConfig("staging");
        staging.setServerUrl(api.url());
        staging.setCredentialsId("k8s-token");
        ClusterConfig broken = new ClusterConfig("broken");
        broken.setServerUrl(api.url());
        broken.setCredentialsId("missing-token");
        BranchDeployConfiguration config = BranchDeployConfiguration.get();
        config.setClusters(List.of(broken, staging));
        config.setDomain("preview.example.dev");
        installation = new SettingsResolver(config).installationId();

        api.addEnvironment("shop-feature-auth", installation, "shop", "feature/auth", null, created, created.plus(Duration.ofDays(7)));
        api.addEnvironment("shop-pr-42", installation, "shop", "feature/cart", 42, created, created.plus(Duration.ofDays(7)));
        api.addEnvironment("shop-foreign", "another-jenkins", "shop", "feature/foreign", null, created, created.plus(Duration.ofDays(7)));

        r.jenkins.setSecurityRealm(r.createDummySecurityRealm());
        r.jenkins.setAuthorizationStrategy(new MockAuthorizationStrategy()
                .grant(Jenkins.ADMINISTER).everywhere().to("admin")
                .grant(Jenkins.READ).everywhere().to("developer"));
    }

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void listsEveryEnvironmentOfThisJenkinsAndNoOther() throws Exception {
        HtmlPage page = r.createWebClient().login("admin").goTo("manage/branch-deployments");

        HtmlTable table = page.querySelector("table[data-cluster='staging']");
        assertThat(table).isNotNull();
        List<HtmlTableRow> rows = table.getBodies().get(0).getRows();
        assertThat(rows).extracting(row -> row.getAttribute("data-namespace")).containsExactly("shop-feature-auth", "shop-pr-42");
        HtmlTableRow pr = rows.get(1);
        assertThat(table.getHeader().getRows().get(0).getCells()).extracting(cell -> cell.asNormalizedText())
                .containsExactly("Project", "App", "Branch", "URL", "Status", "Deployed by", "Age", "Expires", "Actions");
        assertThat(pr.getCell(0).asNormalizedText()).as("deployed from the command line: no project").isEmpty();
        assertThat(pr.getCell(1).asNormalizedText()).isEqualTo("shop");
        assertThat(pr.getCell(2).asNormalizedText()).isEqualTo("feature/cart");
        assertThat(pr.getCell(3).asNormalizedText()).isEqualTo("https://shop-pr-42.preview.example.dev");
        assertThat(pr.getCell(4).asNormalizedText()).isEqualTo("Ready");
        assertThat(pr.getCell(6).asNormalizedText()).startsWith("2 days");
        assertThat(pr.getCell(7).asNormalizedText()).startsWith("in 4 days");
        assertThat(page.asNormalizedText()).doesNotContain("feature/foreign");
        assertThat(page.asNormalizedText())
                .as("a cluster that cannot be read says why, and hides no other")
                .contains("Cannot list the environments: credentialsId: cluster 'broken': no credentials 'missing-token'");
    }

    @Test
    void tearDownDeletesTheEnvironmentAndNothingElse() throws Exception {
        int status = post("admin", "branch-deployments/teardown?cluster=staging&namespace=shop-pr-42");

        assertThat(status).isEqualTo(200);
        assertThat(api.client().namespaces().withName("shop-pr-42").get()).isNull();
        assertThat(api.client().namespaces().withName("shop-feature-auth").get()).isNotNull();
        assertThat(MetricsFile.store().read().teardownsByCause()).containsExactly(Map.entry("manual", 1L));
    }

    @Test
    void aDatabaseBranchThatCannotBeDroppedIsReportedWithoutThePassword() throws Exception {
        SystemCredentialsProvider.getInstance().getCredentials().add(new StringCredentialsImpl(CredentialsScope.GLOBAL,
                "postgres-admin", "database admin", Secret.fromString("postgresql://admin:hunter2hunter2@127.0.0.1:1/postgres")));
        BranchDeployConfiguration.get().setDatabaseAdminCredentialsId("postgres-admin");
        JenkinsRule.WebClient wc = r.createWebClient().withThrowExceptionOnFailingStatusCode(false).login("admin");

        WebResponse response = wc.getPage(new WebRequest(
                wc.createCrumbedUrl("branch-deployments/teardown?cluster=staging&namespace=shop-pr-42"), HttpMethod.POST))
                .getWebResponse();

        assertThat(response.getStatusCode()).isEqualTo(500);
        assertThat(response.getContentAsString()).contains("its database branch was not dropped", "127.0.0.1:1")
                .doesNotContain("hunter2hunter2");
        assertThat(api.client().namespaces().withName("shop-pr-42").get()).isNull();
        assertThat(MetricsFile.store().read().teardownsByCause()).containsExactly(Map.entry("manual", 1L));
    }

    @Test
    void aForeignNamespaceCannotBeTornDownFromThePage() throws Exception {
        post("admin", "branch-deployments/teardown?cluster=staging&namespace=shop-foreign");

        assertThat(api.client().namespaces().withName("shop-foreign").get()).isNotNull();
    }

    @Test
    void extendKeepsTheEnvironmentLonger() throws Exception {
        Instant before = Instant.now();

        int status = post("admin", "branch-deployments/extend?cluster=staging&namespace=shop-feature-auth&by=3d");

        assertThat(status).isEqualTo(200);
        Namespace ns = api.client().namespaces().withName("shop-feature-auth").get();
        String keepUntil = ns.getMetadata().getAnnotations().get(ClusterContract.KEEP_UNTIL);
        assertThat(keepUntil).isNotNull();
        assertThat(Instant.parse(keepUntil)).isAfterOrEqualTo(before.plus(Duration.ofDays(3)).truncatedTo(ChronoUnit.SECONDS));
    }

    @Test
    void extendRefusesAMalformedDurationNamingIt() throws Exception {
        assertThat(post("admin", "branch-deployments/extend?cluster=staging&namespace=shop-feature-auth&by=forever"))
                .isEqualTo(400);
        assertThat(api.client().namespaces().withName("shop-feature-auth").get().getMetadata().getAnnotations())
                .doesNotContainKey(ClusterContract.KEEP_UNTIL);
    }

    @Test
    void onlyAdministratorsSeeOrChangeAnything() throws Exception {
        JenkinsRule.WebClient developer = r.createWebClient().login("developer");
        developer.assertFails("manage/branch-deployments", 403);
        developer.assertFails("branch-deployments/", 403);

        assertThat(post("developer", "branch-deployments/teardown?cluster=staging&namespace=shop-pr-42")).isEqualTo(403);
        assertThat(post("developer", "branch-deployments/extend?cluster=staging&namespace=shop-pr-42&by=3d")).isEqualTo(403);
        assertThat(api.client().namespaces().withName("shop-pr-42").get().getMetadata().getAnnotations())
                .doesNotContainKey(ClusterContract.KEEP_UNTIL);
    }

    @Test
    void changesNeedPost() throws Exception {
        JenkinsRule.WebClient admin = r.createWebClient().login("admin");
        admin.assertFails("branch-deployments/teardown?cluster=staging&namespace=shop-pr-42", 405);

        assertThat(api.client().namespaces().withName("shop-pr-42").get()).isNotNull();
    }

    private int post(String user, String url) throws Exception {
        JenkinsRule.WebClient wc = r.createWebClient().withThrowExceptionOnFailingStatusCode(false);
        wc.login(user);
        return wc.getPage(new WebRequest(wc.createCrumbedUrl(url), HttpMethod.POST)).getWebResponse().getStatusCode();
    }
}
