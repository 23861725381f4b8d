package io.jenkins.plugins.branchdeploy.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.cloudbees.hudson.plugins.folder.computed.DefaultOrphanedItemStrategy;
import hudson.ExtensionList;
import hudson.util.StreamTaskListener;
import io.jenkins.plugins.branchdeploy.KubernetesApi;
import io.jenkins.plugins.branchdeploy.config.BranchDeployConfiguration;
import io.jenkins.plugins.branchdeploy.config.ClusterConfig;
import io.jenkins.plugins.branchdeploy.config.InstallationTeardowns;
import io.jenkins.plugins.branchdeploy.engine.cluster.ClusterContract;
import io.jenkins.plugins.branchdeploy.engine.lifecycle.TeardownGate;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import jenkins.branch.BranchSource;
import jenkins.scm.impl.mock.MockSCMController;
import jenkins.scm.impl.mock.MockSCMDiscoverBranches;
import jenkins.scm.impl.mock.MockSCMSource;
import org.htmlunit.html.HtmlPage;
import org.jenkinsci.plugins.workflow.multibranch.WorkflowMultiBranchProject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * Every teardown no build asks for passes one gate: multibranch projects over scm-api's mock source
 * control whose branch jobs go, environments (recorded as the project's, some under another app
 * name) in sandbox API servers.
 */
@WithJenkins
class TeardownGateITest {

    private static final String INSTALLATION = "jenkins-test";
    /** Waiting for a background teardown: far longer than one takes, so only a missing one fails. */
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final List<String> FEATURES = List.of("feature/a", "feature/b", "feature/c", "feature/d", "feature/e");

    private final KubernetesApi api = new KubernetesApi();
    private final KubernetesApi otherApi = new KubernetesApi();
    private final MockSCMController scm = MockSCMController.create();
    private final Instant created = Instant.now().minus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS);
    /** Held strongly, so that the handler stays attached. */
    private final Logger teardownLog = Logger.getLogger(BranchJobTeardown.class.getName());
    private final List<String> logged = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            logged.add(record.getMessage());
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    };
    private JenkinsRule r;

    @BeforeEach
    void configure(JenkinsRule rule) {
        r = rule;
        ClusterConfig cluster = new ClusterConfig("test");
        cluster.setServerUrl(api.url());
        ClusterConfig other = new ClusterConfig("other");
        other.setServerUrl(otherApi.url());
        BranchDeployConfiguration config = BranchDeployConfiguration.get();
        config.setClusters(List.of(cluster, other));
        config.setInstallationId(INSTALLATION);
        config.setDomain("example.dev");
        teardownLog.addHandler(capture);
    }

    @AfterEach
    void stop() {
        teardownLog.removeHandler(capture);
        scm.close();
        api.close();
        otherApi.close();
    }

    @Test
    void rePointingTheSourceTearsDownNoMoreThanTheBurstBrakeAllowsAndCleanupRetriesTheRest() throws Exception {
        BranchDeployConfiguration config = BranchDeployConfiguration.get();
        config.setBurstMaxTeardowns(2);
        config.setBurstWindowMinutes(60);
        repository("shop", FEATURES.toArray(String[]::new));
        WorkflowMultiBranchProject shop = project("shop");
        index(shop);
        List<String> features = FEATURES.stream().map(branch -> environment(api, "shop", branch)).toList();

        repository("elsewhere");
        shop.setSourcesList(List.of(new BranchSource(new MockSCMSource(scm, "elsewhere", new MockSCMDiscoverBranches()))));
        index(shop);

        assertThat(FEATURES).allSatisfy(branch -> assertThat(shop.getItemByBranchName(branch)).as(branch).isNull());
        TeardownGate gate = InstallationTeardowns.get().gate("test");
        await(() -> gate.held().size() == 3, "three teardowns held");
        await(() -> live(features) == 3, "two teardowns done");
        assertThat(logged).filteredOn(m -> m.contains("teardown held since")).hasSize(3);
        HtmlPage page = r.createWebClient().goTo("job/shop/branch-deployments/");
        assertThat(page.querySelectorAll(".branch-deploy-held")).as("held teardowns show as held").hasSize(3);

        // the burst has passed (here: the brake was raised): cleanup retries what was held
        config.setBurstMaxTeardowns(10);
        config.setMaxTeardownPercent(100);
        cleanUp();

        await(() -> live(features) == 0, "the held teardowns done");
        assertThat(gate.held()).isEmpty();
    }

    @Test
    void aDryRunTearsDownNothingWhenABranchJobIsDeleted() throws Exception {
        BranchDeployConfiguration.get().setDryRun(true);
        repository("shop", "feature/a");
        WorkflowMultiBranchProject shop = project("shop");
        index(shop);
        String feature = environment(api, "shop", "feature/a");

        shop.getItemByBranchName("feature/a").delete();

        await(() -> logged.stream().anyMatch(m -> m.startsWith("dry run: would teardown " + feature)), "the dry run logged");
        assertThat(api.namespace(feature)).isNotNull();
        assertThat(InstallationTeardowns.get().gate("test").held()).isEmpty();
    }

    @Test
    void cleanupFindsEveryEnvironmentOfAProjectByItsOwnerOnEveryClusterWhateverAppItWasDeployedAs() throws Exception {
        repository("shop", "feature/live", "feature/gone");
        WorkflowMultiBranchProject shop = project("shop");
        index(shop);
        String live = environment(api, "storefront", "feature/live");
        String gone = environment(api, "storefront", "feature/gone");
        String goneElsewhere = environment(otherApi, "storefront", "feature/gone");
        // kept as a dead job, so that cleanup (not the deletion listener) acts
        shop.setOrphanedItemStrategy(new DefaultOrphanedItemStrategy(false, "", ""));
        scm.deleteBranch("shop", "feature/gone");
        index(shop);

        BranchDeployConfiguration.get().setMaxTeardownPercent(100);
        String report = cleanUp();

        await(() -> api.namespace(gone) == null && otherApi.namespace(goneElsewhere) == null, "both clusters cleaned");
        assertThat(api.namespace(live)).isNotNull();
        assertThat(report).contains("Cleaning up cluster test", "Cleaning up cluster other", "branch feature/gone was deleted");
    }

    /** A repository whose master (and these branches) has a Jenkinsfile, so each becomes a branch job. */
    private void repository(String name, String... branches) throws IOException {
        scm.createRepository(name);
        scm.addFile(name, "master", "Jenkinsfile", "Jenkinsfile", "echo 'built'".getBytes(StandardCharsets.UTF_8));
        for (String branch : branches) {
            scm.cloneBranch(name, "master", branch);
        }
    }

    private WorkflowMultiBranchProject project(String name) throws IOException {
        WorkflowMultiBranchProject project = r.jenkins.createProject(WorkflowMultiBranchProject.class, name);
        project.getSourcesList().add(new BranchSource(new MockSCMSource(scm, name, new MockSCMDiscoverBranches())));
        return project;
    }

    private void index(WorkflowMultiBranchProject project) throws Exception {
        project.scheduleBuild2(0).getFuture().get();
        r.waitUntilNoActivity();
    }

    /** An environment project {@code shop} deployed of {@code branch} as {@code app}, as a step records it. */
    private String environment(KubernetesApi cluster, String app, String branch) {
        String namespace = app + "-" + branch.replace('/', '-');
        cluster.addEnvironment(namespace, INSTALLATION, app, branch, null, created, created.plus(Duration.ofDays(7)),
                Map.of(ClusterContract.OWNER, "shop"));
        return namespace;
    }

    private long live(List<String> namespaces) {
        return namespaces.stream().filter(ns -> api.namespace(ns) != null).count();
    }

    /** Runs cleanup as the periodic work does and returns what it wrote to its log. */
    private String cleanUp() {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        ExtensionList.lookupSingleton(CleanupWork.class).cleanUp(new StreamTaskListener(log, StandardCharsets.UTF_8));
        return log.toString(StandardCharsets.UTF_8);
    }

    /** Background teardowns: waits for {@code condition}, failing only when it never holds. */
    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        Instant deadline = Instant.now().plus(PATIENCE);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                fail("never happened: " + what);
            }
            Thread.sleep(100);
        }
    }
}
