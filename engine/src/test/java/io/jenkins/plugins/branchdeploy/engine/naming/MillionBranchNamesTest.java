package io.jenkins.plugins.branchdeploy.engine.naming;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The two names that identify an environment, over 1,000,000 generated hostile branch names: every
 * environment id and namespace is a valid DNS-1123 label, and no two distinct branches of one app
 * share either. ({@link NamingPropertyTest} checks every name over 100,000.) About 100 s on two
 * cores, so it runs in the {@code heavy-tests} profile, which CI uses.
 */
@Tag("heavy")
class MillionBranchNamesTest {

    private static final int BRANCHES = 1_000_000;

    @Test
    void distinctBranchesNeverShareAnEnvironment() {
        Map<String, String> branchByEnvironment = new HashMap<>(2 * BRANCHES);
        Map<String, String> environmentByNamespace = new HashMap<>(2 * BRANCHES);
        HostileBranchNames.nameEach(BRANCHES, 20261127L, (branch, names) -> {
            if (!DnsNames.isDns1123Label(names.environment()) || !DnsNames.isDns1123Label(names.namespace())) {
                assertThat(names.environment()).as("environment of %s", branch).matches(DnsNames::isDns1123Label);
                assertThat(names.namespace()).as("namespace of %s", branch).matches(DnsNames::isDns1123Label);
            }
            String sharer = branchByEnvironment.putIfAbsent(names.environment(), branch);
            if (sharer != null && !sharer.equals(branch)) {
                assertThat(sharer).as("'%s' and '%s' share environment %s", sharer, branch, names.environment()).isEqualTo(branch);
            }
            // one namespace per environment id means one per branch, without keeping every branch twice
            String environment = environmentByNamespace.putIfAbsent(names.namespace(), names.environment());
            if (environment != null && !environment.equals(names.environment())) {
                assertThat(environment).as("environments %s and %s share namespace %s", environment, names.environment(), names.namespace())
                        .isEqualTo(names.environment());
            }
        });
        assertThat(branchByEnvironment).as("the generator makes mostly distinct branches").hasSizeGreaterThan(BRANCHES / 2);
    }
}
