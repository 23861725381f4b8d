package io.jenkins.plugins.branchdeploy.engine.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.jenkins.plugins.branchdeploy.engine.branch.BranchRef;
import io.jenkins.plugins.branchdeploy.engine.request.SecretEntry;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DeployFingerprintTest {

    private final KubernetesSerialization json = new KubernetesSerialization();
    private final BranchRef branch = BranchRef.of("shop", "main").withCommit("abc");

    @Test
    void doesNotDependOnTheOrderOfMapEntries() {
        Map<String, String> ab = new LinkedHashMap<>();
        ab.put("a", "1");
        ab.put("b", "2");
        Map<String, String> ba = new LinkedHashMap<>();
        ba.put("b", "2");
        ba.put("a", "1");

        assertThat(fingerprint(configMap(ab), List.of())).isEqualTo(fingerprint(configMap(ba), List.of()));
    }

    @Test
    void changesWithContentSecretKeysAndCommitButNotWithSecretValues() {
        String base = fingerprint(configMap(Map.of("a", "1")), EnvironmentResources.secrets(
                List.of(new SecretEntry("db", "password", "one"))));

        assertThat(fingerprint(configMap(Map.of("a", "2")), List.of())).isNotEqualTo(base);
        assertThat(fingerprint(configMap(Map.of("a", "1")), EnvironmentResources.secrets(
                List.of(new SecretEntry("db", "password", "two"))))).isEqualTo(base);
        assertThat(fingerprint(configMap(Map.of("a", "1")), EnvironmentResources.secrets(
                List.of(new SecretEntry("db", "user", "one"))))).isNotEqualTo(base);
        assertThat(DeployFingerprint.of(List.of(configMap(Map.of("a", "1"))), List.of(), branch.withCommit("def"), Duration.ofDays(1), json))
                .isNotEqualTo(fingerprint(configMap(Map.of("a", "1")), List.of()));
    }

    private String fingerprint(HasMetadata object, List<Secret> secrets) {
        return DeployFingerprint.of(List.of(object), secrets, branch, Duration.ofDays(1), json);
    }

    private static ConfigMap configMap(Map<String, String> data) {
        return new ConfigMapBuilder().withNewMetadata().withName("c").endMetadata().withData(data).build();
    }
}
