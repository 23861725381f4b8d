package io.jenkins.plugins.branchdeploy.engine.naming;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.branchdeploy.engine.InvalidInputException;
import io.jenkins.plugins.branchdeploy.engine.branch.BranchRef;
import io.jenkins.plugins.branchdeploy.engine.branch.ChangeRequest;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A variant's names: its own mark, and never a branch's or pull request's environment id. */
class VariantNamingTest {

    private static final NamingPolicy POLICY = NamingPolicy.withDefaults("example.dev");

    @Test
    void aVariantIsTryAndItsNameInEveryTemplate() {
        EnvironmentNames names = POLICY.variantNames("shop", "pricing-v2");
        assertThat(names.environment()).isEqualTo("try-pricing-v2");
        assertThat(names.namespace()).isEqualTo("shop-try-pricing-v2");
        assertThat(names.host()).isEqualTo("try-pricing-v2--shop.example.dev");
        assertThat(names.url()).isEqualTo("https://try-pricing-v2--shop.example.dev");
    }

    @Test
    void namesThatSlugAlikeStayApart() {
        assertThat(POLICY.variantNames("shop", "Pricing V2").environment()).startsWith("try-pricing-v2-")
                .isNotEqualTo(POLICY.variantNames("shop", "pricing-v2").environment());
    }

    @ParameterizedTest
    @ValueSource(strings = {"try-pricing-v2", "try", "Try/Pricing-V2", "try/pricing-v2"})
    void aBranchNamedLikeAVariantDoesNotTakeItsEnvironment(String branch) {
        EnvironmentNames names = POLICY.names(BranchRef.of("shop", branch));
        assertThat(names.environment()).doesNotStartWith(NamingPolicy.VARIANT_MARK).startsWith("branch-try");
        assertThat(names.namespace()).isNotEqualTo(POLICY.variantNames("shop", "pricing-v2").namespace());
    }

    @Test
    void aShortenedBranchNeverReadsAsAVariant() {
        // "tryst..." cut to its first three letters would be "try-<hash>"
        BranchSlug slug = BranchSlug.of(BranchRef.of("shop", "tryst/out"));
        for (int max = StableHash.LENGTH; max < 20; max++) {
            assertThat(slug.fitting(max)).as("fitting %d", max).doesNotStartWith(NamingPolicy.VARIANT_MARK);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "///", "🚀", "a-name-that-is-far-too-long-for-a-variant-of-an-app"})
    void aNameWithoutLettersOrTooLongIsRefusedNamingTheField(String name) {
        assertThatThrownBy(() -> POLICY.variantNames("shop", name)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("name");
    }

    @Test
    void noHostileBranchOrPullRequestEverHasAVariantsEnvironmentIdNamespaceOrHost() {
        Map<String, String> variants = new HashMap<>();
        Map<String, String> variantNamespaces = new HashMap<>();
        Map<String, String> variantHosts = new HashMap<>();
        HostileBranchNames names = new HostileBranchNames(new Random(20261207L));
        for (int i = 0; i < 20_000; i++) {
            String name = names.next();
            try {
                EnvironmentNames variant = POLICY.variantNames("yourapp", name);
                assertThat(variant.environment()).startsWith(NamingPolicy.VARIANT_MARK);
                assertThat(DnsNames.isDns1123Label(variant.namespace())).as("namespace of variant %s", name).isTrue();
                assertThat(DnsNames.isCertifiableHost(variant.host())).as("host of variant %s", name).isTrue();
                variants.put(variant.environment(), name);
                variantNamespaces.put(variant.namespace(), name);
                variantHosts.put(variant.host(), name);
            } catch (InvalidInputException e) {
                // no letter or digit, or too long: refused before anything is named
            }
        }
        assertThat(variants).hasSizeGreaterThan(1000);
        HostileBranchNames.nameEach(100_000, 20261126L, (branch, branchNames) -> {
            assertThat(branchNames.environment()).as("environment of branch %s", branch).doesNotStartWith(NamingPolicy.VARIANT_MARK);
            assertThat(variants).doesNotContainKey(branchNames.environment());
            assertThat(variantNamespaces).doesNotContainKey(branchNames.namespace());
            assertThat(variantHosts).doesNotContainKey(branchNames.host());
        });
        for (int number = 1; number < 10_000; number++) {
            String pullRequest = POLICY.names(BranchRef.of("yourapp", "x").withChange(ChangeRequest.of(number))).environment();
            assertThat(pullRequest).doesNotStartWith(NamingPolicy.VARIANT_MARK);
        }
    }
}
