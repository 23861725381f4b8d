package io.jenkins.plugins.branchdeploy.overview;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.branchdeploy.InlineCode;
import io.jenkins.plugins.branchdeploy.KubernetesApi;
import io.jenkins.plugins.branchdeploy.buildpage.BranchDeployAction;
import io.jenkins.plugins.branchdeploy.config.BranchDeployConfiguration;
import io.jenkins.plugins.branchdeploy.config.ClusterConfig;
import java.nio.charset.StandardCharsets;
import java.util.List;
import jenkins.branch.BranchSource;
import jenkins.scm.impl.mock.MockSCMController;
import jenkins.scm.impl.mock.MockSCMDiscoverBranches;
import jenkins.scm.impl.mock.MockSCMSource;
import org.htmlunit.html.DomNode;
import org.htmlunit.html.HtmlAnchor;
import org.htmlunit.html.HtmlPage;
import org.htmlunit.html.HtmlTable;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.jenkinsci.plugins.workflow.multibranch.WorkflowMultiBranchProject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * A branch job deploys for real (mock source control, the sandbox API server); its Environment page
 * and its project's Branch deployments page show the environment and the build that deployed it.
 */
@WithJenkins
class BranchEnvironmentITest {

    private static final String JENKINSFILE = """
            node {
              writeFile file: 'k8s/app.yaml', text: '''apiVersion: v1
            kind: ConfigMap
            metadata:
              name: web
            data:
              colour: blue
            '''
              branchDeploy manifests: 'k8s'
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
    }

    @AfterEach
    void stop() {
        scm.close();
        api.close();
    }

    @Test
    void theBranchJobLinksToItsLiveEnvironmentWithItsHistory() throws Exception {
        scm.createRepository("shop");
        scm.addFile("shop", "master", "Jenkinsfile", "Jenkinsfile", JENKINSFILE.getBytes(StandardCharsets.UTF_8));
        WorkflowMultiBranchProject shop = r.jenkins.createProject(WorkflowMultiBranchProject.class, "shop");
        shop.getSourcesList().add(new BranchSource(new MockSCMSource(scm, "shop", new MockSCMDiscoverBranches())));
        shop.scheduleBuild2(0).getFuture().get();
        r.waitUntilNoActivity();
        WorkflowJob master = shop.getItem("master");
        WorkflowRun build = master.getBuildByNumber(1);
        r.assertBuildStatusSuccess(build);
        String liveUrl = build.getAction(BranchDeployAction.class).getLinkUrl();
        assertThat(liveUrl).startsWith("https://");

        JenkinsRule.WebClient wc = r.createWebClient();
        HtmlPage jobPage = wc.getPage(master);
        DomNode sideLink = jobPage.querySelector("a[href$='job/shop/job/master/environment']");
        assertThat(sideLink).as("the job's side panel links to its environment").isNotNull();
        HtmlAnchor onJobPage = jobPage.querySelector("a.branch-deploy-live-url");
        assertThat(onJobPage.getHrefAttribute()).as("the job's own page links to the live URL").isEqualTo(liveUrl);
        HtmlPage page = wc.getPage(master, "environment");
        HtmlAnchor live = page.querySelector("a.branch-deploy-live-url");
        assertThat(live.getHrefAttribute()).isEqualTo(liveUrl);
        assertThat(page.querySelector(".branch-deploy-environment .jenkins-badge").getTextContent().trim()).isEqualTo("Ready");
        assertThat(page.asNormalizedText()).contains("Expires", "in 6 days");
        DomNode environment = page.querySelector("section[data-namespace]");
        assertThat(InlineCode.in(environment)).as("nothing a Content Security Policy blocks").isEmpty();
        HtmlTable history = page.querySelector("table.branch-deploy-history");
        assertThat(history.getBodies().get(0).getRows()).singleElement()
                .satisfies(row -> assertThat(row.asNormalizedText()).contains("Ready"));

        HtmlPage project = wc.goTo("job/shop/branch-deployments/");
        HtmlAnchor deployedBy = project.querySelector("a.branch-deploy-build");
        assertThat(deployedBy.getHrefAttribute()).endsWith("job/shop/job/master/1/");
    }
}
