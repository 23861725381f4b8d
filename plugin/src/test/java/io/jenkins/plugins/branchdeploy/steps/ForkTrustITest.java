package io.jenkins.plugins.branchdeploy.steps;

import static org.assertj.core.api.Assertions.assertThat;

import com.cloudbees.plugins.credentials.CredentialsScope;
import hudson.util.Secret;
import io.fabric8.kubernetes.api.model.Namespace;
import io.jenkins.plugins.branchdeploy.KubernetesApi;
import io.jenkins.plugins.branchdeploy.config.BranchDeployConfiguration;
import io.jenkins.plugins.branchdeploy.engine.cluster.ClusterContract;
import java.nio.charset.StandardCharsets;
import java.util.List;
import jenkins.branch.BranchSource;
import jenkins.scm.impl.mock.MockChangeRequestFlags;
import jenkins.scm.impl.mock.MockRepositoryFlags;
import jenkins.scm.impl.mock.MockSCMController;
import jenkins.scm.impl.mock.MockSCMDiscoverBranches;
import jenkins.scm.impl.mock.MockSCMDiscoverChangeRequests;
import jenkins.scm.impl.mock.MockSCMSource;
import org.jenkinsci.plugins.plaincredentials.impl.StringCredentialsImpl;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.jenkinsci.plugins.workflow.multibranch.WorkflowMultiBranchProject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * Whether a pull request gets secrets is decided by where source control says it comes from: a
 * multibranch project over scm-api's mock source control, whose fork pull requests (origin "fork")
 * build Jenkinsfiles that try to pass for the repository's own main branch.
 */
@WithJenkins
class ForkTrustITest {

    private static final String DB_PASSWORD = "db-pw-91c4e7a2";

    /** A Jenkinsfile that claims to be no fork and the main branch before asking for a secret. */
    private static final String SPOOFING_JENKINSFILE = """
            node {
              writeFile file: 'k8s/app.yaml', text: '''%s'''
              withEnv(['CHANGE_FORK=', 'BRANCH_NAME=main']) {
                branchDeploy(manifests: 'k8s', variables: [GREETING: 'hi'],
                    secrets: [[credentialsId: 'db', secretName: 'db', key: 'password']])
              }
            }
            """.formatted(TestSettings.MANIFEST);

    private final KubernetesApi api = new KubernetesApi();
    private final MockSCMController scm = MockSCMController.create();
    private JenkinsRule r;

    @BeforeEach
    void configure(JenkinsRule rule) throws Exception {
        r = rule;
        TestSettings.useCluster(api);
        TestSettings.addCredentials(
                new StringCredentialsImpl(CredentialsScope.GLOBAL, "db", "database password", Secret.fromString(DB_PASSWORD)));
    }

    @AfterEach
    void stop() {
        scm.close();
        api.close();
    }

    @Test
    void aForkThatRewritesItsEnvironmentGetsNoSecrets() throws Exception {
        WorkflowRun build = buildForkPullRequest("shop", MockRepositoryFlags.FORKABLE, MockChangeRequestFlags.FORK);

        r.assertBuildStatusSuccess(build);
        r.assertLogContains("comes from the fork fork, which is not trusted", build);
        r.assertLogNotContains(DB_PASSWORD, build);
        assertThat(environmentNamespaces()).as("the pull request was deployed").isNotEmpty();
        assertThat(secretsNamedDb()).as("but got no secret").isEmpty();
    }

    @Test
    void aTrustedForkGetsItsSecretsWhateverItsEnvironmentSays() throws Exception {
        BranchDeployConfiguration.get().setTrustedForks("fork");

        WorkflowRun build = buildForkPullRequest("shop", MockRepositoryFlags.FORKABLE, MockChangeRequestFlags.FORK);

        r.assertBuildStatusSuccess(build);
        r.assertLogNotContains("not trusted", build);
        assertThat(secretsNamedDb()).singleElement().isEqualTo(DB_PASSWORD);
    }

    @Test
    void aChangeItsSourceDistrustsGetsNoSecretsEvenFromATrustedFork() throws Exception {
        BranchDeployConfiguration.get().setTrustedForks("fork");
        // a trust-aware source builds an untrusted change with the target's Jenkinsfile: put the step there
        scm.createRepository("shop", MockRepositoryFlags.FORKABLE, MockRepositoryFlags.TRUST_AWARE);
        scm.addFile("shop", "master", "Jenkinsfile", "Jenkinsfile", SPOOFING_JENKINSFILE.getBytes(StandardCharsets.UTF_8));
        Integer change = scm.openChangeRequest("shop", "master", MockChangeRequestFlags.FORK, MockChangeRequestFlags.UNTRUSTED);

        WorkflowRun build = indexAndBuild("shop", change);

        r.assertBuildStatusSuccess(build);
        r.assertLogContains("which its source control does not trust", build);
        assertThat(secretsNamedDb()).as("only master's own build has the secret").hasSize(1);
    }

    /** A repository whose master builds nothing, and a pull request whose Jenkinsfile spoofs its environment. */
    private WorkflowRun buildForkPullRequest(String repository, MockRepositoryFlags repositoryFlag, MockChangeRequestFlags changeFlag)
            throws Exception {
        scm.createRepository(repository, repositoryFlag);
        scm.addFile(repository, "master", "Jenkinsfile", "Jenkinsfile", "echo 'master'".getBytes(StandardCharsets.UTF_8));
        Integer change = scm.openChangeRequest(repository, "master", changeFlag);
        scm.addFile(repository, "change-request/" + change, "spoof", "Jenkinsfile", SPOOFING_JENKINSFILE.getBytes(StandardCharsets.UTF_8));
        return indexAndBuild(repository, change);
    }

    private WorkflowRun indexAndBuild(String repository, Integer change) throws Exception {
        WorkflowMultiBranchProject project = r.jenkins.createProject(WorkflowMultiBranchProject.class, repository);
        project.getSourcesList().add(new BranchSource(
                new MockSCMSource(scm, repository, new MockSCMDiscoverBranches(), new MockSCMDiscoverChangeRequests())));
        project.scheduleBuild2(0).getFuture().get();
        r.waitUntilNoActivity();
        WorkflowJob job = project.getItemByBranchName("CR-" + change);
        assertThat(job).as("indexing made a job of the pull request").isNotNull();
        return job.getBuildByNumber(1);
    }

    private List<Namespace> environmentNamespaces() {
        return api.client().namespaces().withLabel(ClusterContract.INSTALLATION, TestSettings.INSTALLATION).list().getItems();
    }

    /** The value of every secret {@code db} in any environment. */
    private List<String> secretsNamedDb() {
        return environmentNamespaces().stream()
                .map(ns -> api.secret(ns.getMetadata().getName(), "db"))
                .filter(secret -> secret != null)
                .map(secret -> KubernetesApi.value(secret, "password"))
                .toList();
    }
}
