package io.jenkins.plugins.branchdeploy.multibranch;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.branchdeploy.engine.cluster.Environment;
import io.jenkins.plugins.branchdeploy.engine.cluster.EnvironmentStatus;
import io.jenkins.plugins.branchdeploy.engine.lifecycle.AppScan;
import io.jenkins.plugins.branchdeploy.engine.lifecycle.ChangeState;
import io.jenkins.plugins.branchdeploy.engine.lifecycle.ScmState;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SourceControlStateTest {

    @Test
    void liveJobsAreListedAndDeadOnesAreNot() {
        ScmState state = SourceControlState.of(List.of(ProjectScan.scanned("shop", "shop", List.of(
                new BranchJob("main", null, true),
                new BranchJob("feature/auth", null, true),
                new BranchJob("feature/gone", null, false),
                new BranchJob("PR-7", 7, true),
                new BranchJob("PR-6", 6, false)))));

        assertThat(state.app("shop")).isEqualTo(new AppScan.Scanned(Set.of("main", "feature/auth"), Map.of(7, ChangeState.OPEN)));
    }

    @Test
    void eachProjectSpeaksForTheEnvironmentsItOwnsWhateverAppTheyWereDeployedAs() {
        ScmState state = SourceControlState.of(List.of(
                ProjectScan.scanned("team/shop", "shop", List.of(new BranchJob("main", null, true), new BranchJob("feature/gone", null, false))),
                ProjectScan.unknown("team/web", "web", "branch indexing of team/web is in progress")));

        assertThat(state.of(environment("storefront", "team/shop"))).isEqualTo(new AppScan.Scanned(Set.of("main"), Map.of()));
        assertThat(state.of(environment("shop", "team/web"))).isEqualTo(new AppScan.Unknown("branch indexing of team/web is in progress"));
        assertThat(state.of(environment("shop", null))).as("no owner recorded: judged by its app")
                .isEqualTo(new AppScan.Scanned(Set.of("main"), Map.of()));
    }

    private static Environment environment(String app, String owner) {
        return new Environment(app + "-feature-x", app, "feature-x", "feature/x", null, null, null, EnvironmentStatus.READY,
                null, null, null, null, null, owner, null, null, null);
    }

    @Test
    void aPullRequestIsOpenWhileAnyOfItsJobsIsLive() {
        ScmState state = SourceControlState.of(List.of(ProjectScan.scanned("shop", "shop", List.of(
                new BranchJob("PR-7-head", 7, false),
                new BranchJob("PR-7-merge", 7, true)))));

        assertThat(state.app("shop")).isEqualTo(new AppScan.Scanned(Set.of(), Map.of(7, ChangeState.OPEN)));
    }

    @Test
    void aProjectWhoseJobsAreNotKnownLeavesItsAppUnknown() {
        ScmState state = SourceControlState.of(List.of(
                ProjectScan.unknown("team/web", "web", "the last branch indexing of team/web ended FAILURE")));

        assertThat(state.app("web")).isEqualTo(new AppScan.Unknown("the last branch indexing of team/web ended FAILURE"));
    }

    @Test
    void anAppNoProjectReportsIsUnknown() {
        ScmState state = SourceControlState.of(List.of(ProjectScan.scanned("shop", "shop", List.of())));

        assertThat(state.app("billing")).isEqualTo(new AppScan.Unknown(SourceControlState.NOT_REPORTED));
    }

    @Test
    void appsAreMatchedAsTheirLabelsSpellThem() {
        ScmState state = SourceControlState.of(List.of(
                ProjectScan.scanned("Web Shop", "Web Shop", List.of(new BranchJob("main", null, true)))));

        assertThat(state.app("web-shop")).isEqualTo(new AppScan.Scanned(Set.of("main"), Map.of()));
    }

    @Test
    void projectsOfOneAppSpeakForItTogether() {
        ScmState both = SourceControlState.of(List.of(
                ProjectScan.scanned("team-a/shop", "shop", List.of(new BranchJob("main", null, true), new BranchJob("x", null, false))),
                ProjectScan.scanned("team-b/shop", "shop", List.of(new BranchJob("x", null, true)))));
        assertThat(both.app("shop")).isEqualTo(new AppScan.Scanned(Set.of("main", "x"), Map.of()));

        ScmState oneUnknown = SourceControlState.of(List.of(
                ProjectScan.scanned("team-a/shop", "shop", List.of(new BranchJob("main", null, true))),
                ProjectScan.unknown("team-b/shop", "shop", "branch indexing of team-b/shop is in progress")));
        assertThat(oneUnknown.app("shop")).isEqualTo(new AppScan.Unknown("branch indexing of team-b/shop is in progress"));
    }

    @Test
    void aProjectWhoseNameMakesNoAppIsLeftOut() {
        ScmState state = SourceControlState.of(List.of(
                ProjectScan.scanned("---", "---", List.of(new BranchJob("main", null, true))),
                ProjectScan.scanned("shop", "shop", List.of(new BranchJob("main", null, true)))));

        assertThat(state.app("shop")).isInstanceOf(AppScan.Scanned.class);
    }
}
