package io.jenkins.plugins.branchdeploy.steps;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.Launcher;
import hudson.model.AbstractBuild;
import hudson.model.BuildListener;
import hudson.model.FreeStyleBuild;
import hudson.model.FreeStyleProject;
import hudson.model.ParametersDefinitionProperty;
import hudson.model.StringParameterDefinition;
import io.jenkins.plugins.branchdeploy.KubernetesApi;
import io.jenkins.plugins.branchdeploy.buildpage.BranchDeployAction;
import io.jenkins.plugins.branchdeploy.config.BranchDeployConfiguration;
import io.jenkins.plugins.branchdeploy.engine.branch.BranchRef;
import io.jenkins.plugins.branchdeploy.engine.naming.NamingPolicy;
import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.TestBuilder;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

@WithJenkins
class FreestyleDeployITest {

    private final KubernetesApi api = new KubernetesApi();

    @AfterEach
    void stopApi() {
        api.close();
    }

    @Test
    void freestyleJobDeploysThenTearsDownWithTheBranchFromAParameter(JenkinsRule r) throws Exception {
        TestSettings.useCluster(api);
        FreeStyleProject job = r.createFreeStyleProject("storefront");
        job.addProperty(new ParametersDefinitionProperty(new StringParameterDefinition("BRANCH_NAME", "feature/ui")));
        BranchDeployStep deploy = new BranchDeployStep("k8s");
        deploy.setVariables(Map.of("GREETING", "hi"));
        job.getBuildersList().add(new WriteManifests());
        job.getBuildersList().add(new BranchDeployBuilder(deploy));
        job.getPublishersList().add(new BranchTeardownPublisher(new BranchTeardownStep()));

        FreeStyleBuild build = r.buildAndAssertSuccess(job);

        String namespace = NamingPolicy.withDefaults(TestSettings.DOMAIN)
                .names(BranchRef.of("storefront", "feature/ui"))
                .namespace();
        assertThat(build.getAction(BranchDeployAction.class).getNamespace()).isEqualTo(namespace);
        r.assertLogContains("Tore down environment " + namespace, build);
        assertThat(api.namespace(namespace)).isNull();
    }

    @Test
    void aBranchTheFilterLeavesOutIsNotDeployed(JenkinsRule r) throws Exception {
        TestSettings.useCluster(api);
        BranchDeployConfiguration.get().setBranchFilter("!dependabot/**");
        FreeStyleProject job = r.createFreeStyleProject("storefront");
        job.addProperty(new ParametersDefinitionProperty(new StringParameterDefinition("BRANCH_NAME", "dependabot/npm/lodash")));
        job.getBuildersList().add(new WriteManifests());
        job.getBuildersList().add(new BranchDeployBuilder(new BranchDeployStep("k8s")));

        FreeStyleBuild build = r.buildAndAssertSuccess(job);

        r.assertLogContains("Not deploying branch dependabot/npm/lodash: the branch filter", build);
        assertThat(build.getAction(BranchDeployAction.class)).isNull();
        assertThat(api.namespace(NamingPolicy.withDefaults(TestSettings.DOMAIN)
                .names(BranchRef.of("storefront", "dependabot/npm/lodash")).namespace())).isNull();
    }

    /** Puts the test manifest into the workspace, as a checkout would. */
    static final class WriteManifests extends TestBuilder {
        @Override
        public boolean perform(AbstractBuild<?, ?> build, Launcher launcher, BuildListener listener)
                throws InterruptedException, IOException {
            build.getWorkspace().child("k8s/app.yaml").write(TestSettings.MANIFEST, "UTF-8");
            return true;
        }
    }
}
