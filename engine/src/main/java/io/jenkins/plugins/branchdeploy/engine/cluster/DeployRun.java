package io.jenkins.plugins.branchdeploy.engine.cluster;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.jenkins.plugins.branchdeploy.engine.ProgressListener;
import io.jenkins.plugins.branchdeploy.engine.branch.BranchRef;
import io.jenkins.plugins.branchdeploy.engine.manifest.HelmHooks;
import io.jenkins.plugins.branchdeploy.engine.manifest.RenderedManifest;
import io.jenkins.plugins.branchdeploy.engine.naming.EnvironmentNames;
import io.jenkins.plugins.branchdeploy.engine.request.Webhooks;
import io.jenkins.plugins.branchdeploy.engine.shaping.LiveUrl;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * One deploy of one environment, after its input was checked and while its lock is held: the
 * phases wake (only of a scaled-down environment), namespace, apply, prune and rollout, and the
 * record on the namespace.
 */
final class DeployRun {

    private final KubernetesClient client;
    private final ApiCalls api;
    private final RolloutWait rollout;
    private final Clock clock;
    /**
     * What a deploy may take besides its rollout timeout (namespace, apply, prune, the record): past
     * start, timeout and this, a deploy still recorded as under way reads as interrupted.
     */
    static final Duration DEADLINE_ALLOWANCE = Duration.ofMinutes(5);

    private final String installation;
    private final String owner;
    private final String deployedBy;
    private final String databaseBranch;
    private final EnvironmentNames names;
    private final BranchRef branch;
    private final Duration ttl;
    private final Duration timeout;
    private final ProgressListener progress;
    private final Supplier<EnvironmentLocks.Held> lease;
    private final WebhookDefault webhookDefault;
    private final DeployPhases phases = new DeployPhases();
    private final List<HasMetadata> appliedSoFar = new ArrayList<>();

    /**
     * @param owner the project deploying, or {@code null} for a deploy on behalf of none (it keeps the owner found)
     * @param deployedBy the run deploying, or {@code null}; recorded as it is, so a deploy naming none removes an earlier one
     * @param databaseBranch the database branch made for this deploy, or {@code null} to keep the one recorded
     */
    DeployRun(KubernetesClient client, ApiCalls api, RolloutWait rollout, Clock clock, String installation, String owner,
            String deployedBy, String databaseBranch, EnvironmentNames names, BranchRef branch, Duration ttl, Duration timeout, ProgressListener progress,
            Supplier<EnvironmentLocks.Held> lease, WebhookDefault webhookDefault) {
        this.client = client;
        this.api = api;
        this.rollout = rollout;
        this.clock = clock;
        this.installation = installation;
        this.owner = owner;
        this.deployedBy = deployedBy;
        this.databaseBranch = databaseBranch;
        this.names = names;
        this.branch = branch;
        this.ttl = ttl;
        this.timeout = timeout;
        this.progress = progress;
        this.lease = lease;
        this.webhookDefault = webhookDefault;
    }

    /**
     * @param helmTests whether to run a chart's Helm tests after the rollout
     * @param handOff Argo CD's apply of the manifests, or {@code null} to apply them here
     * @param input what to record of the input for a redeploy given the same, or {@code null}
     */
    DeployResult run(List<HasMetadata> limits, List<Secret> secrets, List<RenderedManifest> manifests, boolean helmTests,
            ArgoCdHandOff handOff, RecordedInput input) {
        String namespace = names.namespace();
        Namespace live;
        Map<HasMetadata, ResourceDefinitionContext> customKinds = new IdentityHashMap<>();
        CustomKinds discovery = new CustomKinds(client, api);
        try {
            live = api.call("read namespace " + namespace, progress, () -> client.namespaces().withName(namespace).get());
            if (live != null && !EnvironmentNamespace.isOwnedBy(live, installation)) {
                throw new ForeignNamespaceException(namespace, installation);
            }
            if (live != null) {
                EnvironmentNamespace.refuseOtherOwner(live, owner);
            }
            if (live != null && EnvironmentNamespace.isTerminating(live)) {
                return failed("namespace " + namespace + " is still being deleted by an earlier teardown; deploy again when it is gone", List.of());
            }
            if (handOff != null) {
                handOff.check(discovery, progress);
            } else if (live != null) {
                ArgoCdHandOff.refuseDirectOver(live);
            }
            for (RenderedManifest manifest : ArgoCdHandOff.appliedHere(manifests, handOff)) {
                if (manifest.isCustomResource()) {
                    customKinds.put(manifest.resource(), discovery.definitionOf(manifest, progress));
                }
            }
        } catch (ClusterApiException e) {
            return failed(e.getMessage(), List.of());
        }

        HelmHooks hooks = HelmHooks.of(ArgoCdHandOff.appliedHere(manifests, handOff));
        if (!hooks.skipped().isEmpty()) {
            progress.info("Helm hooks that a deploy does not run are left out: " + String.join(", ", hooks.skipped()));
        }
        List<HasMetadata> objects = ApplyOrder.of(limits, secrets, hooks.app());
        List<HasMetadata> nonSecret = new ArrayList<>(objects.stream().filter(o -> !(o instanceof Secret)).toList());
        hooks.before().forEach(h -> nonSecret.add(h.resource()));
        hooks.after().forEach(h -> nonSecret.add(h.resource()));
        List<HasMetadata> environment = ArgoCdHandOff.environment(objects, manifests, handOff);
        if (handOff != null) {
            nonSecret.add(handOff.application());
        }
        String fingerprint = DeployFingerprint.of(nonSecret, secrets, branch, ttl, client.getKubernetesSerialization());
        String url = LiveUrl.of(environment, names);
        Set<AppliedResource> previous = live == null ? Set.of() : EnvironmentNamespace.applied(live);
        Set<AppliedResource> current = new LinkedHashSet<>(objects.stream().map(AppliedResource::of).toList());

        try {
            long checking = System.nanoTime();
            if (live != null && unchanged(live, fingerprint, secrets)) {
                // timed only when it is all the deploy does
                phases.record("check", checking);
                progress.info(nothingChanged(namespace));
                return new DeployResult(names, url, EnvironmentStatus.READY, null, true, kindAndNames(environment), phases.durations());
            }
        } catch (ClusterApiException e) {
            return failed(e.getMessage(), List.of());
        }

        Set<AppliedResource> both = new LinkedHashSet<>(previous);
        both.addAll(current);
        EnvironmentNamespace.Record deploying = deploying(live, url, both);
        boolean namespaceWritten = false;
        EnvironmentLocks.Held held = null;
        try {
            // the lease lives in the namespace: taken before the first write, or right after creating the namespace
            if (live != null) {
                held = lease.get();
            }
            if (live != null && EnvironmentNamespace.status(live) == EnvironmentStatus.SCALED_DOWN) {
                // the manifests may leave replicas to the cluster (or to an autoscaler): restore the saved counts first
                Namespace asleep = live;
                phases.time("wake", () -> {
                    new EnvironmentScaling(client, api).wake(asleep, progress);
                });
            }
            phases.time("namespace", () -> applyNamespace(deploying.toNamespace()));
            namespaceWritten = true;
            if (held == null) {
                held = lease.get();
            }
            NamespaceWriter writer = new NamespaceWriter(client, api, discovery, namespace);
            HookRunner hookRunner = new HookRunner(writer, customKinds::get, rollout, namespace, timeout, progress);
            if (!hooks.before().isEmpty()) {
                phases.time("pre-hooks", () -> hookRunner.run(live == null ? "pre-install hook" : "pre-upgrade hook", hooks.before()));
            }
            applyAndPrune(writer, objects, customKinds, live, previous, current);
            if (handOff != null) {
                phases.time("argocd", () -> handOff.handOff(timeout, progress));
            } else {
                phases.time("rollout", () -> {
                    rollout.await(namespace, objects, timeout, progress);
                    return null;
                });
            }
            if (!hooks.after().isEmpty()) {
                phases.time("post-hooks", () -> hookRunner.run(live == null ? "post-install hook" : "post-upgrade hook", hooks.after()));
            }
            if (helmTests && !hooks.tests().isEmpty()) {
                phases.time("helm-tests", () -> hookRunner.test(hooks.tests()));
            }
            applyNamespace(deploying.withOutcome(EnvironmentStatus.READY, null, url, current, fingerprint, input).toNamespace());
            progress.info("Environment " + names.environment() + " is ready" + (url == null ? ", with no URL" : " at " + url));
            return new DeployResult(names, url, EnvironmentStatus.READY, null, false, kindAndNames(environment), phases.durations());
        } catch (DeployFailure | ClusterApiException e) {
            String reason = e.getMessage();
            if (namespaceWritten) {
                reason = recordFailure(deploying.withOutcome(EnvironmentStatus.FAILED, EnvironmentNamespace.recordedReason(reason), url, both, null, null), reason);
            }
            return failed(reason, appliedSoFar);
        } finally {
            if (held != null) {
                held.close();
            }
        }
    }

    /**
     * What the namespace records while the deploy runs: status deploying, a new expiry, the resources
     * of this deploy and the last one (so that a failed deploy still prunes both next time).
     */
    private EnvironmentNamespace.Record deploying(Namespace live, String url, Set<AppliedResource> both) {
        Instant now = clock.instant();
        Instant createdAt = live == null || EnvironmentNamespace.instant(live, ClusterContract.CREATED_AT) == null
                ? now : EnvironmentNamespace.instant(live, ClusterContract.CREATED_AT);
        return new EnvironmentNamespace.Record(names, installation, branch, EnvironmentStatus.DEPLOYING,
                null, url, createdAt, now, now.plus(ttl),
                live == null ? null : EnvironmentNamespace.annotation(live, ClusterContract.KEEP_UNTIL), both, null, null,
                owner != null || live == null ? owner : EnvironmentNamespace.annotation(live, ClusterContract.OWNER), deployedBy,
                databaseBranch != null || live == null ? databaseBranch : EnvironmentNamespace.annotation(live, ClusterContract.DATABASE_BRANCH),
                now.plus(timeout).plus(DEADLINE_ALLOWANCE));
    }

    /** Phases apply and prune: every object in order, then what the last deploy had and this one has not. */
    private void applyAndPrune(NamespaceWriter writer, List<HasMetadata> objects,
            Map<HasMetadata, ResourceDefinitionContext> customKinds, Namespace live, Set<AppliedResource> previous, Set<AppliedResource> current) {
        phases.time("apply", () -> {
            for (HasMetadata object : objects) {
                writer.apply(object, customKinds.get(object), progress);
                appliedSoFar.add(object);
            }
            progress.info("Applied " + objects.size() + " resources to " + names.namespace());
            return null;
        });
        phases.time("prune", () -> {
            if (previous.stream().anyMatch(r -> r.name().equals(Webhooks.ROUTE_NAME) && !current.contains(r))) {
                // its webhook route goes: the app's default route must not keep sending to it
                webhookDefault.leaving(live, progress);
            }
            for (AppliedResource stale : previous) {
                if (!current.contains(stale)) {
                    if (writer.isKept(stale, progress)) {
                        progress.info("Kept " + stale.kindAndName() + ", which this deploy no longer has: it asks to be kept ("
                                + HelmHooks.RESOURCE_POLICY + ": keep)");
                        continue;
                    }
                    writer.delete(stale, progress);
                    progress.info("Pruned " + stale.kindAndName() + ", which this deploy no longer has");
                }
            }
            return null;
        });
    }

    private boolean unchanged(Namespace live, String fingerprint, List<Secret> secrets) {
        UnchangedCheck check = new UnchangedCheck(client, api, owner, names.namespace(), progress);
        return check.recordedReady(live) && fingerprint.equals(EnvironmentNamespace.annotation(live, ClusterContract.FINGERPRINT))
                && check.sameSecrets(secrets);
    }

    /** What the log says of a redeploy that writes nothing. */
    static String nothingChanged(String namespace) {
        return "Nothing changed since the last deploy of " + namespace + ": nothing written";
    }

    /** The resources of a deploy as its result lists them: {@code Kind/name}, sorted. */
    static List<String> kindAndNames(Collection<AppliedResource> resources) {
        return resources.stream().map(AppliedResource::kindAndName).sorted().distinct().toList();
    }

    private String recordFailure(EnvironmentNamespace.Record failed, String reason) {
        try {
            applyNamespace(failed.toNamespace());
            return reason;
        } catch (ClusterApiException e) {
            return reason + "; recording the failure on the namespace failed too: " + e.getMessage();
        }
    }

    private DeployResult failed(String reason, List<HasMetadata> applied) {
        progress.warn("Deploy of " + names.environment() + " failed: " + reason);
        return new DeployResult(names, names.url(), EnvironmentStatus.FAILED, reason, false, kindAndNames(applied), phases.durations());
    }

    private void applyNamespace(Namespace namespace) {
        api.run("apply namespace " + namespace.getMetadata().getName(), progress, () -> client.resource(namespace)
                .fieldManager(ClusterContract.FIELD_MANAGER).forceConflicts().serverSideApply());
    }

    private static List<String> kindAndNames(List<HasMetadata> objects) {
        return kindAndNames(objects.stream().map(AppliedResource::of).toList());
    }
}
