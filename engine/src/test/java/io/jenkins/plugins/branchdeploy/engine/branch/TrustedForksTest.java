package io.jenkins.plugins.branchdeploy.engine.branch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.branchdeploy.engine.InvalidInputException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TrustedForksTest {

    private static final BranchRef BRANCH = BranchRef.of("shop", "feature/cart");
    private static final BranchRef PULL_REQUEST = BranchRef.of("shop", "PR-7")
            .withChange(new ChangeRequest(7, "main", true, Instant.parse("2026-01-01T00:00:00Z")));

    @Test
    void ownersAndRepositoriesAreTrustedRegardlessOfCase() {
        TrustedForks forks = TrustedForks.parse("Octocat, acme/shop");

        assertThat(forks.trusts("octocat")).isTrue();
        assertThat(forks.trusts("OctoCat/anything")).isTrue();
        assertThat(forks.trusts("acme/shop")).isTrue();
        assertThat(forks.trusts("acme/other")).isFalse();
        assertThat(forks.trusts("acme")).isFalse();
        assertThat(forks.trusts("")).isFalse();
        assertThat(forks.trusts(null)).isFalse();
    }

    @Test
    void onlyPullRequestsFromUntrustedForksGoWithoutSecrets() {
        TrustedForks forks = TrustedForks.parse("octocat");

        assertThat(forks.allowSecrets(BRANCH, null)).as("a branch of the repository").isTrue();
        assertThat(forks.allowSecrets(PULL_REQUEST, null)).as("a pull request from the repository itself").isTrue();
        assertThat(forks.allowSecrets(PULL_REQUEST, "octocat/shop")).isTrue();
        assertThat(forks.allowSecrets(PULL_REQUEST, "mallory/shop")).isFalse();
        assertThat(TrustedForks.parse("").allowSecrets(PULL_REQUEST, "octocat")).isFalse();
    }

    @Test
    void whereSourceControlSaysAChangeComesFromDecidesWhateverTheBuildWasTold() {
        TrustedForks forks = TrustedForks.parse("octocat");
        assertThat(forks.allowSecrets(null, false)).as("from the repository itself").isTrue();
        assertThat(forks.allowSecrets("octocat/shop", false)).as("from a trusted fork").isTrue();
        assertThat(forks.allowSecrets("mallory", false)).as("from a fork nobody trusts").isFalse();
        assertThat(forks.allowSecrets("octocat", true)).as("the source control system distrusts it").isFalse();
        assertThat(forks.allowSecrets(null, true)).as("distrusted although from the repository").isFalse();
    }

    @Test
    void aMalformedEntryNamesTheFieldAndTheFix() {
        assertThatThrownBy(() -> TrustedForks.parse("octocat/shop/extra"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("trustedForks: 'octocat/shop/extra' is neither an owner nor owner/repository; write e.g. octocat or octocat/shop");
    }
}
