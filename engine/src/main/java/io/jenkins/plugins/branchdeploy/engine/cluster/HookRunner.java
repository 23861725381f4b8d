package io.jenkins.plugins.branchdeploy.engine.cluster;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.jenkins.plugins.branchdeploy.engine.ProgressListener;
import io.jenkins.plugins.branchdeploy.engine.manifest.HelmHooks;
import io.jenkins.plugins.branchdeploy.engine.manifest.RenderedManifest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;

/**
 * Runs Helm hooks in one namespace as Helm does: deletes an earlier run first
 * ({@code before-hook-creation}), applies the hook, waits until a Job or Pod completed, and deletes
 * it afterwards when its {@code helm.sh/hook-delete-policy} says so.
 */
final class HookRunner {

    private final NamespaceWriter writer;
    private final Function<HasMetadata, ResourceDefinitionContext> customKinds;
    private final RolloutWait rollout;
    private final String namespace;
    private final Duration timeout;
    private final ProgressListener progress;

    HookRunner(NamespaceWriter writer, Function<HasMetadata, ResourceDefinitionContext> customKinds, RolloutWait rollout,
            String namespace, Duration timeout, ProgressListener progress) {
        this.writer = writer;
        this.customKinds = customKinds;
        this.rollout = rollout;
        this.namespace = namespace;
        this.timeout = timeout;
        this.progress = progress;
    }

    /**
     * Runs hooks one after another.
     *
     * @param phase what they are, for messages, e.g. {@code pre-install hook}
     * @throws DeployFailure naming the first hook that failed
     */
    void run(String phase, List<RenderedManifest> hooks) {
        for (RenderedManifest hook : hooks) {
            String failure = runOne(hook.resource());
            if (failure != null) {
                throw new DeployFailure(phase + " " + hook.kindAndName() + " failed: " + failure);
            }
            progress.info("Ran " + phase + " " + hook.kindAndName());
        }
    }

    /**
     * Runs Helm tests, all of them even when one fails, and logs one line per test.
     *
     * @throws DeployFailure naming the tests that failed
     */
    void test(List<RenderedManifest> tests) {
        List<String> failed = new ArrayList<>();
        for (RenderedManifest test : tests) {
            String failure = runOne(test.resource());
            if (failure == null) {
                progress.info("passed: " + test.kindAndName());
            } else {
                failed.add(test.kindAndName() + ": " + failure);
                progress.info("failed: " + test.kindAndName() + ": " + failure);
            }
        }
        if (!failed.isEmpty()) {
            throw new DeployFailure(failed.size() + " of " + tests.size() + " Helm tests failed: failed: " + String.join("; failed: ", failed));
        }
        progress.info("All " + tests.size() + " Helm tests passed");
    }

    /** @return why the hook failed, or {@code null} when it succeeded */
    private String runOne(HasMetadata hook) {
        Set<String> policy = HelmHooks.deletePolicy(hook);
        AppliedResource applied = AppliedResource.of(hook);
        if (policy.contains("before-hook-creation")) {
            writer.delete(applied, ProgressListener.SILENT);
        }
        writer.apply(hook, customKinds.apply(hook), progress);
        String failure = null;
        try {
            rollout.awaitHook(namespace, hook, timeout, progress);
        } catch (DeployFailure e) {
            failure = e.getMessage();
        }
        if (policy.contains(failure == null ? "hook-succeeded" : "hook-failed")) {
            writer.delete(applied, ProgressListener.SILENT);
        }
        return failure;
    }
}
