package io.jenkins.plugins.branchdeploy.engine.naming;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.branchdeploy.engine.InvalidInputException;
import io.jenkins.plugins.branchdeploy.engine.branch.BranchRef;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The naming contract over generated hostile branch names: every name valid, and no two distinct
 * branches of one app share an environment id, namespace, host or Helm release.
 */
class NamingPropertyTest {

    static final int NAMES = 100_000;

    @Test
    void everyGeneratedNameIsValidAndDistinctBranchesNeverShare() {
        assertContractHolds(NAMES, 20261126L);
    }

    static void assertContractHolds(int count, long seed) {
        NamingPolicy policy = NamingPolicy.withDefaults("example.dev");
        HostileBranchNames generator = new HostileBranchNames(new Random(seed));
        Map<String, String> byEnvironment = new HashMap<>();
        Map<String, String> byNamespace = new HashMap<>();
        Map<String, String> byHost = new HashMap<>();
        Map<String, String> byHelm = new HashMap<>();
        int named = 0;
        for (int i = 0; i < count; i++) {
            String branch = generator.next();
            EnvironmentNames names;
            try {
                names = policy.names(BranchRef.of("yourapp", branch));
            } catch (InvalidInputException e) {
                assertThat(Slugs.hasLetterOrDigit(branch) && Slugs.isWellFormed(branch))
                        .as("rejected only without letters or digits or with a broken character: %s", branch).isFalse();
                continue;
            }
            named++;
            assertThat(DnsNames.isDns1123Label(names.environment())).as("environment of %s", branch).isTrue();
            assertThat(DnsNames.isDns1123Label(names.namespace())).as("namespace of %s", branch).isTrue();
            assertThat(DnsNames.isCertifiableHost(names.host())).as("host of %s", branch).isTrue();
            assertThat(names.helmRelease()).hasSizeLessThanOrEqualTo(DnsNames.MAX_HELM_RELEASE);
            assertThat(DnsNames.isDns1123Label(names.helmRelease())).isTrue();
            assertUnique(byEnvironment, names.environment(), branch);
            assertUnique(byNamespace, names.namespace(), branch);
            assertUnique(byHost, names.host(), branch);
            assertUnique(byHelm, names.helmRelease(), branch);
        }
        assertThat(named).as("the generator mostly makes nameable branches").isGreaterThan(count * 9 / 10);
    }

    private static void assertUnique(Map<String, String> seen, String name, String branch) {
        String previous = seen.putIfAbsent(name, branch);
        assertThat(previous == null || previous.equals(branch))
                .as("'%s' and '%s' share %s", previous, branch, name).isTrue();
    }
}
