package io.jenkins.plugins.branchdeploy.review;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.branchdeploy.KubernetesApi;
import io.jenkins.plugins.branchdeploy.buildpage.BranchDeployAction;
import io.jenkins.plugins.branchdeploy.config.BranchDeployConfiguration;
import io.jenkins.plugins.branchdeploy.config.ClusterConfig;
import io.jenkins.plugins.branchdeploy.engine.cluster.ClusterContract;
import io.jenkins.plugins.checks.api.ChecksConclusion;
import io.jenkins.plugins.checks.api.ChecksDetails;
import io.jenkins.plugins.checks.api.ChecksStatus;
import io.jenkins.plugins.checks.util.CapturingChecksPublisher;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import jenkins.branch.BranchSource;
import jenkins.metrics.api.Metrics;
import jenkins.scm.impl.mock.MockSCMController;
import jenkins.scm.impl.mock.MockSCMDiscoverBranches;
import jenkins.scm.impl.mock.MockSCMSource;
import org.htmlunit.WebResponse;
import org.htmlunit.html.HtmlAnchor;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.jenkinsci.plugins.workflow.multibranch.WorkflowMultiBranchProject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.TestExtension;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * A branch job deploys for real (mock source control, the sandbox API server): the Branch deployment
 * check is published, the review link records who opened the environment and leads only to its own
 * URL, and the review metrics are registered with the Metrics plugin.
 */
@WithJenkins
class ReviewLinkITest {

    @TestExtension
    public static final CapturingChecksPublisher.Factory CHECKS = new CapturingChecksPublisher.Factory();

    private static final String JENKINSFILE = """
            node {
              writeFile file: 'k8s/app.yaml', text: '''apiVersion: v1
            kind: ConfigMap
            metadata:
              name: web
            data:
              colour: blue
            '''
              branchDeploy manifests: 'k8s', checkName: 'Preview'
            }
            """;

    private final KubernetesApi api = new KubernetesApi();
    private final MockSCMController scm = MockSCMController.create();
    private JenkinsRule r;

    @BeforeEach
    void configure(JenkinsRule rule) {
        r = rule;
        ClusterConfig cluster = new ClusterConfig("test");
        cluster.setServerUrl(api.url());
        BranchDeployConfiguration config = BranchDeployConfiguration.get();
        config.setClusters(List.of(cluster));
        config.setInstallationId("jenkins-test");
        config.setDomain("example.dev");
        r.jenkins.setSecurityRealm(r.createDummySecurityRealm());
    }

    @AfterEach
    void stop() {
        CHECKS.getPublishedChecks().clear();
        scm.close();
        api.close();
    }

    @Test
    void aDeployPublishesItsCheckAndTheReviewLinkRecordsTheOpenAndRedirectsOnlyToTheEnvironment() throws Exception {
        WorkflowJob master = deployMaster();
        WorkflowRun build = master.getBuildByNumber(1);
        r.assertBuildStatusSuccess(build);
        BranchDeployAction deploy = build.getAction(BranchDeployAction.class);

        List<ChecksDetails> checks = CHECKS.getPublishedChecks();
        assertThat(checks).extracting(ChecksDetails::getStatus).containsExactly(ChecksStatus.IN_PROGRESS, ChecksStatus.COMPLETED);
        ChecksDetails done = checks.get(1);
        assertThat(done.getName()).contains("Preview");
        assertThat(done.getConclusion()).isEqualTo(ChecksConclusion.SUCCESS);
        assertThat(done.getDetailsURL()).hasValueSatisfying(url -> assertThat(url)
                .endsWith("job/shop/job/master/branch-deploy-review?cluster=test&namespace=" + deploy.getNamespace()));
        assertThat(done.getOutput()).hasValueSatisfying(output -> assertThat(output.getSummary().orElseThrow())
                .contains("| Namespace |").doesNotContain("blue"));

        JenkinsRule.WebClient wc = r.createWebClient().login("bob");
        HtmlAnchor onBuildPage = wc.getPage(build).querySelector("a.branch-deploy-review-link");
        assertThat(onBuildPage.getHrefAttribute()).as("the build page's link goes through the review link")
                .endsWith("job/shop/job/master/branch-deploy-review?cluster=test&namespace=" + deploy.getNamespace());
        assertThat(onBuildPage.getTextContent()).isEqualTo(deploy.getLinkUrl());
        HtmlAnchor onProjectPage = wc.goTo("job/shop/branch-deployments/").querySelector("a.branch-deploy-review-link");
        assertThat(onProjectPage.getHrefAttribute()).as("so does the Branch deployments page's")
                .endsWith("job/shop/job/master/branch-deploy-review?cluster=test&namespace=" + deploy.getNamespace());
        wc.getOptions().setRedirectEnabled(false);
        wc.getOptions().setThrowExceptionOnFailingStatusCode(false);
        WebResponse open = wc.goTo("job/shop/job/master/branch-deploy-review?cluster=test&namespace=" + deploy.getNamespace(), null)
                .getWebResponse();
        assertThat(open.getStatusCode()).isEqualTo(302);
        assertThat(open.getResponseHeaderValue("Location")).isEqualTo(deploy.getLinkUrl());
        assertThat(api.namespace(deploy.getNamespace()).getMetadata().getAnnotations().get(ClusterContract.OPENS))
                .contains("\"by\":\"bob\"");

        api.addEnvironment("elsewhere", "jenkins-test", "shop", "master", null, Instant.now(), Instant.now().plusSeconds(3600),
                Map.of(ClusterContract.OWNER, "another/project", ClusterContract.URL, "https://evil.example"));
        WebResponse foreign = wc.goTo("job/shop/job/master/branch-deploy-review?cluster=test&namespace=elsewhere", null)
                .getWebResponse();
        assertThat(foreign.getStatusCode()).as("another project's environment is not this job's to open").isEqualTo(404);
        assertThat(foreign.getResponseHeaderValue("Location")).isNull();
        assertThat(wc.goTo("job/shop/job/master/branch-deploy-review?cluster=test&namespace=absent", null)
                .getWebResponse().getStatusCode()).isEqualTo(404);
    }

    @Test
    void aTeardownUpdatesTheCheckAndChecksFalsePublishesNone() throws Exception {
        WorkflowJob job = r.jenkins.createProject(WorkflowJob.class, "shop");
        job.setDefinition(new CpsFlowDefinition("""
                node {
                  withEnv(['BRANCH_NAME=feature/cart']) {
                    writeFile file: 'k8s/app.yaml', text: 'apiVersion: v1\\nkind: ConfigMap\\nmetadata:\\n  name: web\\n'
                    branchDeploy manifests: 'k8s', checkName: 'Preview'
                    branchTeardown checkName: 'Preview'
                    branchDeploy manifests: 'k8s', checks: false
                  }
                }
                """, true));

        r.buildAndAssertSuccess(job);

        List<ChecksDetails> checks = CHECKS.getPublishedChecks();
        assertThat(checks).as("deploying, deployed, torn down; nothing for the deploy with checks: false").hasSize(3);
        assertThat(checks.get(2).getName()).contains("Preview");
        assertThat(checks.get(2).getOutput()).hasValueSatisfying(output -> assertThat(output.getTitle()).contains("Torn down"));
    }

    @Test
    void theReviewMetricsAreRegisteredWithTheMetricsPlugin() {
        assertThat(Metrics.metricRegistry().getGauges()).containsKeys(
                "branch-deploy.reviews.pr-open-to-live.median-seconds", "branch-deploy.reviews.pr-open-to-live.p90-seconds",
                "branch-deploy.reviews.merged-changes", "branch-deploy.reviews.live-share",
                "branch-deploy.reviews.reviewed-live-share");
        assertThat(Metrics.metricRegistry().getGauges().get("branch-deploy.reviews.merged-changes").getValue()).isEqualTo(0L);
    }

    private WorkflowJob deployMaster() throws Exception {
        scm.createRepository("shop");
        scm.addFile("shop", "master", "Jenkinsfile", "Jenkinsfile", JENKINSFILE.getBytes(StandardCharsets.UTF_8));
        WorkflowMultiBranchProject shop = r.jenkins.createProject(WorkflowMultiBranchProject.class, "shop");
        shop.getSourcesList().add(new BranchSource(new MockSCMSource(scm, "shop", new MockSCMDiscoverBranches())));
        shop.scheduleBuild2(0).getFuture().get();
        r.waitUntilNoActivity();
        return shop.getItem("master");
    }
}
