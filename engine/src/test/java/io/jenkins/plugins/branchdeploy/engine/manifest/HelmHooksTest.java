package io.jenkins.plugins.branchdeploy.engine.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class HelmHooksTest {

    @Test
    void sortsHooksAsArgoCdMapsThemInWeightOrder() {
        HelmHooks hooks = HelmHooks.of(List.of(
                object("app", Map.of()),
                object("migrate", Map.of(HelmHooks.HOOK, "pre-install,pre-upgrade", HelmHooks.WEIGHT, "5")),
                object("schema", Map.of(HelmHooks.HOOK, "pre-upgrade", HelmHooks.WEIGHT, "-1")),
                object("notify", Map.of(HelmHooks.HOOK, "post-install")),
                object("smoke", Map.of(HelmHooks.HOOK, "test-success")),
                object("cleanup", Map.of(HelmHooks.HOOK, "pre-delete"))));

        assertThat(hooks.app()).extracting(RenderedManifest::name).containsExactly("app");
        assertThat(hooks.before()).extracting(RenderedManifest::name).containsExactly("schema", "migrate");
        assertThat(hooks.after()).extracting(RenderedManifest::name).containsExactly("notify");
        assertThat(hooks.tests()).extracting(RenderedManifest::name).containsExactly("smoke");
        assertThat(hooks.skipped()).containsExactly("ConfigMap/cleanup (pre-delete)");
    }

    @Test
    void theDeletePolicyDefaultsToBeforeHookCreationAndKeepIsRead() {
        assertThat(HelmHooks.deletePolicy(object("a", Map.of()).resource())).containsExactly("before-hook-creation");
        assertThat(HelmHooks.deletePolicy(object("b", Map.of(HelmHooks.DELETE_POLICY, "hook-succeeded, hook-failed")).resource()))
                .isEqualTo(Set.of("hook-succeeded", "hook-failed"));
        assertThat(HelmHooks.isKept(object("c", Map.of(HelmHooks.RESOURCE_POLICY, "keep")).resource())).isTrue();
        assertThat(HelmHooks.isKept(object("d", Map.of()).resource())).isFalse();
    }

    private static RenderedManifest object(String name, Map<String, String> annotations) {
        return new RenderedManifest(new ConfigMapBuilder().withNewMetadata().withName(name).withAnnotations(annotations).endMetadata().build(),
                "chart/templates/" + name + ".yaml, document 1");
    }
}
