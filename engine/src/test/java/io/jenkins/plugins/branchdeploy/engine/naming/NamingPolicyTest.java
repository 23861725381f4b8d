package io.jenkins.plugins.branchdeploy.engine.naming;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.branchdeploy.engine.InvalidInputException;
import io.jenkins.plugins.branchdeploy.engine.branch.BranchRef;
import io.jenkins.plugins.branchdeploy.engine.branch.ChangeRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NamingPolicyTest {

    private final NamingPolicy policy = NamingPolicy.withDefaults("example.dev");

    private EnvironmentNames names(String branch) {
        return policy.names(BranchRef.of("yourapp", branch));
    }

    @Test
    void branchThatIsAlreadyALabelKeepsItsExactName() {
        EnvironmentNames names = names("feature-auth");

        assertThat(names.environment()).isEqualTo("feature-auth");
        assertThat(names.namespace()).isEqualTo("yourapp-feature-auth");
        assertThat(names.host()).isEqualTo("feature-auth--yourapp.example.dev");
        assertThat(names.url()).isEqualTo("https://feature-auth--yourapp.example.dev");
        assertThat(names.helmRelease()).isEqualTo("yourapp-feature-auth");
        assertThat(names.app()).isEqualTo("yourapp");
    }

    @Test
    void slashBranchStaysReadableAndIsKeptApartFromTheDashedOne() {
        EnvironmentNames slash = names("feature/auth");
        EnvironmentNames dash = names("feature-auth");

        assertThat(slash.environment()).matches("feature-auth-[a-z0-9]{6}");
        assertThat(slash.environment()).isNotEqualTo(dash.environment());
        assertThat(slash.namespace()).isNotEqualTo(dash.namespace());
        assertThat(slash.host()).isNotEqualTo(dash.host());
    }

    @Test
    void sameInputGivesSameNamesEveryTime() {
        assertThat(names("Feature/ÜBER_auth..v2")).isEqualTo(names("Feature/ÜBER_auth..v2"));
        // pinned (computed independently: SHA-256, first 8 bytes mod 36^6) so that a change of hash or sanitising (which would orphan environments) fails here
        assertThat(names("feature/auth").environment()).isEqualTo("feature-auth-" + StableHash.of("feature/auth"));
        assertThat(StableHash.of("feature/auth")).isEqualTo("j371xi");
    }

    @Test
    void namesDifferingOnlyInCaseOrPunctuationAreDistinct() {
        assertThat(names("Feature/Auth").environment())
                .isNotEqualTo(names("feature/auth").environment())
                .isNotEqualTo(names("feature_auth").environment())
                .isNotEqualTo(names("feature..auth").environment())
                .startsWith("feature-auth-");
    }

    @Test
    void accentsFoldAndEmojiDisappear() {
        assertThat(names("café/crème-🚀").environment()).startsWith("cafe-creme-");
    }

    @Test
    void pullRequestsArePrNumber() {
        EnvironmentNames names = policy.names(BranchRef.of("yourapp", "feature/auth").withChange(ChangeRequest.of(42)));

        assertThat(names.environment()).isEqualTo("pr-42");
        assertThat(names.namespace()).isEqualTo("yourapp-pr-42");
        assertThat(names.host()).isEqualTo("pr-42--yourapp.example.dev");
    }

    @Test
    void aBranchNamedLikeAPullRequestDoesNotTakeItsEnvironment() {
        assertThat(names("pr-42").environment()).startsWith("pr-42-").isNotEqualTo("pr-42");
    }

    @Test
    void longBranchIsShortenedWithHashAndFixedTextIsKept() {
        String branch = "feature/" + "very-long-branch-name-".repeat(14);

        EnvironmentNames names = names(branch);

        assertThat(names.environment()).hasSizeLessThanOrEqualTo(63).startsWith("feature-very-long").matches(".*-[a-z0-9]{6}");
        assertThat(names.namespace()).hasSizeLessThanOrEqualTo(63).startsWith("yourapp-feature-very-long");
        assertThat(names.host()).endsWith("--yourapp.example.dev");
        assertThat(names.host().split("\\.")[0]).hasSizeLessThanOrEqualTo(63);
        assertThat(names.helmRelease()).hasSizeLessThanOrEqualTo(53).startsWith("yourapp-feature");
        assertThat(names(branch + "x").environment()).isNotEqualTo(names.environment());
    }

    @Test
    void twoLetterBranchDoesNotMakeAReservedHostLabel() {
        // "qa--yourapp" has hyphens in places 3 and 4, which certificate authorities refuse
        EnvironmentNames names = names("qa");

        assertThat(names.environment()).isEqualTo("qa");
        assertThat(names.host()).matches("qa-[a-z0-9]{6}--yourapp\\.example\\.dev");
        assertThat(DnsNames.isCertifiableHost(names.host())).isTrue();
    }

    @Test
    void namespaceTemplateCanNeverLandInASystemNamespace() {
        NamingPolicy bare = new NamingPolicy("example.dev", "{branch}", null);

        assertThat(bare.names(BranchRef.of("app", "kube-system")).namespace()).doesNotStartWith("kube-").matches("kub-[a-z0-9]{6}");
        assertThat(bare.names(BranchRef.of("app", "default")).namespace()).isNotEqualTo("default");
    }

    @Test
    void customTemplatesAreHonoured() {
        NamingPolicy custom = new NamingPolicy("preview.example.com", "preview-{branch}", "{branch}.{app}.{domain}");

        EnvironmentNames names = custom.names(BranchRef.of("Shop", "main"));

        assertThat(names.namespace()).isEqualTo("preview-main");
        assertThat(names.host()).isEqualTo("main.shop.preview.example.com");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "///", "..", "-_-", "🚀🚀", "\t\n"})
    void branchWithoutLetterOrDigitIsRejected(String branch) {
        assertThatThrownBy(() -> names(branch))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("branch: ")
                .extracting(e -> ((InvalidInputException) e).getField()).isEqualTo("branch");
    }

    @Test
    void nonLatinBranchGetsAStableFallbackName() {
        assertThat(names("功能").environment()).matches("branch-[a-z0-9]{6}");
        assertThat(names("功能").environment()).isNotEqualTo(names("修复").environment());
    }

    @Test
    void templateThatCannotFitIsRejectedNamingTheTemplate() {
        String fixed = "x".repeat(60);
        assertThatThrownBy(() -> new NamingPolicy("example.dev", fixed + "-{branch}", null).names(BranchRef.of("app", "main")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("namespaceTemplate")
                .hasMessageContaining("shorten the fixed text");
    }

    @Test
    void templateWithoutBranchOrWithUnknownPlaceholderIsRejected() {
        assertThatThrownBy(() -> new NamingPolicy("example.dev", "{app}", null))
                .hasMessageContaining("namespaceTemplate").hasMessageContaining("add {branch}");
        assertThatThrownBy(() -> new NamingPolicy("example.dev", null, "{branch}.{team}.{domain}"))
                .hasMessageContaining("hostTemplate").hasMessageContaining("{team}");
    }

    @Test
    void templateWithUpperCaseFixedTextIsRejected() {
        assertThatThrownBy(() -> new NamingPolicy("example.dev", "Preview-{branch}", null).names(BranchRef.of("a", "b")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("namespaceTemplate");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "localhost", "exa mple.dev", "-bad.dev", "example.123", "a..b"})
    void badDomainIsRejected(String domain) {
        assertThatThrownBy(() -> NamingPolicy.withDefaults(domain))
                .isInstanceOf(InvalidInputException.class).hasMessageStartingWith("domain: ");
    }

    @Test
    void domainIsNormalised() {
        assertThat(NamingPolicy.withDefaults("Example.DEV.").domain()).isEqualTo("example.dev");
    }

    @Test
    void appIsSluggedAndBounded() {
        assertThat(NamingPolicy.appSlug("My Shop")).isEqualTo("my-shop");
        assertThatThrownBy(() -> NamingPolicy.appSlug("!!!")).hasMessageStartingWith("app: ");
        assertThatThrownBy(() -> NamingPolicy.appSlug("a".repeat(41))).hasMessageContaining("at most 40");
    }

    @Test
    void refusesABranchNameWithHalfASurrogatePairInsteadOfSharingAnEnvironment() {
        // both would hash as "fix-?": the broken character becomes '?' in UTF-8
        assertThatThrownBy(() -> policy.names(BranchRef.of("shop", "fix-\ud83d")))
                .isInstanceOf(InvalidInputException.class).hasMessageStartingWith("branch: ").hasMessageContaining("broken character");
        assertThat(policy.names(BranchRef.of("shop", "fix-?")).environment())
                .isNotEqualTo(policy.names(BranchRef.of("shop", "fix-\ud83d\ude80")).environment());
    }

    @Test
    void aNamespacesOnlyPolicyFindsTheSameNamespacesWithoutADomainAndMakesNoHost() {
        BranchRef branch = BranchRef.of("shop", "feature/cart");
        NamingPolicy namespaces = NamingPolicy.namespacesOnly("team-{app}-{branch}");
        EnvironmentNames names = namespaces.names(branch);

        assertThat(names.namespace()).isEqualTo(new NamingPolicy("preview.example.dev", "team-{app}-{branch}", null)
                .names(branch).namespace());
        assertThat(names.host()).isNull();
        assertThat(names.url()).isNull();
        assertThat(namespaces.domain()).isNull();
        assertThatThrownBy(namespaces::requireHosts)
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("domain: is empty; give the domain for environment hosts, e.g. example.dev");
    }
}
