package io.jenkins.plugins.branchdeploy.engine.branch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class BranchFilterTest {

    @Test
    void noPatternsAcceptEverything() {
        assertThat(BranchFilter.parse("").accepts("anything/at/all")).isTrue();
    }

    @Test
    void singleStarStaysWithinOneSegment() {
        BranchFilter filter = BranchFilter.parse("feature/*");

        assertThat(filter.accepts("feature/auth")).isTrue();
        assertThat(filter.accepts("feature/auth/v2")).isFalse();
        assertThat(filter.accepts("feature")).isFalse();
        assertThat(filter.accepts("bugfix/auth")).isFalse();
    }

    @Test
    void doubleStarCrossesSegmentsAndExclusionWins() {
        BranchFilter filter = new BranchFilter(List.of("**", "!dependabot/**"));

        assertThat(filter.accepts("main")).isTrue();
        assertThat(filter.accepts("feature/a/b")).isTrue();
        assertThat(filter.accepts("dependabot/npm_and_yarn/lodash-4.17.21")).isFalse();
        assertThat(filter.accepts("dependabot")).as("the folder itself is not inside it").isTrue();
        assertThat(filter.accepts("not-dependabot/x")).isTrue();
    }

    @Test
    void excludeOnlyFilterKeepsTheRest() {
        BranchFilter filter = BranchFilter.parse("!renovate/*, !dependabot/**");

        assertThat(filter.accepts("feature/auth")).isTrue();
        assertThat(filter.accepts("renovate/lodash")).isFalse();
    }

    @Test
    void questionMarkAndRegexCharactersAreLiteralEnough() {
        BranchFilter filter = BranchFilter.parse("release/v?.x hotfix/(1)");

        assertThat(filter.accepts("release/v2.x")).isTrue();
        assertThat(filter.accepts("release/v2-x")).isFalse();
        assertThat(filter.accepts("release/v/.x")).isFalse();
        assertThat(filter.accepts("hotfix/(1)")).isTrue();
    }

    @Test
    void doubleStarSlashMatchesZeroSegments() {
        assertThat(BranchFilter.parse("team/**/wip").accepts("team/wip")).isTrue();
        assertThat(BranchFilter.parse("team/**/wip").accepts("team/a/b/wip")).isTrue();
    }

    @Test
    void bareExclamationMarkIsRejected() {
        assertThatThrownBy(() -> BranchFilter.parse("feature/* !"))
                .hasMessageStartingWith("branchFilter: ").hasMessageContaining("!dependabot/**");
    }
}
