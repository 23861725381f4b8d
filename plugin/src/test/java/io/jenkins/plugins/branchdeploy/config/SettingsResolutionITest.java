package io.jenkins.plugins.branchdeploy.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cloudbees.hudson.plugins.folder.Folder;
import hudson.model.FreeStyleProject;
import io.jenkins.plugins.branchdeploy.engine.InvalidInputException;
import io.jenkins.plugins.branchdeploy.engine.branch.BranchRef;
import io.jenkins.plugins.branchdeploy.engine.deploy.ArgoCdInput;
import io.jenkins.plugins.branchdeploy.engine.request.Quota;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

@WithJenkins
class SettingsResolutionITest {

    private JenkinsRule r;
    private BranchDeployConfiguration global;

    @BeforeEach
    void configure(JenkinsRule rule) {
        r = rule;
        global = BranchDeployConfiguration.get();
        global.setClusters(List.of(new ClusterConfig("staging"), new ClusterConfig("prod")));
        global.setDomain("preview.example.dev");
        global.setTrustedForks("octocat");
        global.setBranchFilter("!dependabot/**");
    }

    @Test
    void aJobOutsideFoldersGetsTheGlobalSettings() throws Exception {
        FreeStyleProject job = r.createFreeStyleProject("shop");

        EffectiveSettings settings = new SettingsResolver(global).settingsFor(job);

        assertThat(settings.installationId()).isEqualTo(new SettingsResolver(global).installationId());
        assertThat(settings.cluster().getName()).isEqualTo("staging");
        assertThat(settings.domain()).isEqualTo("preview.example.dev");
        assertThat(settings.quota()).isEqualTo(Quota.DEFAULT);
        assertThat(settings.ttl()).isEqualTo(Duration.ofDays(7));
        assertThat(settings.namingPolicy().names(BranchRef.of("shop", "fix-login")).host())
                .isEqualTo("fix-login--shop.preview.example.dev");
        assertThat(settings.deploys("feature/auth")).isTrue();
        assertThat(settings.deploys("dependabot/npm/lodash")).isFalse();
    }

    @Test
    void theNearestFolderWinsAndTheJobPropertyWinsOverAllFolders() throws Exception {
        Folder team = r.jenkins.createProject(Folder.class, "team");
        team.addProperty(new BranchDeployProperty(settings(s -> {
            s.setCluster("prod");
            s.setDomain("team.example.dev");
            s.setTtl("3d");
            s.setQuotaCpu("4");
        })));
        Folder web = team.createProject(Folder.class, "web");
        web.addProperty(new BranchDeployProperty(settings(s -> {
            s.setTtl("12h");
            s.setHostTemplate("{app}-{branch}.{domain}");
        })));
        FreeStyleProject job = web.createProject(FreeStyleProject.class, "shop");
        job.addProperty(new BranchDeployJobProperty(settings(s -> {
            s.setQuotaPods("5");
            s.setTrustedForks("acme/shop");
        })));

        EffectiveSettings settings = new SettingsResolver(global).settingsFor(job);

        assertThat(settings.cluster().getName()).as("from the outer folder").isEqualTo("prod");
        assertThat(settings.domain()).as("from the outer folder").isEqualTo("team.example.dev");
        assertThat(settings.ttl()).as("the inner folder wins").isEqualTo(Duration.ofHours(12));
        assertThat(settings.quota()).isEqualTo(new Quota("4", "4Gi", 5));
        assertThat(settings.namingPolicy().names(BranchRef.of("shop", "main")).host()).isEqualTo("shop-main.team.example.dev");
        assertThat(settings.trustFork("acme/shop")).isTrue();
        assertThat(settings.trustFork("octocat")).as("the job's list replaces the global one").isFalse();

        FreeStyleProject sibling = team.createProject(FreeStyleProject.class, "api");
        assertThat(new SettingsResolver(global).settingsFor(sibling).ttl()).as("a folder's settings stay inside it").isEqualTo(Duration.ofDays(3));
    }

    @Test
    void ingressClassAndTlsSecretAreGlobalAndAFolderOverridesThem() throws Exception {
        global.setIngressClass("nginx");
        global.setTlsSecret("preview-tls");
        assertThat(new SettingsResolver(global).settingsFor(r.createFreeStyleProject("shop")).ingressClass()).isEqualTo("nginx");

        Folder team = r.jenkins.createProject(Folder.class, "team");
        team.addProperty(new BranchDeployProperty(settings(s -> s.setIngressClass("traefik"))));
        EffectiveSettings settings = new SettingsResolver(global).settingsFor(team.createProject(FreeStyleProject.class, "api"));

        assertThat(settings.ingressClass()).isEqualTo("traefik");
        assertThat(settings.tlsSecret()).as("inherited").isEqualTo("preview-tls");
    }

    @Test
    void theWebhookHostTemplateIsGlobalAndAFolderOverridesIt() throws Exception {
        global.setWebhookHostTemplate("webhooks-{app}.{domain}");
        global.setWebhookIngressAnnotations("traefik.ingress.kubernetes.io/router.middlewares={namespace}-strip@kubernetescrd\n");
        EffectiveSettings shop = new SettingsResolver(global).settingsFor(r.createFreeStyleProject("shop"));
        assertThat(shop.webhookHostTemplate()).isEqualTo("webhooks-{app}.{domain}");
        assertThat(shop.webhookIngressAnnotations()).containsExactly("traefik.ingress.kubernetes.io/router.middlewares={namespace}-strip@kubernetescrd");

        Folder team = r.jenkins.createProject(Folder.class, "team");
        team.addProperty(new BranchDeployProperty(settings(s -> s.setWebhookHostTemplate("hooks-{app}.team.{domain}"))));
        assertThat(new SettingsResolver(global).settingsFor(team.createProject(FreeStyleProject.class, "api")).webhookHostTemplate())
                .isEqualTo("hooks-{app}.team.{domain}");
    }

    @Test
    void argoCdIsAGlobalDefaultAndAFolderAddsItsRepositoryFieldByField() throws Exception {
        assertThat(new SettingsResolver(global).settingsFor(r.createFreeStyleProject("shop")).applyWith(null)).as("unset: the engine's default")
                .isNull();
        ArgoCdOptions gitops = new ArgoCdOptions();
        gitops.setNamespace("gitops");
        gitops.setProject("previews");
        global.setArgoCd(gitops);

        Folder team = r.jenkins.createProject(Folder.class, "team");
        ArgoCdOptions repository = new ArgoCdOptions();
        repository.setRepoUrl("https://github.com/acme/shop.git");
        repository.setProject("shop");
        team.addProperty(new BranchDeployProperty(settings(s -> s.setArgoCd(repository))));
        EffectiveSettings settings = new SettingsResolver(global).settingsFor(team.createProject(FreeStyleProject.class, "api"));

        assertThat(settings.applyWith(null)).isEqualTo("argocd");
        assertThat(settings.applyWith("direct")).as("the step's choice wins").isEqualTo("direct");
        ArgoCdOptions step = new ArgoCdOptions();
        step.setRevision("main");
        assertThat(settings.argoCd(null, step)).isEqualTo(new ArgoCdInput("gitops", "shop", "https://github.com/acme/shop.git", null, "main", null));
        assertThat(settings.argoCd("direct", null)).as("a step that opts out takes none of the settings' fields")
                .isEqualTo(ArgoCdInput.NONE);
    }

    @Test
    void allowFromNamespacesIsGlobalAndAFolderOverridesIt() throws Exception {
        assertThat(new SettingsResolver(global).settingsFor(r.createFreeStyleProject("shop")).allowFromNamespaces())
                .as("unset: the ingress-nginx namespace").containsExactly("kubernetes.io/metadata.name=ingress-nginx");
        global.setAllowFromNamespaces("kubernetes.io/metadata.name=traefik\n\n team = platform \n");
        assertThat(new SettingsResolver(global).settingsFor(r.createFreeStyleProject("web")).allowFromNamespaces())
                .containsExactly("kubernetes.io/metadata.name=traefik", "team=platform");

        Folder team = r.jenkins.createProject(Folder.class, "team");
        team.addProperty(new BranchDeployProperty(settings(s -> s.setAllowFromNamespaces("ingress=public"))));
        FreeStyleProject api = team.createProject(FreeStyleProject.class, "api");
        assertThat(new SettingsResolver(global).settingsFor(api).allowFromNamespaces()).containsExactly("ingress=public");

        team.getProperties().replace(new BranchDeployProperty(settings(s -> s.setAllowFromNamespaces("ingress-nginx"))));
        assertThatThrownBy(() -> new SettingsResolver(global).settingsFor(api))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("allowFromNamespaces: 'ingress-nginx' is not a namespace label KEY=VALUE");
    }

    @Test
    void trustedForksMatchOwnersAndRepositoriesWithoutCase() throws Exception {
        global.setTrustedForks("Octocat acme/shop");
        EffectiveSettings settings = new SettingsResolver(global).settingsFor(r.createFreeStyleProject("shop"));

        assertThat(settings.trustFork("octocat")).isTrue();
        assertThat(settings.trustFork("OctoCat/anything")).isTrue();
        assertThat(settings.trustFork("acme/shop")).isTrue();
        assertThat(settings.trustFork("acme/other")).isFalse();
        assertThat(settings.trustFork("acme")).isFalse();
        assertThat(settings.trustFork("")).isFalse();
        assertThat(settings.trustFork(null)).isFalse();
    }

    @Test
    void anUnusableSettingInEffectNamesItsField() throws Exception {
        Folder team = r.jenkins.createProject(Folder.class, "team");
        team.addProperty(new BranchDeployProperty(settings(s -> s.setTtl("a week"))));
        FreeStyleProject job = team.createProject(FreeStyleProject.class, "shop");

        assertThatThrownBy(() -> new SettingsResolver(global).settingsFor(job))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("ttl: 'a week' is not a duration");

        team.getProperties().replace(new BranchDeployProperty(settings(s -> s.setCluster("qa"))));
        assertThatThrownBy(() -> new SettingsResolver(global).settingsFor(job))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("cluster: 'qa' is not a configured cluster");
    }

    @Test
    void propertiesSurviveTheConfigurationFormAndBlankOnesAreDropped() throws Exception {
        Folder team = r.jenkins.createProject(Folder.class, "team");
        ProjectSettings overrides = settings(s -> {
            s.setCluster("prod");
            s.setDomain("team.example.dev");
            s.setNamespaceTemplate("team-{app}-{branch}");
            s.setHostTemplate("{app}-{branch}.{domain}");
            s.setTtl("3d");
            s.setQuotaCpu("500m");
            s.setQuotaMemory("1Gi");
            s.setQuotaPods("8");
            s.setTrustedForks("octocat");
            s.setAllowFromNamespaces("team=platform");
        });
        team.addProperty(new BranchDeployProperty(overrides));
        FreeStyleProject job = team.createProject(FreeStyleProject.class, "shop");
        job.addProperty(new BranchDeployJobProperty(overrides));
        FreeStyleProject plain = team.createProject(FreeStyleProject.class, "plain");

        r.configRoundtrip(team);
        r.configRoundtrip(job);
        r.configRoundtrip(plain);

        r.assertEqualDataBoundBeans(overrides, team.getProperties().get(BranchDeployProperty.class).getSettings());
        r.assertEqualDataBoundBeans(overrides, job.getProperty(BranchDeployJobProperty.class).getSettings());
        assertThat(plain.getProperty(BranchDeployJobProperty.class)).as("nothing overridden, nothing kept").isNull();
    }

    private static ProjectSettings settings(java.util.function.Consumer<ProjectSettings> setter) {
        ProjectSettings settings = new ProjectSettings();
        setter.accept(settings);
        return settings;
    }
}
