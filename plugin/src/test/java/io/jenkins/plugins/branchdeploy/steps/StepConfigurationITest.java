package io.jenkins.plugins.branchdeploy.steps;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.model.FreeStyleProject;
import hudson.model.Item;
import hudson.model.User;
import hudson.security.ACL;
import hudson.security.ACLContext;
import hudson.util.FormValidation;
import io.jenkins.plugins.branchdeploy.config.ArgoCdOptions;
import java.util.List;
import java.util.Map;
import jenkins.model.Jenkins;
import org.jenkinsci.plugins.workflow.cps.Snippetizer;
import org.jenkinsci.plugins.workflow.cps.SnippetizerTester;
import org.jenkinsci.plugins.workflow.steps.StepConfigTester;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.MockAuthorizationStrategy;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

@WithJenkins
class StepConfigurationITest {

    private JenkinsRule r;

    @BeforeEach
    void start(JenkinsRule rule) {
        r = rule;
    }

    @Test
    void everyDeployParameterSurvivesTheForm() throws Exception {
        BranchDeployStep step = fullyConfigured();

        BranchDeployStep after = new StepConfigTester(r).configRoundTrip(step);

        r.assertEqualDataBoundBeans(step, after);
    }

    @Test
    void defaultsSurviveTheFormAsDefaults() throws Exception {
        BranchDeployStep after = new StepConfigTester(r).configRoundTrip(new BranchDeployStep("k8s"));

        r.assertEqualDataBoundBeans(new BranchDeployStep("k8s"), after);
        assertThat(after.getVariables()).isNull();
        assertThat(after.getSecrets()).isEmpty();
        assertThat(after.getDatabase()).isNull();
        assertThat(after.getApplyWith()).isNull();
        assertThat(after.getArgoCd()).isNull();
    }

    @Test
    void snippetGeneratorWritesAScriptThatGivesTheSameStep() throws Exception {
        BranchDeployStep step = fullyConfigured();

        String snippet = Snippetizer.object2Groovy(step);

        assertThat(snippet).startsWith("branchDeploy ").contains("variables: [IMAGE_TAG: 'abc123', REPLICAS: '2']");
        new SnippetizerTester(r).assertParseStep(step, snippet);
    }

    @Test
    void snippetGeneratorWritesChartParametersInTheirOrder() throws Exception {
        assertThat(Snippetizer.object2Groovy(fullyConfigured()))
                .contains("source: 'helm'")
                .contains("values: ['deploy/values-preview.yaml', 'deploy/values-branch.yaml']")
                .contains("set: [replicaCount: '2', logLevel: 'debug']")
                .contains("helmTests: true");
    }

    @Test
    void snippetGeneratorWritesTheArgoCdHandOff() throws Exception {
        assertThat(Snippetizer.object2Groovy(fullyConfigured()))
                .contains("applyWith: 'argocd'")
                .contains("argoCd: [")
                .contains("repoUrl: 'https://github.com/acme/shop.git'")
                .contains("repoPath: 'deploy/chart'")
                .contains("destination: 'staging'");
    }

    @Test
    void theSnippetGeneratorLeavesOutAnUntouchedSecretRow() throws Exception {
        String form = "{'stapler-class': '" + BranchDeployStep.class.getName() + "', 'manifests': 'k8s', "
                + "'secrets': {'credentialsId': '', 'secretName': '', 'key': '', 'usernameKey': '', 'passwordKey': ''}}";

        new SnippetizerTester(r).assertGenerateSnippet(form, "branchDeploy 'k8s'", null);
    }

    @Test
    void anEmptyDatabaseStrategyWaitsForInputAndAMalformedOneNamesTheFix() throws Exception {
        FreeStyleProject job = r.createFreeStyleProject();
        DatabaseOptions.DescriptorImpl database = r.jenkins.getDescriptorByType(DatabaseOptions.DescriptorImpl.class);

        assertThat(database.doCheckStrategy(job, "").kind).isEqualTo(FormValidation.Kind.OK);
        FormValidation malformed = database.doCheckStrategy(job, "clone-everything");
        assertThat(malformed.kind).isEqualTo(FormValidation.Kind.ERROR);
        assertThat(malformed.getMessage()).contains("use template:SEED");
    }

    @Test
    void minimalSnippetNamesOnlyTheManifests() throws Exception {
        assertThat(Snippetizer.object2Groovy(new BranchDeployStep("k8s"))).isEqualTo("branchDeploy 'k8s'");
    }

    @Test
    void teardownRoundTrips() throws Exception {
        BranchTeardownStep step = new BranchTeardownStep();
        step.setApp("shop");
        step.setCluster("staging");

        r.assertEqualDataBoundBeans(step, new StepConfigTester(r).configRoundTrip(step));
        assertThat(Snippetizer.object2Groovy(step)).isEqualTo("branchTeardown app: 'shop', cluster: 'staging'");
        assertThat(Snippetizer.object2Groovy(new BranchTeardownStep())).isEqualTo("branchTeardown()");
    }

    @Test
    void freestyleStepsShareTheStepForms() throws Exception {
        BranchDeployBuilder builder = new BranchDeployBuilder(fullyConfigured());
        BranchTeardownPublisher publisher = new BranchTeardownPublisher(new BranchTeardownStep());

        r.assertEqualDataBoundBeans(builder, r.configRoundtrip(builder));
        r.assertEqualDataBoundBeans(publisher, r.configRoundtrip(publisher));
    }

    @Test
    void formChecksReportEngineErrorsOnlyToUsersWhoMayConfigure() throws Exception {
        r.jenkins.setSecurityRealm(r.createDummySecurityRealm());
        r.jenkins.setAuthorizationStrategy(new MockAuthorizationStrategy()
                .grant(Jenkins.READ, Item.READ).everywhere().to("reader")
                .grant(Jenkins.READ, Item.READ, Item.CONFIGURE).everywhere().to("configurer"));
        FreeStyleProject job = r.createFreeStyleProject();
        BranchDeployStep.DescriptorImpl descriptor = r.jenkins.getDescriptorByType(BranchDeployStep.DescriptorImpl.class);

        try (ACLContext ignored = ACL.as(User.getById("reader", true))) {
            assertThat(descriptor.doCheckTtl(job, "forever").kind).isEqualTo(FormValidation.Kind.OK);
            assertThat(descriptor.doCheckQuota(job, "disk=1").kind).isEqualTo(FormValidation.Kind.OK);
        }
        try (ACLContext ignored = ACL.as(User.getById("configurer", true))) {
            assertThat(descriptor.doCheckTtl(job, "forever").kind).isEqualTo(FormValidation.Kind.ERROR);
            assertThat(descriptor.doCheckTtl(job, "3d").kind).isEqualTo(FormValidation.Kind.OK);
            assertThat(descriptor.doCheckQuota(job, "disk=1").kind).isEqualTo(FormValidation.Kind.ERROR);
            assertThat(descriptor.doCheckQuota(job, "cpu=4").kind).isEqualTo(FormValidation.Kind.OK);
            assertThat(descriptor.doCheckQuota(job, "auto").kind).isEqualTo(FormValidation.Kind.OK);
            assertThat(descriptor.doCheckExpose(job, "Front End").kind).isEqualTo(FormValidation.Kind.ERROR);
            assertThat(descriptor.doCheckExpose(job, "frontend:http").kind).isEqualTo(FormValidation.Kind.OK);
            assertThat(descriptor.doCheckRouteVia(job, "gateway:gateways/preview", "", "").kind).isEqualTo(FormValidation.Kind.ERROR);
            assertThat(descriptor.doCheckRouteVia(job, "gateways/preview", "frontend", "").kind).isEqualTo(FormValidation.Kind.ERROR);
            assertThat(descriptor.doCheckRouteVia(job, "gateway:gateways/preview", "frontend", "").kind).isEqualTo(FormValidation.Kind.OK);
            assertThat(descriptor.doCheckRouteVia(job, "gateway:gateways/preview", "", "api:8080").kind).isEqualTo(FormValidation.Kind.OK);
            assertThat(descriptor.doCheckWebhooks(job, "api:8080").kind).isEqualTo(FormValidation.Kind.OK);
            assertThat(descriptor.doCheckWebhooks(job, "Payments API").kind).isEqualTo(FormValidation.Kind.ERROR);
            assertThat(descriptor.doCheckVariablesText(job, "NO_EQUALS_SIGN").kind).isEqualTo(FormValidation.Kind.ERROR);
            assertThat(descriptor.doCheckDomain(job, "not a domain").kind).isEqualTo(FormValidation.Kind.ERROR);
        }
    }

    private static BranchDeployStep fullyConfigured() {
        BranchDeployStep step = new BranchDeployStep("k8s");
        step.setApp("shop");
        step.setCluster("staging");
        step.setDomain("preview.example.dev");
        step.setVariables(Map.of("REPLICAS", "2", "IMAGE_TAG", "abc123"));
        SecretBinding login = new SecretBinding("registry", "registry", "login");
        login.setUsernameKey("user");
        login.setPasswordKey("pass");
        step.setSecrets(List.of(new SecretBinding("db-password", "db", "password"), login));
        DatabaseOptions database = new DatabaseOptions("template:seed");
        database.setCredentialsId("postgres-admin");
        step.setDatabase(database);
        step.setQuota("cpu=1,memory=2Gi,pods=10");
        step.setTtl("3d");
        step.setTimeout("10m");
        step.setSmokeTests("smoke.yaml");
        step.setSourceNamespace("podinfo");
        step.setSource("helm");
        step.setValues(List.of("deploy/values-preview.yaml", "deploy/values-branch.yaml"));
        Map<String, String> set = new java.util.LinkedHashMap<>();
        set.put("replicaCount", "2");
        set.put("logLevel", "debug");
        step.setSet(set);
        step.setHelmTests(true);
        step.setExpose("frontend:80");
        step.setRouteVia("gateway:gateways/preview");
        step.setWebhooks("api:8080");
        step.setKeepLoadBalancers(true);
        step.setBaselineNamespace("production");
        step.setCommitsBehind(12);
        step.setDriftThreshold(30);
        step.setApplyWith("argocd");
        ArgoCdOptions argoCd = new ArgoCdOptions();
        argoCd.setRepoUrl("https://github.com/acme/shop.git");
        argoCd.setRepoPath("deploy/chart");
        argoCd.setNamespace("gitops");
        argoCd.setProject("previews");
        argoCd.setDestination("staging");
        step.setArgoCd(argoCd);
        return step;
    }
}
