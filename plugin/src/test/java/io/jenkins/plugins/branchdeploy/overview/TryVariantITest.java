package io.jenkins.plugins.branchdeploy.overview;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatObject;

import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.SystemCredentialsProvider;
import hudson.security.FullControlOnceLoggedInAuthorizationStrategy;
import hudson.security.Permission;
import hudson.util.Secret;
import io.jenkins.plugins.branchdeploy.InlineCode;
import io.jenkins.plugins.branchdeploy.KubernetesApi;
import io.jenkins.plugins.branchdeploy.config.BranchDeployConfiguration;
import io.jenkins.plugins.branchdeploy.config.ClusterConfig;
import io.jenkins.plugins.branchdeploy.config.SettingsResolver;
import io.jenkins.plugins.branchdeploy.engine.ProgressListener;
import io.jenkins.plugins.branchdeploy.engine.branch.BranchRef;
import io.jenkins.plugins.branchdeploy.engine.cluster.BranchEnvironments;
import io.jenkins.plugins.branchdeploy.engine.cluster.Environment;
import io.jenkins.plugins.branchdeploy.engine.naming.NamingPolicy;
import io.jenkins.plugins.branchdeploy.engine.request.DeployRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import jenkins.model.Jenkins;
import org.htmlunit.HttpMethod;
import org.htmlunit.WebRequest;
import org.htmlunit.WebResponse;
import org.htmlunit.html.DomElement;
import org.htmlunit.html.HtmlAnchor;
import org.htmlunit.html.HtmlPage;
import org.htmlunit.html.HtmlTableRow;
import org.jenkinsci.plugins.plaincredentials.impl.StringCredentialsImpl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.MockAuthorizationStrategy;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/** "Try a variant": the page, its permission, and the link a variant gets. */
@WithJenkins
class TryVariantITest {

    private static final String CREATE = "try-variant/create?source=staging%2Fshop-main&name=pricing-v2"
            + "&images=cart%3Dghcr.io%2Fexample%2Fshop-cart%3A1.5.0&env=frontend%3AFEATURE_PRICING%3Don&ttl=2d";

    private JenkinsRule r;
    private KubernetesApi api;
    private BranchEnvironments environments;

    @BeforeEach
    void deployMain(JenkinsRule rule) {
        r = rule;
        api = new KubernetesApi();
        SystemCredentialsProvider.getInstance().getCredentials().add(
                new StringCredentialsImpl(CredentialsScope.GLOBAL, "k8s-token", "token", Secret.fromString("t0ken")));
        ClusterConfig staging = new ClusterConfig("staging");
        staging.setServerUrl(api.url());
        staging.setCredentialsId("k8s-token");
        BranchDeployConfiguration config = BranchDeployConfiguration.get();
        config.setClusters(List.of(staging));
        config.setDomain("preview.example.dev");
        environments = new BranchEnvironments(api.client(), new SettingsResolver(config).installationId(),
                NamingPolicy.withDefaults("preview.example.dev"));
        DeployRequest main = DeployRequest.builder(BranchRef.of("shop", "main"), Path.of("../docs/examples/shop"))
                .variables(Map.of("IMAGE_TAG", "1.4.2")).timeout(Duration.ofSeconds(30)).build();
        assertThat(environments.deploys().deploy(main, ProgressListener.SILENT).succeeded()).isTrue();

        r.jenkins.setSecurityRealm(r.createDummySecurityRealm());
        r.jenkins.setAuthorizationStrategy(new MockAuthorizationStrategy()
                .grant(Jenkins.ADMINISTER).everywhere().to("admin")
                .grant(Jenkins.READ, VariantPermission.CREATE).everywhere().to("pm")
                .grant(Jenkins.READ).everywhere().to("developer")
                .grant(Jenkins.READ).everywhere().toEveryone());
    }

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void thePermissionIsDeclaredInAGroupOfItsOwnAndImpliedOnlyByAdminister() {
        assertThat(Permission.fromId(VariantPermission.class.getName() + ".Create")).isSameAs(VariantPermission.CREATE);
        assertThatObject(VariantPermission.CREATE.group).isSameAs(VariantPermission.GROUP);
        assertThat(VariantPermission.CREATE.impliedBy).isSameAs(Jenkins.ADMINISTER);
        assertThat(VariantPermission.GROUP.title.toString()).isEqualTo("Branch deployment variants");
    }

    @Test
    void aVariantMadeOnThePageShowsItsLinkAndIsListedWithItsSourceCreatorAndExpiry() throws Exception {
        JenkinsRule.WebClient pm = r.createWebClient().login("pm");
        HtmlPage form = pm.goTo("try-variant/?cluster=staging&namespace=shop-main");
        DomElement chosen = form.querySelector("#source option[selected]");
        assertThat(chosen.getAttribute("value")).as("the row's source is chosen").isEqualTo("staging/shop-main");
        assertThat(form.getElementById("ttl").getAttribute("value")).isEqualTo("1d");
        assertThat(form.querySelectorAll("#try-variant .jenkins-help-button")).as("every field has its help").hasSize(5);
        assertThat(InlineCode.in(form.getElementById("try-variant"))).as("nothing a Content Security Policy blocks").isEmpty();

        HtmlPage result = pm.getPage(new WebRequest(pm.createCrumbedUrl(CREATE), HttpMethod.POST));

        HtmlAnchor link = (HtmlAnchor) result.getElementById("variant-link");
        assertThat(link.getHrefAttribute()).isEqualTo("https://try-pricing-v2--shop.preview.example.dev");
        assertThat(result.asNormalizedText()).contains("Variant try-pricing-v2 of main is ready");
        Environment variant = environments.inventory().find("shop", "try-pricing-v2").orElseThrow();
        assertThat(variant.variant().source()).isEqualTo("main");
        assertThat(variant.variant().createdBy()).isEqualTo("pm");
        assertThat(Duration.between(variant.deployedAt(), variant.expiresAt())).isEqualTo(Duration.ofDays(2));
        assertThat(api.client().apps().deployments().inNamespace("shop-try-pricing-v2").withName("cart").get().getSpec()
                .getTemplate().getSpec().getContainers().get(0).getImage()).isEqualTo("ghcr.io/example/shop-cart:1.5.0");

        HtmlPage overview = r.createWebClient().login("admin").goTo("manage/branch-deployments");
        HtmlTableRow row = overview.querySelector("tr[data-namespace='shop-try-pricing-v2']");
        assertThat(row.getCell(2).asNormalizedText()).startsWith("main").contains("variant of main, by pm");
        assertThat(row.getCell(7).asNormalizedText()).as("expires").matches("in (1 day 23 hr|2 days 0 hr)");
        assertThat(overview.getElementById("try-variant-link")).isNotNull();
        HtmlAnchor fromRow = overview.querySelector("tr[data-namespace='shop-main'] a.branch-deploy-try-variant");
        assertThat(fromRow.getHrefAttribute()).endsWith("/try-variant/?cluster=staging&namespace=shop-main");
    }

    @Test
    void onlyThoseGrantedThePermissionMayCreateAVariantAndAnonymousUsersNever() throws Exception {
        assertThat(post(null, CREATE)).as("anonymous").isEqualTo(403);
        assertThat(post("developer", CREATE)).isEqualTo(403);
        assertThat(environments.inventory().find("shop", "try-pricing-v2")).isEmpty();
        assertThat(r.createWebClient().withThrowExceptionOnFailingStatusCode(false).login("developer").goTo("try-variant/")
                .getWebResponse().getStatusCode()).isEqualTo(403);

        FullControlOnceLoggedInAuthorizationStrategy anyoneLoggedIn = new FullControlOnceLoggedInAuthorizationStrategy();
        anyoneLoggedIn.setAllowAnonymousRead(true);
        r.jenkins.setAuthorizationStrategy(anyoneLoggedIn);
        assertThat(post(null, CREATE)).as("anonymous, with read access for everyone").isEqualTo(403);
        assertThat(post("admin", CREATE)).isEqualTo(200);
    }

    @Test
    void badInputIsRefusedNamingTheFieldBeforeAnythingIsWritten() throws Exception {
        JenkinsRule.WebClient pm = r.createWebClient().withThrowExceptionOnFailingStatusCode(false).login("pm");
        WebResponse unknown = pm.getPage(new WebRequest(pm.createCrumbedUrl(
                "try-variant/create?source=staging%2Fshop-main&name=x&images=checkout%3Dc%3A1"), HttpMethod.POST)).getWebResponse();

        assertThat(unknown.getStatusCode()).isEqualTo(400);
        assertThat(unknown.getContentAsString()).contains("image: the source environment has no container named checkout");
        assertThat(environments.inventory().all()).extracting(Environment::namespace).containsExactly("shop-main");
    }

    /**
     * @param user {@code null} for anonymous, whose refusal is asked for as a script would, so that the
     *     answer is the 403 itself rather than the login page it refers to
     */
    private int post(String user, String url) throws Exception {
        JenkinsRule.WebClient wc = r.createWebClient().withThrowExceptionOnFailingStatusCode(false);
        if (user != null) {
            wc.login(user);
        }
        WebRequest request = new WebRequest(wc.createCrumbedUrl(url), HttpMethod.POST);
        if (user == null) {
            request.setAdditionalHeader("X-Requested-With", "XMLHttpRequest");
        }
        return wc.getPage(request).getWebResponse().getStatusCode();
    }
}
