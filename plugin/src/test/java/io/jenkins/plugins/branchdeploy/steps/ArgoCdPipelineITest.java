package io.jenkins.plugins.branchdeploy.steps;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.model.Result;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.jenkins.plugins.branchdeploy.KubernetesApi;
import io.jenkins.plugins.branchdeploy.config.ArgoCdOptions;
import io.jenkins.plugins.branchdeploy.config.BranchDeployConfiguration;
import io.jenkins.plugins.branchdeploy.engine.branch.BranchRef;
import io.jenkins.plugins.branchdeploy.engine.naming.NamingPolicy;
import java.util.List;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/** {@code applyWith: 'argocd'} in a Pipeline, against the sandbox's stand-in for Argo CD. */
@WithJenkins
class ArgoCdPipelineITest {

    private static final String REPO = "https://github.com/acme/shop.git";
    private static final String CONFIG = """
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: web
            data:
              greeting: hello
            """;
    private static final String WRITE_MANIFESTS = "writeFile file: 'k8s/app.yaml', text: '''" + CONFIG + "'''";

    private final KubernetesApi api = new KubernetesApi();
    private JenkinsRule r;

    @BeforeEach
    void configure(JenkinsRule rule) {
        r = rule;
        TestSettings.useCluster(api);
        api.installArgoCd().publish(REPO, "k8s", List.of(CONFIG));
    }

    @AfterEach
    void stopApi() {
        api.close();
    }

    @Test
    void argoCdAppliesTheBranchAndTeardownDeletesItsApplicationFirst() throws Exception {
        WorkflowRun build = run("""
                node {
                  %s
                  withEnv(['BRANCH_NAME=feature/argo', 'GIT_COMMIT=0a1b2c3d']) {
                    branchDeploy app: 'shop', manifests: 'k8s', applyWith: 'argocd', argoCd: [repoUrl: '%s']
                    branchTeardown app: 'shop'
                  }
                }
                """.formatted(WRITE_MANIFESTS, REPO));

        r.assertBuildStatusSuccess(build);
        String namespace = NamingPolicy.withDefaults(TestSettings.DOMAIN).names(BranchRef.of("shop", "feature/argo")).namespace();
        r.assertLogContains("Argo CD synced argocd/" + namespace + " to 0a1b2c3d and reports it Healthy", build);
        r.assertLogContains("Argo CD removed Application argocd/" + namespace + " and its resources", build);
        assertThat(application(namespace)).isNull();
        assertThat(api.namespace(namespace)).isNull();
    }

    @Test
    void aFolderOrGlobalRepositoryMakesArgoCdTheDefaultAndAStepMayOptOut() throws Exception {
        ArgoCdOptions argoCd = new ArgoCdOptions();
        argoCd.setRepoUrl(REPO);
        BranchDeployConfiguration.get().setArgoCd(argoCd);

        WorkflowRun build = run("""
                node {
                  %s
                  withEnv(['BRANCH_NAME=feature/default', 'GIT_COMMIT=0a1b2c3d']) { branchDeploy app: 'shop', manifests: 'k8s' }
                  withEnv(['BRANCH_NAME=feature/direct', 'GIT_COMMIT=0a1b2c3d']) { branchDeploy app: 'shop', manifests: 'k8s', applyWith: 'direct' }
                }
                """.formatted(WRITE_MANIFESTS));

        r.assertBuildStatusSuccess(build);
        NamingPolicy naming = NamingPolicy.withDefaults(TestSettings.DOMAIN);
        assertThat(application(naming.names(BranchRef.of("shop", "feature/default")).namespace())).isNotNull();
        assertThat(application(naming.names(BranchRef.of("shop", "feature/direct")).namespace())).isNull();
    }

    @Test
    void argoCdWithoutARepositoryFailsTheStepBeforeAnythingIsWritten() throws Exception {
        WorkflowRun build = run("""
                node {
                  %s
                  withEnv(['BRANCH_NAME=feature/norepo', 'GIT_COMMIT=0a1b2c3d']) { branchDeploy app: 'shop', manifests: 'k8s', applyWith: 'argocd' }
                }
                """.formatted(WRITE_MANIFESTS));

        r.assertBuildStatus(Result.FAILURE, build);
        r.assertLogContains("repoUrl: Argo CD reads the manifests from Git", build);
        assertThat(api.namespace(NamingPolicy.withDefaults(TestSettings.DOMAIN).names(BranchRef.of("shop", "feature/norepo")).namespace()))
                .isNull();
    }

    private GenericKubernetesResource application(String name) {
        return api.client().genericKubernetesResources("argoproj.io/v1alpha1", "Application").inNamespace("argocd").withName(name).get();
    }

    private WorkflowRun run(String script) throws Exception {
        WorkflowJob job = r.createProject(WorkflowJob.class);
        job.setDefinition(new CpsFlowDefinition(script, true));
        return r.waitForCompletion(job.scheduleBuild2(0).waitForStart());
    }
}
