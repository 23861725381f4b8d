package io.jenkins.plugins.branchdeploy.config;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.util.FormValidation;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/** The forms say what the engine says, naming the field, while the user types. */
@WithJenkins
class FormValidationITest {

    @Test
    void templatesAreCheckedByTheEngineAndPreviewed(JenkinsRule r) {
        BranchDeployConfiguration config = BranchDeployConfiguration.get();

        assertOk(config.doCheckNamespaceTemplate("pr-{app}-{branch}"), "e.g. pr-shop-feature-auth-j371xi");
        assertOk(config.doCheckHostTemplate("{app}-{branch}.{domain}", "preview.example.dev"),
                "e.g. shop-feature-auth-j371xi.preview.example.dev");
        assertError(config.doCheckNamespaceTemplate("{app}-main"), "namespaceTemplate: ", "has no {branch}");
        assertError(config.doCheckHostTemplate("{branch}.{zone}", null), "hostTemplate: ", "unknown placeholder {zone}");
        assertError(config.doCheckDomain("not a domain"), "domain: ");
        assertThat(config.doCheckDomain("").kind).isEqualTo(FormValidation.Kind.WARNING);
    }

    @Test
    void durationsQuotasAndListsNameTheirField(JenkinsRule r) {
        BranchDeployConfiguration config = BranchDeployConfiguration.get();

        assertOk(config.doCheckTtl("3d"), null);
        assertError(config.doCheckTtl("a week"), "ttl: ", "e.g. 90m, 12h, 1h30m or 7d");
        assertError(config.doCheckIdlePeriod("soon"), "idlePeriod: ");
        assertError(config.doCheckQuotaCpu("lots"), "quotaCpu: ");
        assertError(config.doCheckQuotaMemory("-1Gi"), "quotaMemory: ");
        assertError(config.doCheckQuotaPods("0"), "quotaPods: ");
        assertError(config.doCheckQuotaPods(""), "Give a value");
        assertError(config.doCheckBranchFilter("feature/*, !"), "branches: ");
        assertError(config.doCheckTrustedForks("octocat/shop/extra"), "trustedForks: ");
        assertError(config.doCheckMaxTeardownPercent("120"), "maxTeardownPercent: ");
        assertError(config.doCheckCleanupPeriodMinutes("0"), "cleanupPeriodMinutes: ");
        assertError(config.doCheckWorkingHours("Mon-Fri 19:00-08:00 UTC"), "workingHours: ", "cannot cross midnight");
        assertOk(config.doCheckWorkingHours("Mon-Fri 08:00-19:00 Europe/Berlin"), null);
        assertError(config.doCheckInstallationId("Jenkins_Prod"), "installationId: ");
        assertOk(config.doCheckInstallationId(""), "The ID of this Jenkins is jenkins-");
        assertOk(config.doCheckDatabaseAdminCredentialsId(""), "leave their database branches on the server");
        assertError(config.doCheckDatabaseAdminCredentialsId("no-such-admin"), "databaseAdminCredentialsId: ", "no-such-admin");
    }

    @Test
    void blankProjectSettingsInherit(JenkinsRule r) {
        ProjectSettings.DescriptorImpl descriptor = r.jenkins.getDescriptorByType(ProjectSettings.DescriptorImpl.class);

        assertOk(descriptor.doCheckTtl(null, ""), null);
        assertOk(descriptor.doCheckDomain(null, " "), null);
        assertError(descriptor.doCheckTtl(null, "7"), "ttl: ");
    }

    @Test
    void serverUrlMustBeAnHttpUrlUnlessInClusterOrKubeconfig(JenkinsRule r) {
        ClusterConfig.DescriptorImpl descriptor = r.jenkins.getDescriptorByType(ClusterConfig.DescriptorImpl.class);

        assertOk(descriptor.doCheckServerUrl("https://k8s.example.dev:6443", false, "token"), null);
        assertOk(descriptor.doCheckServerUrl("", true, ""), null);
        assertOk(descriptor.doCheckServerUrl("", false, "kubeconfig"), null);
        assertThat(descriptor.doCheckServerUrl("http://k8s.example.dev", false, "token").kind).isEqualTo(FormValidation.Kind.WARNING);
        assertError(descriptor.doCheckServerUrl("k8s.example.dev", false, "token"), "serverUrl: ");
        assertError(descriptor.doCheckServerUrl("", false, ""), "Give the API server URL");
    }

    private static void assertOk(FormValidation validation, String message) {
        assertThat(validation.kind).as(String.valueOf(validation.getMessage())).isEqualTo(FormValidation.Kind.OK);
        if (message != null) {
            assertThat(validation.getMessage()).contains(message);
        }
    }

    private static void assertError(FormValidation validation, String... parts) {
        assertThat(validation.kind).isEqualTo(FormValidation.Kind.ERROR);
        assertThat(validation.getMessage()).contains(parts);
    }
}
