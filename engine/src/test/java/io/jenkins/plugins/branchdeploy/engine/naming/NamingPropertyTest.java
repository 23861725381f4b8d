package io.jenkins.plugins.branchdeploy.engine.naming;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The naming contract over generated hostile branch names: every name valid, and no two distinct
 * branches of one app share an environment id, namespace, host or Helm release.
 */
class NamingPropertyTest {

    private static final int NAMES = 100_000;

    @Test
    void everyGeneratedNameIsValidAndDistinctBranchesNeverShare() {
        Map<String, String> byEnvironment = new HashMap<>();
        Map<String, String> byNamespace = new HashMap<>();
        Map<String, String> byHost = new HashMap<>();
        Map<String, String> byHelm = new HashMap<>();
        HostileBranchNames.nameEach(NAMES, 20261126L, (branch, names) -> {
            assertThat(DnsNames.isDns1123Label(names.environment())).as("environment of %s", branch).isTrue();
            assertThat(DnsNames.isDns1123Label(names.namespace())).as("namespace of %s", branch).isTrue();
            assertThat(DnsNames.isCertifiableHost(names.host())).as("host of %s", branch).isTrue();
            assertThat(names.helmRelease()).hasSizeLessThanOrEqualTo(DnsNames.MAX_HELM_RELEASE);
            assertThat(DnsNames.isDns1123Label(names.helmRelease())).isTrue();
            assertUnique(byEnvironment, names.environment(), branch);
            assertUnique(byNamespace, names.namespace(), branch);
            assertUnique(byHost, names.host(), branch);
            assertUnique(byHelm, names.helmRelease(), branch);
        });
    }

    private static void assertUnique(Map<String, String> seen, String name, String branch) {
        String previous = seen.putIfAbsent(name, branch);
        assertThat(previous == null || previous.equals(branch))
                .as("'%s' and '%s' share %s", previous, branch, name).isTrue();
    }
}
