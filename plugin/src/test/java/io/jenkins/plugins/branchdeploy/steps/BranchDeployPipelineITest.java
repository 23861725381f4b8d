package io.jenkins.plugins.branchdeploy.steps;

import static org.assertj.core.api.Assertions.assertThat;

import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.impl.UsernamePasswordCredentialsImpl;
import hudson.model.Label;
import hudson.model.Result;
import hudson.util.Secret;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.jenkins.plugins.branchdeploy.KubernetesApi;
import io.jenkins.plugins.branchdeploy.buildpage.BranchDeployAction;
import io.jenkins.plugins.branchdeploy.config.BranchDeployConfiguration;
import io.jenkins.plugins.branchdeploy.engine.branch.BranchRef;
import io.jenkins.plugins.branchdeploy.engine.cluster.ClusterContract;
import io.jenkins.plugins.branchdeploy.engine.naming.EnvironmentNames;
import io.jenkins.plugins.branchdeploy.engine.naming.NamingPolicy;
import java.util.Map;
import org.htmlunit.html.DomElement;
import org.htmlunit.html.DomNode;
import org.htmlunit.html.HtmlPage;
import org.jenkinsci.plugins.plaincredentials.impl.StringCredentialsImpl;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

@WithJenkins
class BranchDeployPipelineITest {

    private static final String DB_PASSWORD = "db-pw-7f3a9c1e";
    private static final String REGISTRY_PASSWORD = "registry-pw-2b8d4e6f";
    private static final String ADMIN_PASSWORD = "admin-pw-5c1e8a3d";

    private static final String WRITE_MANIFESTS = "writeFile file: 'k8s/app.yaml', text: '''" + TestSettings.MANIFEST + "'''";

    private static final String WRITE_SERVICE = "writeFile file: 'k8s/service.yaml', text: '''" + TestSettings.SERVICE + "'''";

    private static final String SECRETS = "secrets: [[credentialsId: 'db', secretName: 'db', key: 'password'],"
            + " [credentialsId: 'registry', secretName: 'registry', key: 'login']]";

    private final KubernetesApi api = new KubernetesApi();
    private JenkinsRule r;

    @BeforeEach
    void configure(JenkinsRule rule) throws Exception {
        r = rule;
        TestSettings.useCluster(api);
        TestSettings.addCredentials(
                new StringCredentialsImpl(CredentialsScope.GLOBAL, "db", "database password", Secret.fromString(DB_PASSWORD)),
                new UsernamePasswordCredentialsImpl(CredentialsScope.GLOBAL, "registry", "registry login", "deployer", REGISTRY_PASSWORD));
    }

    @AfterEach
    void stopApi() {
        api.close();
    }

    @Test
    void deploysOnAnAgentWithSecretsThatNeverReachTheLog() throws Exception {
        r.createOnlineSlave(Label.get("remote"));
        WorkflowRun build = run("""
                node('remote') {
                  %s
                  withEnv(['BRANCH_NAME=feature/login', 'GIT_COMMIT=0a1b2c3d']) {
                    def live = branchDeploy(app: 'shop', manifests: 'k8s', variables: [GREETING: 'hello'], %s)
                    echo "namespace=${live.namespace} environment=${live.environment} url=${live.url}"
                  }
                }
                """.formatted(WRITE_MANIFESTS, SECRETS));

        r.assertBuildStatusSuccess(build);
        EnvironmentNames names = names(new BranchRef("shop", "feature/login", null, "0a1b2c3d"));
        r.assertLogContains("namespace=" + names.namespace() + " environment=" + names.environment(), build);
        r.assertLogNotContains(DB_PASSWORD, build);
        r.assertLogNotContains(REGISTRY_PASSWORD, build);

        Namespace namespace = api.namespace(names.namespace());
        assertThat(namespace).as("the environment's namespace").isNotNull();
        assertThat(namespace.getMetadata().getLabels()).containsEntry(ClusterContract.INSTALLATION, TestSettings.INSTALLATION);
        assertThat(KubernetesApi.value(api.secret(names.namespace(), "db"), "password")).isEqualTo(DB_PASSWORD);
        assertThat(KubernetesApi.value(api.secret(names.namespace(), "registry"), "login-username")).isEqualTo("deployer");
        assertThat(KubernetesApi.value(api.secret(names.namespace(), "registry"), "login-password")).isEqualTo(REGISTRY_PASSWORD);
    }

    @Test
    void aRedeployGivenTheSameInputIsDecidedFromTheEnvironmentsRecord() throws Exception {
        WorkflowJob job = r.createProject(WorkflowJob.class);
        job.setDefinition(new CpsFlowDefinition("""
                node {
                  %s
                  %s
                  withEnv(['BRANCH_NAME=feature/again', 'GIT_COMMIT=0a1b2c3d']) {
                    branchDeploy app: 'shop', manifests: 'k8s', variables: [GREETING: 'hi'], %s
                  }
                }
                """.formatted(WRITE_MANIFESTS, WRITE_SERVICE, SECRETS), true));
        r.assertBuildStatusSuccess(r.waitForCompletion(job.scheduleBuild2(0).waitForStart()));
        EnvironmentNames names = names(new BranchRef("shop", "feature/again", null, "0a1b2c3d"));
        assertThat(api.namespace(names.namespace()).getMetadata().getAnnotations())
                .containsKeys(ClusterContract.INPUT_DIGEST, ClusterContract.DEPLOY_NOTES);
        // a fingerprint no render gives: a redeploy that rendered would find a change and apply again
        String planted = "sha256:" + "0".repeat(64);
        api.client().namespaces().withName(names.namespace()).edit(ns -> {
            ns.getMetadata().getAnnotations().put(ClusterContract.FINGERPRINT, planted);
            return ns;
        });

        WorkflowRun again = r.waitForCompletion(job.scheduleBuild2(0).waitForStart());

        r.assertBuildStatusSuccess(again);
        r.assertLogContains("Nothing changed since the last deploy of " + names.namespace() + ": nothing written", again);
        r.assertLogContains("Service/web: LoadBalancer -> ClusterIP", again);
        r.assertLogNotContains(DB_PASSWORD, again);
        assertThat(api.namespace(names.namespace()).getMetadata().getAnnotations()).containsEntry(ClusterContract.FINGERPRINT, planted);
    }

    @Test
    void buildPageShowsTheExposedEnvironmentAndLinksToIt() throws Exception {
        BranchDeployConfiguration.get().setIngressClass("nginx");
        BranchDeployConfiguration.get().setTlsSecret("preview-tls");
        WorkflowRun build = run("""
                node {
                  %s
                  %s
                  withEnv(['BRANCH_NAME=feature/page', 'GIT_COMMIT=feedc0de']) {
                    def live = branchDeploy app: 'shop', manifests: 'k8s', variables: [GREETING: 'hi'], expose: 'web'
                    echo "url=${live.url}"
                  }
                }
                """.formatted(WRITE_MANIFESTS, WRITE_SERVICE));
        r.assertBuildStatusSuccess(build);

        BranchDeployAction action = build.getAction(BranchDeployAction.class);
        EnvironmentNames names = names(BranchRef.of("shop", "feature/page"));
        assertThat(action.getNamespace()).isEqualTo(names.namespace());
        assertThat(action.getStatus()).isEqualTo("ready");
        assertThat(action.getCommit()).isEqualTo("feedc0de");
        assertThat(action.getLinkUrl()).isEqualTo("https://" + names.host());
        r.assertLogContains("url=https://" + names.host(), build);
        r.assertLogContains("Service/web: LoadBalancer -> ClusterIP", build);
        Ingress ingress = api.client().network().v1().ingresses().inNamespace(names.namespace()).withName("branch-deploy").get();
        assertThat(ingress.getSpec().getIngressClassName()).isEqualTo("nginx");
        assertThat(ingress.getSpec().getTls()).singleElement().satisfies(tls -> assertThat(tls.getSecretName()).isEqualTo("preview-tls"));

        HtmlPage page = r.createWebClient().getPage(build);
        assertThat(page.getAnchors())
                .as("the sidebar links straight to the live URL")
                .anySatisfy(link -> {
                    assertThat(link.getHrefAttribute()).isEqualTo(action.getLinkUrl());
                    assertThat(link.getTextContent()).contains("Live environment " + names.environment());
                });
        assertThat(page.asNormalizedText())
                .contains("Environment " + names.environment())
                .contains(names.namespace())
                .contains("feedc0de");
    }

    @Test
    void withNothingRoutingTheDeploySucceedsWithoutAUrlAndThePageSaysSo() throws Exception {
        WorkflowRun build = run("""
                node {
                  %s
                  withEnv(['BRANCH_NAME=feature/unrouted']) {
                    def live = branchDeploy app: 'shop', manifests: 'k8s', variables: [GREETING: 'hi']
                    echo "url=${live.url}"
                  }
                }
                """.formatted(WRITE_MANIFESTS));

        r.assertBuildStatusSuccess(build);
        EnvironmentNames names = names(BranchRef.of("shop", "feature/unrouted"));
        r.assertLogContains("url=null", build);
        r.assertLogContains("Nothing routes to " + names.host(), build);
        r.assertLogNotContains("is live at", build);
        BranchDeployAction action = build.getAction(BranchDeployAction.class);
        assertThat(action.getLinkUrl()).isNull();
        assertThat(action.isUnrouted()).isTrue();
        HtmlPage page = r.createWebClient().getPage(build);
        assertThat(page.asNormalizedText()).contains("No URL: nothing routes to " + names.host())
                .contains("expose: '");
        assertThat(page.getAnchors()).noneSatisfy(link -> assertThat(link.getHrefAttribute()).contains(names.host()));
    }

    @Test
    void theEnvironmentAdmitsOnlyItsOwnNamespaceAndTheConfiguredOnesUnlessTheStepOptsOut() throws Exception {
        BranchDeployConfiguration.get().setAllowFromNamespaces("kubernetes.io/metadata.name=traefik\nteam=platform");
        WorkflowRun build = run("""
                node {
                  %s
                  withEnv(['BRANCH_NAME=feature/isolated']) {
                    branchDeploy app: 'shop', manifests: 'k8s', variables: [GREETING: 'hi']
                  }
                  withEnv(['BRANCH_NAME=feature/open']) {
                    branchDeploy app: 'shop', manifests: 'k8s', variables: [GREETING: 'hi'], networkPolicy: false
                  }
                }
                """.formatted(WRITE_MANIFESTS));
        r.assertBuildStatusSuccess(build);

        String isolated = names(BranchRef.of("shop", "feature/isolated")).namespace();
        NetworkPolicy policy = api.client().network().v1().networkPolicies().inNamespace(isolated).withName("branch-deploy").get();
        assertThat(policy.getSpec().getIngress()).singleElement().satisfies(rule -> assertThat(rule.getFrom())
                .extracting(peer -> peer.getNamespaceSelector() == null ? Map.<String, String>of() : peer.getNamespaceSelector().getMatchLabels())
                .containsExactly(Map.of(), Map.of("kubernetes.io/metadata.name", "traefik"), Map.of("team", "platform")));
        String open = names(BranchRef.of("shop", "feature/open")).namespace();
        assertThat(api.client().network().v1().networkPolicies().inNamespace(open).list().getItems()).isEmpty();
    }

    @Test
    void badExposeFailsTheStepBeforeAnythingIsWritten() throws Exception {
        WorkflowRun build = run("""
                node {
                  %s
                  withEnv(['BRANCH_NAME=main']) { branchDeploy app: 'shop', manifests: 'k8s', variables: [GREETING: 'hi'], expose: 'api' }
                }
                """.formatted(WRITE_MANIFESTS));

        r.assertBuildStatus(Result.FAILURE, build);
        r.assertLogContains("expose: the manifests have no Service 'api'", build);
        assertThat(api.namespace(names(BranchRef.of("shop", "main")).namespace())).isNull();

        WorkflowRun routeVia = run("""
                node {
                  %s
                  withEnv(['BRANCH_NAME=main']) { branchDeploy app: 'shop', manifests: 'k8s', variables: [GREETING: 'hi'], routeVia: 'gateway:gateways/preview' }
                }
                """.formatted(WRITE_MANIFESTS));
        r.assertBuildStatus(Result.FAILURE, routeVia);
        r.assertLogContains("route-via: applies to the Service that expose or webhooks routes to; add expose SERVICE[:PORT]", routeVia);
    }

    @Test
    void buildSummaryNamesWhatItComparedWithAndShowsTheStatusAsAWord() throws Exception {
        String production = names(BranchRef.of("shop", "main")).namespace();
        WorkflowRun build = run("""
                node {
                  %s
                  withEnv(['BRANCH_NAME=main']) {
                    branchDeploy app: 'shop', manifests: 'k8s', variables: [GREETING: 'hello']
                  }
                  withEnv(['BRANCH_NAME=feature/summary']) {
                    branchDeploy app: 'shop', manifests: 'k8s', variables: [GREETING: 'hi'], baselineNamespace: '%s'
                  }
                }
                """.formatted(WRITE_MANIFESTS, production));
        r.assertBuildStatusSuccess(build);

        HtmlPage page = r.createWebClient().getPage(build);
        String namespace = names(BranchRef.of("shop", "feature/summary")).namespace();
        DomElement summary = page.querySelectorAll(".branch-deploy-summary").stream().map(DomElement.class::cast)
                .filter(block -> block.asNormalizedText().contains(namespace)).findFirst().orElseThrow();
        assertThat(summary.asNormalizedText()).contains("Changes versus namespace " + production).doesNotContain("ready");
        DomNode badge = summary.querySelector(".jenkins-badge");
        assertThat(badge.getTextContent().trim()).isEqualTo("Ready");
        DomNode phases = summary.querySelector("table.jenkins-table--auto-width");
        assertThat(phases).as("the phase table is as wide as its content").isNotNull();
    }

    @Test
    void aBranchTheFilterLeavesOutIsNotDeployedAndTheStepSucceedsWithoutAUrl() throws Exception {
        BranchDeployConfiguration.get().setBranchFilter("feature/*, !feature/skip-*");
        WorkflowRun build = run("""
                node {
                  %s
                  withEnv(['BRANCH_NAME=feature/skip-me']) {
                    def live = branchDeploy(app: 'shop', manifests: 'k8s', variables: [GREETING: 'hi'])
                    echo "url=${live.url}"
                  }
                  withEnv(['BRANCH_NAME=feature/kept']) {
                    branchDeploy(app: 'shop', manifests: 'k8s', variables: [GREETING: 'hi'])
                  }
                }
                """.formatted(WRITE_MANIFESTS));

        r.assertBuildStatusSuccess(build);
        r.assertLogContains("Not deploying branch feature/skip-me: the branch filter of the Branch deployments configuration"
                + " leaves it out", build);
        r.assertLogContains("url=null", build);
        assertThat(api.namespace(names(BranchRef.of("shop", "feature/skip-me")).namespace())).isNull();
        assertThat(api.namespace(names(BranchRef.of("shop", "feature/kept")).namespace())).isNotNull();
    }

    @Test
    void teardownRemovesTheEnvironmentAndAnAbsentOneIsFine() throws Exception {
        WorkflowRun build = run("""
                node {
                  %s
                  withEnv(['BRANCH_NAME=feature/short-lived']) {
                    branchDeploy app: 'shop', manifests: 'k8s', variables: [GREETING: 'bye']
                    branchTeardown app: 'shop'
                    branchTeardown app: 'shop'
                  }
                }
                """.formatted(WRITE_MANIFESTS));

        r.assertBuildStatusSuccess(build);
        String namespace = names(BranchRef.of("shop", "feature/short-lived")).namespace();
        r.assertLogContains("Tore down environment " + namespace, build);
        r.assertLogContains("has no environment " + namespace + ": nothing to tear down", build);
        assertThat(api.namespace(namespace)).isNull();
    }

    @Test
    void teardownWithoutADatabaseBlockDropsWithTheGlobalAdminCredential() throws Exception {
        // no server listens on port 1: the failed drop shows that the global credential was used
        TestSettings.addCredentials(new StringCredentialsImpl(CredentialsScope.GLOBAL, "postgres-admin", "database admin",
                Secret.fromString("postgresql://admin:" + ADMIN_PASSWORD + "@127.0.0.1:1/postgres")));
        BranchDeployConfiguration.get().setDatabaseAdminCredentialsId("postgres-admin");

        WorkflowRun build = run("""
                node {
                  %s
                  withEnv(['BRANCH_NAME=feature/with-data']) {
                    branchDeploy app: 'shop', manifests: 'k8s', variables: [GREETING: 'hi']
                    branchTeardown app: 'shop'
                  }
                }
                """.formatted(WRITE_MANIFESTS));

        r.assertBuildStatus(Result.FAILURE, build);
        r.assertLogContains("cannot reach the database server at 127.0.0.1:1", build);
        r.assertLogNotContains(ADMIN_PASSWORD, build);
        String namespace = names(BranchRef.of("shop", "feature/with-data")).namespace();
        assertThat(api.namespace(namespace)).as("the namespace goes before the database").isNull();
    }

    @Test
    void aProjectCannotTearDownOrOverwriteAnotherProjectsEnvironment() throws Exception {
        WorkflowJob owner = r.createProject(WorkflowJob.class, "project-a");
        owner.setDefinition(new CpsFlowDefinition("""
                node {
                  %s
                  withEnv(['BRANCH_NAME=main']) {
                    branchDeploy app: 'shop-a', manifests: 'k8s', variables: [GREETING: 'mine']
                  }
                }
                """.formatted(WRITE_MANIFESTS), true));
        r.buildAndAssertSuccess(owner);
        String namespace = names(BranchRef.of("shop-a", "main")).namespace();
        assertThat(api.namespace(namespace).getMetadata().getAnnotations()).containsEntry(ClusterContract.OWNER, "project-a");

        WorkflowJob intruder = r.createProject(WorkflowJob.class, "project-b");
        intruder.setDefinition(new CpsFlowDefinition("""
                node {
                  %s
                  withEnv(['BRANCH_NAME=main']) {
                    catchError {
                      branchDeploy app: 'shop-a', manifests: 'k8s', variables: [GREETING: 'theirs']
                    }
                    branchTeardown app: 'shop-a'
                  }
                }
                """.formatted(WRITE_MANIFESTS), true));
        WorkflowRun refused = r.buildAndAssertStatus(Result.FAILURE, intruder);

        String refusal = "environment '" + namespace + "' belongs to project 'project-a', not to 'project-b'";
        r.assertLogContains(refusal, refused);
        r.assertLogNotContains("Tore down environment", refused);
        assertThat(api.namespace(namespace)).as("project-a's environment survives").isNotNull();
        assertThat(api.client().configMaps().inNamespace(namespace).withName("web").get().getData())
                .as("the deploy was refused too").containsEntry("greeting", "mine");
    }

    @Test
    void appDefaultsToTheJobName() throws Exception {
        WorkflowJob job = r.createProject(WorkflowJob.class, "storefront");
        job.setDefinition(new CpsFlowDefinition("""
                node {
                  %s
                  withEnv(['BRANCH_NAME=main']) {
                    def live = branchDeploy(manifests: 'k8s', variables: [GREETING: 'hi'])
                    echo "namespace=${live.namespace}"
                  }
                }
                """.formatted(WRITE_MANIFESTS), true));

        WorkflowRun build = r.buildAndAssertSuccess(job);

        r.assertLogContains("namespace=" + names(BranchRef.of("storefront", "main")).namespace(), build);
    }

    @Test
    void missingBranchNameAndMissingManifestsFailWithTheFix() throws Exception {
        WorkflowRun noBranch = run("node { branchDeploy app: 'shop', manifests: 'k8s' }");
        r.assertBuildStatus(Result.FAILURE, noBranch);
        r.assertLogContains("BRANCH_NAME is not set", noBranch);

        WorkflowRun noManifests = run("""
                node { withEnv(['BRANCH_NAME=main']) { branchDeploy app: 'shop', manifests: 'nowhere' } }
                """);
        r.assertBuildStatus(Result.FAILURE, noManifests);
        r.assertLogContains("manifests: 'nowhere' does not exist in the workspace", noManifests);
        assertThat(noManifests.getAction(BranchDeployAction.class)).as("nothing was deployed").isNull();
    }

    @Test
    void badParameterTextNamesTheParameter() throws Exception {
        WorkflowRun build = run("""
                node {
                  %s
                  withEnv(['BRANCH_NAME=main']) { branchDeploy app: 'shop', manifests: 'k8s', ttl: 'forever' }
                }
                """.formatted(WRITE_MANIFESTS));

        r.assertBuildStatus(Result.FAILURE, build);
        r.assertLogContains("ttl: 'forever' is not a duration", build);
    }

    private WorkflowRun run(String script) throws Exception {
        WorkflowJob job = r.createProject(WorkflowJob.class);
        job.setDefinition(new CpsFlowDefinition(script, true));
        return r.waitForCompletion(job.scheduleBuild2(0).waitForStart());
    }

    private static EnvironmentNames names(BranchRef branch) {
        return NamingPolicy.withDefaults(TestSettings.DOMAIN).names(branch);
    }
}
