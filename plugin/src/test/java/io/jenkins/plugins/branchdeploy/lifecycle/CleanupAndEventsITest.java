package io.jenkins.plugins.branchdeploy.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.cloudbees.hudson.plugins.folder.computed.DefaultOrphanedItemStrategy;
import hudson.ExtensionList;
import hudson.util.StreamTaskListener;
import io.jenkins.plugins.branchdeploy.KubernetesApi;
import io.jenkins.plugins.branchdeploy.config.BranchDeployConfiguration;
import io.jenkins.plugins.branchdeploy.config.ClusterConfig;
import io.jenkins.plugins.branchdeploy.config.MetricsFile;
import io.jenkins.plugins.branchdeploy.engine.branch.BranchRef;
import io.jenkins.plugins.branchdeploy.engine.branch.ChangeRequest;
import io.jenkins.plugins.branchdeploy.engine.naming.NamingPolicy;
import io.jenkins.plugins.branchdeploy.multibranch.BranchJobs;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import jenkins.branch.BranchSource;
import jenkins.scm.api.SCMEvent;
import jenkins.scm.api.SCMEvents;
import jenkins.scm.api.SCMHeadEvent;
import jenkins.scm.impl.mock.MockFailure;
import jenkins.scm.impl.mock.MockSCMController;
import jenkins.scm.impl.mock.MockSCMDiscoverBranches;
import jenkins.scm.impl.mock.MockSCMDiscoverChangeRequests;
import jenkins.scm.impl.mock.MockSCMHeadEvent;
import jenkins.scm.impl.mock.MockSCMSource;
import org.jenkinsci.plugins.workflow.multibranch.WorkflowMultiBranchProject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * Multibranch projects over scm-api's mock source control, environments in the sandbox API server:
 * what periodic cleanup and the deletion and event listeners do with them.
 */
@WithJenkins
class CleanupAndEventsITest {

    private static final String INSTALLATION = "jenkins-test";
    private static final String DOMAIN = "example.dev";
    /** Waiting for a background teardown: far longer than one takes, so only a missing one fails. */
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private final KubernetesApi api = new KubernetesApi();
    private final MockSCMController scm = MockSCMController.create();
    private final Instant created = Instant.now().minus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS);
    private JenkinsRule r;

    @BeforeEach
    void configure(JenkinsRule rule) {
        r = rule;
        ClusterConfig cluster = new ClusterConfig("test");
        cluster.setServerUrl(api.url());
        BranchDeployConfiguration config = BranchDeployConfiguration.get();
        config.setClusters(List.of(cluster));
        config.setInstallationId(INSTALLATION);
        config.setDomain(DOMAIN);
    }

    @AfterEach
    void stop() {
        scm.close();
        api.close();
    }

    @Test
    void cleanupTearsDownWhatSourceControlNoLongerHasAndKeepsTheRest() throws Exception {
        repository("shop", "feature/live", "feature/gone");
        Integer open = scm.openChangeRequest("shop", "master");
        Integer merged = scm.openChangeRequest("shop", "master");
        WorkflowMultiBranchProject shop = project("shop");
        // keep the jobs of removed heads, dead, so that cleanup (not the deletion listener) acts on them
        shop.setOrphanedItemStrategy(new DefaultOrphanedItemStrategy(false, "", ""));
        index(shop);
        String master = environment(BranchRef.of("shop", "master"));
        String live = environment(BranchRef.of("shop", "feature/live"));
        String gone = environment(BranchRef.of("shop", "feature/gone"));
        String openChange = environment(change("shop", open));
        String mergedChange = environment(change("shop", merged));
        String neverBuilt = environment(BranchRef.of("shop", "feature/before-jenkins"));

        repository("web");
        WorkflowMultiBranchProject web = project("web");
        index(web);
        String webGone = environment(BranchRef.of("web", "feature/gone-too"));
        scm.addFault(new MockFailure() {
            @Override
            public void check(String repository, String branchOrCR, String revision, boolean actions) throws IOException {
                if ("web".equals(repository)) {
                    throw new IOException("source control is down");
                }
            }
        });
        index(web);

        String foreign = "shop-feature-gone-elsewhere";
        api.addEnvironment(foreign, "another-jenkins", "shop", "feature/gone", null, created, created.plus(Duration.ofDays(7)));

        scm.deleteBranch("shop", "feature/gone");
        scm.closeChangeRequest("shop", merged);
        index(shop);
        // three of seven environments are due: let the percentage brake pass them all in one run
        BranchDeployConfiguration.get().setMaxTeardownPercent(100);
        assertThat(BranchJobs.isDead(shop.getItemByBranchName("feature/gone"))).as("indexing marked the branch job dead").isTrue();
        assertThat(BranchJobs.isDead(shop.getItemByBranchName("feature/live"))).isFalse();

        String report = cleanUp();

        assertThat(api.namespace(gone)).as("deleted branch").isNull();
        assertThat(api.namespace(mergedChange)).as("merged pull request").isNull();
        assertThat(api.namespace(neverBuilt)).as("a branch no job builds").isNull();
        assertThat(api.namespace(master)).as("live branch").isNotNull();
        assertThat(api.namespace(live)).as("live branch").isNotNull();
        assertThat(api.namespace(openChange)).as("open pull request").isNotNull();
        assertThat(api.namespace(webGone)).as("app whose last indexing failed").isNotNull();
        assertThat(api.namespace(foreign)).as("another installation's namespace").isNotNull();
        assertThat(report)
                .contains("branch feature/gone was deleted")
                .contains("pull request #" + merged + " is not listed by source control")
                .contains("SCM state unknown for app web: the last branch indexing of web ended FAILURE");
        // the mock source lists open pull requests only: a merged one is gone, counted as closed
        assertThat(MetricsFile.store().read().teardownsByCause())
                .containsExactly(Map.entry("branch-deleted", 2L), Map.entry("change-closed", 1L));
    }

    @Test
    void aDryRunChangesNothing() throws Exception {
        repository("shop");
        index(project("shop"));
        String gone = environment(BranchRef.of("shop", "feature/gone"));
        BranchDeployConfiguration.get().setDryRun(true);

        String report = cleanUp();

        assertThat(api.namespace(gone)).isNotNull();
        assertThat(report).contains("dry run: nothing was changed");
        assertThat(MetricsFile.store().read().teardowns()).isZero();
    }

    @Test
    void aBranchJobThatIndexingDeletesTakesItsEnvironmentAlong() throws Exception {
        repository("shop", "feature/short-lived");
        WorkflowMultiBranchProject shop = project("shop");
        index(shop);
        String master = environment(BranchRef.of("shop", "master"));
        String shortLived = environment(BranchRef.of("shop", "feature/short-lived"));

        scm.deleteBranch("shop", "feature/short-lived");
        index(shop);

        assertThat(shop.getItemByBranchName("feature/short-lived")).as("the default strategy deletes dead branch jobs").isNull();
        awaitGone(shortLived);
        assertThat(api.namespace(master)).isNotNull();
    }

    @Test
    void deletingAPullRequestJobTearsDownItsEnvironment() throws Exception {
        repository("shop");
        Integer number = scm.openChangeRequest("shop", "master");
        WorkflowMultiBranchProject shop = project("shop");
        index(shop);
        String pullRequest = environment(change("shop", number));

        shop.getItemByBranchName("CR-" + number).delete();

        awaitGone(pullRequest);
    }

    @Test
    void aRemovedHeadEventTearsDownOnlyOnceSourceControlConfirmsIt() throws Exception {
        repository("shop", "feature/x");
        WorkflowMultiBranchProject shop = project("shop");
        shop.setOrphanedItemStrategy(new DefaultOrphanedItemStrategy(false, "", ""));
        index(shop);
        String featureX = environment(BranchRef.of("shop", "feature/x"));

        fire(new MockSCMHeadEvent("test", SCMEvent.Type.REMOVED, scm, "shop", "feature/x", "junkHash"));
        assertThat(BranchJobs.isDead(shop.getItemByBranchName("feature/x"))).as("a rumour only").isFalse();
        assertThat(api.namespace(featureX)).isNotNull();

        scm.deleteBranch("shop", "feature/x");
        fire(new MockSCMHeadEvent("test", SCMEvent.Type.REMOVED, scm, "shop", "feature/x", "junkHash"));

        assertThat(BranchJobs.isDead(shop.getItemByBranchName("feature/x"))).isTrue();
        awaitGone(featureX);
    }

    @Test
    void theRunPeriodFollowsTheConfiguration() {
        Instant start = Instant.parse("2026-03-02T09:00:00Z");
        CleanupWork work = new CleanupWork(Clock.fixed(start, ZoneOffset.UTC));
        BranchDeployConfiguration.get().setCleanupPeriodMinutes(30);

        assertThat(work.getRecurrencePeriod()).as("ticks at least once a minute").isLessThanOrEqualTo(Duration.ofMinutes(1).toMillis());
        assertThat(work.claimRun(start.plus(Duration.ofMinutes(29)))).as("not before the first period ends").isFalse();
        assertThat(work.claimRun(start.plus(Duration.ofMinutes(30)))).isTrue();
        assertThat(work.claimRun(start.plus(Duration.ofMinutes(31)))).as("the period starts again").isFalse();

        BranchDeployConfiguration.get().setCleanupPeriodMinutes(5);

        assertThat(work.claimRun(start.plus(Duration.ofMinutes(34)))).isFalse();
        assertThat(work.claimRun(start.plus(Duration.ofMinutes(35)))).as("a changed period applies at once").isTrue();
    }

    /** A repository whose master (and these branches) has a Jenkinsfile, so each becomes a branch job. */
    private void repository(String name, String... branches) throws IOException {
        scm.createRepository(name);
        scm.addFile(name, "master", "Jenkinsfile", "Jenkinsfile", "echo 'built'".getBytes(StandardCharsets.UTF_8));
        for (String branch : branches) {
            scm.cloneBranch(name, "master", branch);
        }
    }

    private WorkflowMultiBranchProject project(String repository) throws IOException {
        WorkflowMultiBranchProject project = r.jenkins.createProject(WorkflowMultiBranchProject.class, repository);
        project.getSourcesList().add(new BranchSource(
                new MockSCMSource(scm, repository, new MockSCMDiscoverBranches(), new MockSCMDiscoverChangeRequests())));
        return project;
    }

    private void index(WorkflowMultiBranchProject project) throws Exception {
        project.scheduleBuild2(0).getFuture().get();
        r.waitUntilNoActivity();
    }

    private void fire(SCMHeadEvent<?> event) throws Exception {
        long watermark = SCMEvents.getWatermark();
        SCMHeadEvent.fireNow(event);
        SCMEvents.awaitAll(watermark);
        r.waitUntilNoActivity();
    }

    private static BranchRef change(String app, int number) {
        return new BranchRef(app, "CR-" + number, ChangeRequest.of(number), null);
    }

    /** The environment a deploy of {@code branch} leaves, as the steps name it. */
    private String environment(BranchRef branch) {
        String namespace = NamingPolicy.withDefaults(DOMAIN).names(branch).namespace();
        Integer change = branch.change() == null ? null : branch.change().number();
        api.addEnvironment(namespace, INSTALLATION, branch.app(), branch.branch(), change, created, created.plus(Duration.ofDays(7)));
        return namespace;
    }

    /** Runs cleanup as the periodic work does and returns what it wrote to its log. */
    private String cleanUp() {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        ExtensionList.lookupSingleton(CleanupWork.class).cleanUp(new StreamTaskListener(log, StandardCharsets.UTF_8));
        return log.toString(StandardCharsets.UTF_8);
    }

    /** Teardowns from events run in the background: waits for the namespace to go. */
    private void awaitGone(String namespace) throws InterruptedException {
        Instant deadline = Instant.now().plus(PATIENCE);
        while (api.namespace(namespace) != null) {
            if (Instant.now().isAfter(deadline)) {
                fail("namespace " + namespace + " was not torn down");
            }
            Thread.sleep(100);
        }
    }
}
