package io.jenkins.plugins.branchdeploy.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.SystemCredentialsProvider;
import hudson.util.Secret;
import io.jenkins.plugins.branchdeploy.engine.InvalidInputException;
import io.jenkins.plugins.branchdeploy.engine.lifecycle.CleanupPolicy;
import java.time.Duration;
import java.util.List;
import org.jenkinsci.plugins.plaincredentials.impl.StringCredentialsImpl;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

@WithJenkins
class BranchDeployConfigurationITest {

    @Test
    void formRoundTripKeepsEverySetting(JenkinsRule r) throws Exception {
        SystemCredentialsProvider.getInstance().getCredentials().add(
                new StringCredentialsImpl(CredentialsScope.GLOBAL, "staging-token", "staging", Secret.fromString("t0ken")));
        BranchDeployConfiguration config = BranchDeployConfiguration.get();
        ClusterConfig staging = new ClusterConfig("staging");
        staging.setServerUrl("https://k8s.staging.example.dev:6443");
        staging.setCredentialsId("staging-token");
        staging.setContext("ops");
        staging.setCaCertificate("TUlJQmtUQ0NBVGVnQXdJQkFnSUJBREFLQmdncWhrak9QUVFEQWpBak1TRXdId1lEVlFRRERCaHI=");
        ClusterConfig local = new ClusterConfig("local");
        local.setInCluster(true);
        local.setSkipTlsVerify(true);
        config.setClusters(List.of(staging, local));
        setEveryScalar(config);

        r.configRoundtrip();

        BranchDeployConfiguration after = BranchDeployConfiguration.get();
        r.assertEqualDataBoundBeans(List.of(staging, local), after.getClusters());
        assertEveryScalar(after);
    }

    @Test
    void settingsSurviveARestartOfTheConfiguration(JenkinsRule r) {
        BranchDeployConfiguration config = BranchDeployConfiguration.get();
        config.setClusters(List.of(new ClusterConfig("staging")));
        setEveryScalar(config);

        BranchDeployConfiguration reloaded = new BranchDeployConfiguration();

        assertThat(reloaded.getClusters()).extracting(ClusterConfig::getName).containsExactly("staging");
        assertEveryScalar(reloaded);
    }

    @Test
    void defaultsAreTheEngineDefaults(JenkinsRule r) {
        BranchDeployConfiguration config = BranchDeployConfiguration.get();

        assertThat(config.getNamespaceTemplate()).isEqualTo("{app}-{branch}");
        assertThat(config.getHostTemplate()).isEqualTo("{branch}--{app}.{domain}");
        assertThat(config.getQuotaCpu()).isEqualTo("2");
        assertThat(config.getQuotaMemory()).isEqualTo("4Gi");
        assertThat(config.getQuotaPods()).isEqualTo(20);
        assertThat(config.getTtl()).isEqualTo("7d");
        assertThat(config.getCleanupPeriodMinutes()).isEqualTo(15);
        assertThat(config.getMaxTeardownsPerRun()).isEqualTo(10);
        assertThat(config.getMaxTeardownPercent()).isEqualTo(25);
        assertThat(config.isDryRun()).isFalse();
        assertThat(new SettingsResolver(config).idle()).isEmpty();
    }

    @Test
    void cleanupRunsWithTheConfiguredPolicy(JenkinsRule r) {
        BranchDeployConfiguration config = BranchDeployConfiguration.get();
        config.setIdlePeriod("3d");
        config.setWorkingHours("Mon-Fri 08:00-19:00 Europe/Berlin");
        config.setMaxTeardownsPerRun(4);
        config.setMaxTeardownPercent(50);
        config.setDryRun(true);
        config.setBurstMaxTeardowns(6);
        config.setBurstWindowMinutes(15);

        CleanupPolicy policy = new SettingsResolver(config).cleanupPolicy();

        assertThat(policy.idlePeriod()).isEqualTo(Duration.ofDays(3));
        assertThat(policy.workingHours()).hasToString("Mon-Fri 08:00-19:00 Europe/Berlin");
        assertThat(policy.maxTeardownsPerRun()).isEqualTo(4);
        assertThat(policy.maxTeardownPercent()).isEqualTo(50);
        assertThat(policy.dryRun()).isTrue();
        assertThat(policy.burstBrake().maxTeardowns()).isEqualTo(6);
        assertThat(policy.burstBrake().window()).isEqualTo(Duration.ofMinutes(15));

        config.setBurstWindowMinutes(0);
        assertThatThrownBy(new SettingsResolver(config)::cleanupPolicy).isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("burstWindowMinutes: must be 1 or more");
        config.setBurstWindowMinutes(15);

        config.setWorkingHours("weekdays");
        assertThatThrownBy(new SettingsResolver(config)::cleanupPolicy)
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("workingHours: 'weekdays' is not DAYS HH:MM-HH:MM ZONE");
    }

    @Test
    void installationIdIsDerivedFromThisJenkinsAndStable(JenkinsRule r) {
        String derived = SettingsResolver.get().installationId();

        assertThat(derived).matches("jenkins-[0-9a-f]{12}");
        assertThat(new SettingsResolver(new BranchDeployConfiguration()).installationId()).isEqualTo(derived);

        BranchDeployConfiguration.get().setInstallationId("jenkins-prod");
        assertThat(SettingsResolver.get().installationId()).isEqualTo("jenkins-prod");
    }

    @Test
    void clusterLookupNamesTheFieldAndTheChoices(JenkinsRule r) {
        BranchDeployConfiguration config = BranchDeployConfiguration.get();
        assertThatThrownBy(() -> new SettingsResolver(config).cluster(null))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("cluster: no cluster is configured");

        config.setClusters(List.of(new ClusterConfig("staging"), new ClusterConfig("prod")));

        assertThat(new SettingsResolver(config).cluster(" ").getName()).as("blank means the first").isEqualTo("staging");
        assertThat(new SettingsResolver(config).cluster("prod").getName()).isEqualTo("prod");
        assertThatThrownBy(() -> new SettingsResolver(config).cluster("qa"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("cluster: 'qa' is not a configured cluster; use one of: staging, prod");
    }

    private static void setEveryScalar(BranchDeployConfiguration config) {
        config.setInstallationId("jenkins-ci");
        config.setDomain("preview.example.dev");
        config.setNamespaceTemplate("pr-{app}-{branch}");
        config.setHostTemplate("{app}-{branch}.{domain}");
        config.setQuotaCpu("4");
        config.setQuotaMemory("8Gi");
        config.setQuotaPods(40);
        config.setTtl("3d");
        config.setWorkingHours("Mon-Fri 08:00-19:00 Europe/Berlin");
        config.setIdlePeriod("12h");
        config.setCleanupPeriodMinutes(5);
        config.setMaxTeardownsPerRun(3);
        config.setMaxTeardownPercent(50);
        config.setDryRun(true);
        config.setTrustedForks("octocat, acme/shop");
        config.setBranchFilter("feature/*, !dependabot/**");
    }

    private static void assertEveryScalar(BranchDeployConfiguration config) {
        assertThat(config.getInstallationId()).isEqualTo("jenkins-ci");
        assertThat(config.getDomain()).isEqualTo("preview.example.dev");
        assertThat(config.getNamespaceTemplate()).isEqualTo("pr-{app}-{branch}");
        assertThat(config.getHostTemplate()).isEqualTo("{app}-{branch}.{domain}");
        assertThat(config.getQuotaCpu()).isEqualTo("4");
        assertThat(config.getQuotaMemory()).isEqualTo("8Gi");
        assertThat(config.getQuotaPods()).isEqualTo(40);
        assertThat(config.getTtl()).isEqualTo("3d");
        assertThat(config.getWorkingHours()).isEqualTo("Mon-Fri 08:00-19:00 Europe/Berlin");
        assertThat(config.getIdlePeriod()).isEqualTo("12h");
        assertThat(config.getCleanupPeriodMinutes()).isEqualTo(5);
        assertThat(config.getMaxTeardownsPerRun()).isEqualTo(3);
        assertThat(config.getMaxTeardownPercent()).isEqualTo(50);
        assertThat(config.isDryRun()).isTrue();
        assertThat(config.getTrustedForks()).isEqualTo("octocat, acme/shop");
        assertThat(config.getBranchFilter()).isEqualTo("feature/*, !dependabot/**");
    }
}
