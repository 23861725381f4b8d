package io.jenkins.plugins.branchdeploy.steps;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.model.Item;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.jenkins.plugins.branchdeploy.KubernetesApi;
import io.jenkins.plugins.branchdeploy.buildpage.BranchDeployAction;
import io.jenkins.plugins.branchdeploy.config.BranchDeployConfiguration;
import io.jenkins.plugins.branchdeploy.engine.branch.BranchRef;
import io.jenkins.plugins.branchdeploy.engine.naming.EnvironmentNames;
import io.jenkins.plugins.branchdeploy.engine.naming.NamingPolicy;
import java.net.URL;
import java.util.List;
import java.util.Map;
import jenkins.model.Jenkins;
import org.htmlunit.HttpMethod;
import org.htmlunit.WebRequest;
import org.htmlunit.html.DomElement;
import org.htmlunit.html.HtmlPage;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.MockAuthorizationStrategy;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/** The step's webhooks parameter, the webhook URL on the build page and its "Send webhooks here" button. */
@WithJenkins
class WebhooksPipelineITest {

    private static final String WRITE_MANIFESTS = "writeFile file: 'k8s/app.yaml', text: '''" + TestSettings.MANIFEST + "'''\n"
            + "writeFile file: 'k8s/service.yaml', text: '''" + TestSettings.SERVICE + "'''";

    private final KubernetesApi api = new KubernetesApi();
    private JenkinsRule r;
    private WorkflowJob job;

    @BeforeEach
    void configure(JenkinsRule rule) throws Exception {
        r = rule;
        TestSettings.useCluster(api);
        BranchDeployConfiguration.get().setWebhookHostTemplate("webhooks-{app}.{domain}");
        job = r.createProject(WorkflowJob.class, "shop");
        r.jenkins.setSecurityRealm(r.createDummySecurityRealm());
        r.jenkins.setAuthorizationStrategy(new MockAuthorizationStrategy()
                .grant(Jenkins.ADMINISTER).everywhere().to("admin")
                .grant(Jenkins.READ, Item.READ).everywhere().to("developer", "viewer")
                .grant(Item.CONFIGURE).onItems(job).to("developer"));
    }

    @AfterEach
    void stopApi() {
        api.close();
    }

    @Test
    void theBuildPageShowsTheWebhookUrlAndItsButtonMovesTheDefaultRoute() throws Exception {
        WorkflowRun build = deploy("feature/hooks");
        EnvironmentNames names = NamingPolicy.withDefaults(TestSettings.DOMAIN).names(BranchRef.of("shop", "feature/hooks"));
        String webhookUrl = "https://webhooks-shop." + TestSettings.DOMAIN + "/" + names.environment();
        BranchDeployAction action = build.getAction(BranchDeployAction.class);
        assertThat(action.getWebhookUrl()).isEqualTo(webhookUrl);
        r.assertLogContains("webhookUrl=" + webhookUrl, build);
        r.assertLogContains("Webhooks: " + webhookUrl + "/... reaches Service web:80", build);
        assertThat(api.client().genericKubernetesResources("gateway.networking.k8s.io/v1", "HTTPRoute")
                .inNamespace(names.namespace()).withName("branch-deploy-webhooks").get()).isNotNull();

        HtmlPage page = r.createWebClient().login("developer").getPage(build);
        DomElement form = page.querySelector("div.branch-deploy-webhooks form");
        assertThat(page.asNormalizedText()).contains("Webhooks: " + webhookUrl);
        assertThat(form.getAttribute("method")).isEqualTo("post");
        assertThat(form.getAttribute("action")).endsWith("job/shop/branch-deploy-webhooks/sendHere?cluster=test&namespace="
                + names.namespace());
        assertThat(form.getTextContent()).contains("Send webhooks here");

        assertThat(post("viewer", action.getSendWebhooksHere())).as("reading the job is not enough").isEqualTo(403);
        assertThat(defaultRoute()).isNull();
        assertThat(post("developer", action.getSendWebhooksHere())).isEqualTo(200);
        assertThat(defaultRoute().getMetadata().getLabels()).containsEntry("branchdeploy.jenkins.io/environment", names.environment());
        assertThat(post("developer", "job/shop/branch-deploy-webhooks/sendHere?cluster=test&namespace=shop-other"))
                .as("an environment this job does not deploy").isEqualTo(404);
    }

    @Test
    void sendingWebhooksNeedsPost() throws Exception {
        WorkflowRun build = deploy("feature/hooks");
        JenkinsRule.WebClient developer = r.createWebClient().login("developer");
        developer.assertFails(build.getAction(BranchDeployAction.class).getSendWebhooksHere(), 405);
        assertThat(defaultRoute()).isNull();
    }

    @Test
    void aBuildWithoutWebhooksOffersNoButton() throws Exception {
        job.setDefinition(new CpsFlowDefinition("""
                node {
                  %s
                  withEnv(['BRANCH_NAME=main']) { branchDeploy app: 'shop', manifests: 'k8s', variables: [GREETING: 'hi'] }
                }
                """.formatted(WRITE_MANIFESTS), true));
        WorkflowRun build = r.buildAndAssertSuccess(job);
        assertThat(build.getAction(BranchDeployAction.class).getWebhookUrl()).isNull();
        DomElement webhooks = r.createWebClient().login("developer").getPage(build).querySelector("div.branch-deploy-webhooks");
        assertThat(webhooks).isNull();
    }

    private WorkflowRun deploy(String branch) throws Exception {
        job.setDefinition(new CpsFlowDefinition("""
                node {
                  %s
                  withEnv(['BRANCH_NAME=%s']) {
                    def live = branchDeploy app: 'shop', manifests: 'k8s', variables: [GREETING: 'hi'], webhooks: 'web:80', routeVia: 'gateway:gateways/preview'
                    echo "webhookUrl=${live.webhookUrl}"
                  }
                }
                """.formatted(WRITE_MANIFESTS, branch), true));
        return r.buildAndAssertSuccess(job);
    }

    private GenericKubernetesResource defaultRoute() {
        return api.client().genericKubernetesResources("gateway.networking.k8s.io/v1", "HTTPRoute")
                .inNamespace("gateways").withName("branch-deploy-webhooks-shop").get();
    }

    private int post(String user, String relative) throws Exception {
        JenkinsRule.WebClient wc = r.createWebClient().withThrowExceptionOnFailingStatusCode(false).withRedirectEnabled(false);
        wc.login(user);
        WebRequest request = wc.addCrumb(new WebRequest(new URL(wc.getContextPath() + relative), HttpMethod.POST));
        int status = wc.getPage(request).getWebResponse().getStatusCode();
        return status == 302 ? 200 : status;
    }
}
