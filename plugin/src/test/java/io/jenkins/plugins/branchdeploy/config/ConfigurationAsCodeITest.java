package io.jenkins.plugins.branchdeploy.config;

import static io.jenkins.plugins.casc.misc.Util.getUnclassifiedRoot;
import static io.jenkins.plugins.casc.misc.Util.toYamlString;
import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.branchdeploy.engine.lifecycle.BurstBrake;
import io.jenkins.plugins.casc.ConfigurationAsCode;
import io.jenkins.plugins.casc.ConfigurationContext;
import io.jenkins.plugins.casc.ConfiguratorRegistry;
import io.jenkins.plugins.casc.misc.ConfiguredWithCode;
import io.jenkins.plugins.casc.misc.JenkinsConfiguredWithCodeRule;
import io.jenkins.plugins.casc.misc.junit.jupiter.WithJenkinsConfiguredWithCode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@WithJenkinsConfiguredWithCode
class ConfigurationAsCodeITest {

    @Test
    @ConfiguredWithCode("configuration-as-code.yaml")
    void importsEverySetting(JenkinsConfiguredWithCodeRule r) {
        assertConfigured(BranchDeployConfiguration.get());
    }

    @Test
    @ConfiguredWithCode("configuration-as-code.yaml")
    void exportsWhatItImportedSoThatItImportsAgain(JenkinsConfiguredWithCodeRule r, @TempDir Path dir) throws Exception {
        ConfigurationContext context = new ConfigurationContext(ConfiguratorRegistry.get());
        String exported = toYamlString(getUnclassifiedRoot(context).get("branchDeploy"));

        assertThat(exported).contains("domain: \"preview.example.dev\"", "context: \"deployer@prod\"");

        forgetEverySetting(BranchDeployConfiguration.get());
        Path file = dir.resolve("jenkins.yaml");
        Files.writeString(file, "unclassified:\n  branchDeploy:\n" + exported.lines()
                .map(line -> "    " + line)
                .collect(Collectors.joining("\n", "", "\n")), StandardCharsets.UTF_8);
        ConfigurationAsCode.get().configure(file.toUri().toURL().toExternalForm());

        assertConfigured(BranchDeployConfiguration.get());
    }

    /** So that what is configured afterwards can only have come from the export. */
    private static void forgetEverySetting(BranchDeployConfiguration config) {
        config.setClusters(List.of());
        config.setInstallationId(null);
        config.setDomain(null);
        config.setNamespaceTemplate(null);
        config.setHostTemplate(null);
        config.setIngressClass(null);
        config.setTlsSecret(null);
        config.setAllowFromNamespaces(null);
        config.setArgoCd(null);
        config.setQuotaCpu(null);
        config.setQuotaMemory(null);
        config.setQuotaPods(1);
        config.setTtl(null);
        config.setWorkingHours(null);
        config.setIdlePeriod(null);
        config.setCleanupPeriodMinutes(1);
        config.setMaxTeardownsPerRun(0);
        config.setMaxTeardownPercent(0);
        config.setBurstMaxTeardowns(0);
        config.setBurstWindowMinutes(1);
        config.setDryRun(false);
        config.setTrustedForks(null);
        config.setBranchFilter(null);
        config.setDatabaseAdminCredentialsId(null);
    }

    private static void assertConfigured(BranchDeployConfiguration config) {
        assertThat(config.getClusters()).extracting(ClusterConfig::getName).containsExactly("staging", "prod", "local");
        ClusterConfig staging = new SettingsResolver(config).cluster("staging");
        assertThat(staging.getServerUrl()).isEqualTo("https://k8s.staging.example.dev:6443");
        assertThat(staging.getCredentialsId()).isEqualTo("staging-token");
        assertThat(staging.getCaCertificate()).startsWith("TUlJQm");
        assertThat(staging.isInCluster()).isFalse();
        assertThat(new SettingsResolver(config).cluster("prod").getContext()).isEqualTo("deployer@prod");
        assertThat(new SettingsResolver(config).cluster("local").isInCluster()).isTrue();
        assertThat(config.getInstallationId()).isEqualTo("jenkins-ci");
        assertThat(config.getDomain()).isEqualTo("preview.example.dev");
        assertThat(config.getNamespaceTemplate()).isEqualTo("{app}-{branch}");
        assertThat(config.getHostTemplate()).isEqualTo("{branch}--{app}.{domain}");
        assertThat(config.getIngressClass()).isEqualTo("nginx");
        assertThat(config.getTlsSecret()).isEqualTo("preview-tls");
        assertThat(SettingsResolver.allowFromNamespaces(config.getAllowFromNamespaces())).extracting(Object::toString)
                .containsExactly("kubernetes.io/metadata.name=ingress-nginx", "team=platform");
        assertThat(config.getWebhookHostTemplate()).isEqualTo("webhooks-{app}.{domain}");
        assertThat(FieldChecks.lines(config.getWebhookIngressAnnotations()))
                .containsExactly("nginx.ingress.kubernetes.io/use-regex=true", "nginx.ingress.kubernetes.io/rewrite-target=/$2");
        assertThat(config.getArgoCd().getNamespace()).isEqualTo("gitops");
        assertThat(config.getArgoCd().getProject()).isEqualTo("previews");
        assertThat(config.getQuotaCpu()).isEqualTo("4");
        assertThat(config.getQuotaMemory()).isEqualTo("8Gi");
        assertThat(config.getQuotaPods()).isEqualTo(30);
        assertThat(config.getTtl()).isEqualTo("3d");
        assertThat(config.getWorkingHours()).isEqualTo("Mon-Fri 08:00-19:00 Europe/Berlin");
        assertThat(config.getIdlePeriod()).isEqualTo("12h");
        assertThat(config.getCleanupPeriodMinutes()).isEqualTo(10);
        assertThat(config.getMaxTeardownsPerRun()).isEqualTo(5);
        assertThat(config.getMaxTeardownPercent()).isEqualTo(25);
        assertThat(config.getBurstMaxTeardowns()).isEqualTo(8);
        assertThat(config.getBurstWindowMinutes()).isEqualTo(30);
        assertThat(new SettingsResolver(config).cleanupPolicy().burstBrake()).isEqualTo(new BurstBrake(8, Duration.ofMinutes(30)));
        assertThat(config.isDryRun()).isTrue();
        assertThat(config.getTrustedForks()).isEqualTo("octocat, acme/shop");
        assertThat(config.getBranchFilter()).isEqualTo("feature/*, fix/*, !dependabot/**");
        assertThat(config.getDatabaseAdminCredentialsId()).isEqualTo("postgres-admin");
    }
}
