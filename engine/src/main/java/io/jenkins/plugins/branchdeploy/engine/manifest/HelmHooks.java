package io.jenkins.plugins.branchdeploy.engine.manifest;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A chart's rendered objects sorted the way Argo CD maps Helm hooks: {@code pre-install} and
 * {@code pre-upgrade} run before the app is applied, {@code post-install} and {@code post-upgrade}
 * after its rollout, {@code test} hooks only when asked; other hooks (delete, rollback) do not
 * apply to a deploy. Hooks run in {@code helm.sh/hook-weight} order and are not part of the
 * environment's inventory, so they are never pruned.
 *
 * @param app the objects to apply and keep
 * @param before hooks to run before the app
 * @param after hooks to run after the rollout
 * @param tests Helm test hooks
 * @param skipped hooks of other kinds, e.g. {@code Job/cleanup (pre-delete)}
 */
public record HelmHooks(List<RenderedManifest> app, List<RenderedManifest> before, List<RenderedManifest> after,
        List<RenderedManifest> tests, List<String> skipped) {

    public static final String HOOK = "helm.sh/hook";
    public static final String WEIGHT = "helm.sh/hook-weight";
    public static final String DELETE_POLICY = "helm.sh/hook-delete-policy";
    public static final String RESOURCE_POLICY = "helm.sh/resource-policy";

    /** Sorts rendered objects; plain YAML and overlays have no hooks, so all of them are the app. */
    public static HelmHooks of(List<RenderedManifest> rendered) {
        List<RenderedManifest> app = new ArrayList<>();
        List<RenderedManifest> before = new ArrayList<>();
        List<RenderedManifest> after = new ArrayList<>();
        List<RenderedManifest> tests = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (RenderedManifest manifest : rendered) {
            Set<String> types = types(manifest.resource());
            if (types.isEmpty()) {
                app.add(manifest);
            } else if (types.contains("pre-install") || types.contains("pre-upgrade")) {
                before.add(manifest);
            } else if (types.contains("post-install") || types.contains("post-upgrade")) {
                after.add(manifest);
            } else if (types.contains("test") || types.contains("test-success")) {
                tests.add(manifest);
            } else {
                skipped.add(manifest.kindAndName() + " (" + String.join(",", types) + ")");
            }
        }
        return new HelmHooks(app, byWeight(before), byWeight(after), byWeight(tests), skipped);
    }

    /** What the hook's delete policy says; Helm's default is {@code before-hook-creation}. */
    public static Set<String> deletePolicy(HasMetadata hook) {
        String policy = annotation(hook, DELETE_POLICY);
        return policy == null || policy.isBlank() ? Set.of("before-hook-creation") : split(policy);
    }

    /** Whether Helm would keep the object when the chart no longer has it. */
    public static boolean isKept(HasMetadata resource) {
        return "keep".equals(annotation(resource, RESOURCE_POLICY));
    }

    private static Set<String> types(HasMetadata resource) {
        String hook = annotation(resource, HOOK);
        return hook == null ? Set.of() : split(hook);
    }

    private static List<RenderedManifest> byWeight(List<RenderedManifest> hooks) {
        return hooks.stream().sorted(Comparator.comparingInt(HelmHooks::weight)).toList();
    }

    private static int weight(RenderedManifest hook) {
        try {
            String weight = annotation(hook.resource(), WEIGHT);
            return weight == null ? 0 : Integer.parseInt(weight.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static Set<String> split(String list) {
        return Arrays.stream(list.split(",")).map(String::trim).filter(s -> !s.isEmpty()).collect(Collectors.toSet());
    }

    private static String annotation(HasMetadata resource, String key) {
        Map<String, String> annotations = resource.getMetadata().getAnnotations();
        return annotations == null ? null : annotations.get(key);
    }
}
