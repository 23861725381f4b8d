package io.jenkins.plugins.branchdeploy.engine.cluster;

import io.fabric8.kubernetes.api.model.Namespace;
import io.jenkins.plugins.branchdeploy.engine.InvalidInputException;
import io.jenkins.plugins.branchdeploy.engine.ProgressListener;
import io.jenkins.plugins.branchdeploy.engine.branch.BranchRef;
import io.jenkins.plugins.branchdeploy.engine.manifest.HelmRelease;
import io.jenkins.plugins.branchdeploy.engine.manifest.ManifestDocuments;
import io.jenkins.plugins.branchdeploy.engine.manifest.ManifestRenderer;
import io.jenkins.plugins.branchdeploy.engine.manifest.ManifestVariables;
import io.jenkins.plugins.branchdeploy.engine.manifest.RenderedManifest;
import io.jenkins.plugins.branchdeploy.engine.naming.EnvironmentNames;
import io.jenkins.plugins.branchdeploy.engine.request.ApplyWith;
import io.jenkins.plugins.branchdeploy.engine.request.DeployRequest;
import io.jenkins.plugins.branchdeploy.engine.request.Quota;
import io.jenkins.plugins.branchdeploy.engine.shaping.EnvironmentShaping;
import io.jenkins.plugins.branchdeploy.engine.shaping.ShapedManifests;
import io.jenkins.plugins.branchdeploy.engine.webhook.WebhookEndpoint;
import io.jenkins.plugins.branchdeploy.engine.webhook.WebhookRoutes;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/** Deploys into the environments of {@link BranchEnvironments}, and what a deploy records on them. */
public final class EnvironmentDeploys {

    private final EnvironmentAccess access;

    EnvironmentDeploys(EnvironmentAccess access) {
        this.access = access;
    }

    /**
     * Deploys a branch into its environment, or redeploys it (writing nothing when nothing changed).
     *
     * @return the outcome; a deploy that fails (rollout timeout, API error) returns status
     *         {@code FAILED} with the reason, and the environment is recorded as failed
     * @throws InvalidInputException for bad input, before anything is written
     * @throws ForeignNamespaceException when the namespace exists and this installation does not own it
     * @throws EnvironmentOwnedElsewhereException when the environment is another project's
     * @throws EnvironmentBusyException when another deploy of the environment does not finish in time
     */
    public DeployResult deploy(DeployRequest request, ProgressListener progress) {
        return deploy(request, prepare(request), progress);
    }

    /**
     * Renders a branch's manifests and shapes them for its environment ({@link EnvironmentShaping}),
     * writing nothing: every check that needs no write (the quota preflight included) is done here.
     * What rendering and shaping changed and warn about is reported by the deploy.
     *
     * @throws InvalidInputException for bad input
     */
    public ShapedManifests prepare(DeployRequest request) {
        EnvironmentNames names = checkRequest(request);
        Quota quota = request.quota();
        String manifestsDigest = InputDigest.ofManifests(request); // before rendering: what it records is what was rendered
        List<String> renderNotes = new ArrayList<>();
        ShapedManifests shaped = EnvironmentShaping.shape(render(request, request.manifests(), renderNotes::add),
                request.exposure(), request.keepLoadBalancers(), quota, names, EnvironmentResources.ownLabels());
        if (request.webhooks() != null) {
            shaped = WebhookRoutes.add(shaped, request.webhooks(), names, access.naming().domain(), EnvironmentResources.ownLabels());
        }
        DeployPlan.of(names, request, shaped); // durations, secrets and name clashes too, before the first request
        renderNotes.addAll(shaped.adjustments());
        return new ShapedManifests(shaped.manifests(), shaped.quota(), shaped.url(), renderNotes, shaped.warnings(), manifestsDigest);
    }

    /**
     * Deploys manifests {@link #prepare prepared} from {@code request}; see {@link #deploy(DeployRequest, ProgressListener)}.
     */
    public DeployResult deploy(DeployRequest request, ShapedManifests shaped, ProgressListener progress) {
        Objects.requireNonNull(request, "request");
        BranchRef branch = Objects.requireNonNull(request.branch(), "request.branch");
        return deploy(access.naming().requireHosts().names(branch), request, shaped, null, progress);
    }

    /**
     * The checks of a request that need neither its rendered manifests nor the cluster: before a
     * chart's rendering asks the cluster for its version, and before an unchanged redeploy reads the record.
     *
     * @return the names the request deploys as
     */
    private EnvironmentNames checkRequest(DeployRequest request) {
        Objects.requireNonNull(request, "request");
        EnvironmentNames names = access.naming().requireHosts().names(Objects.requireNonNull(request.branch(), "request.branch"));
        EnvironmentResources.validate(request.quota());
        DeployPlan.checkRequest(request);
        if (request.applyWith() instanceof ApplyWith.ArgoCd) {
            ArgoCdHandOff.checkRequest(request);
        }
        return names;
    }

    /**
     * A redeploy given exactly the input of the environment's last successful deploy, decided from
     * the environment's record without rendering: the same plain YAML files, request (but the run
     * deploying and the secret values) and names, by the same build of the engine ({@link InputDigest}),
     * to an environment recorded ready, for the same owner, whose Secrets hold the same data. It writes
     * nothing and reports what a deploy that renders reports when nothing changed.
     *
     * @return empty when anything differs, or the record cannot tell: then the deploy renders
     * @throws InvalidInputException for bad input found without rendering, before any request
     */
    public Optional<UnchangedRedeploy> unchangedRedeploy(DeployRequest request, ProgressListener progress) {
        long checking = System.nanoTime();
        EnvironmentNames names = checkRequest(request);
        try {
            Optional<String> digest = InputDigest.of(InputDigest.ofManifests(request), request, names, access.naming().domain());
            if (digest.isEmpty()) {
                return Optional.empty();
            }
            // one attempt at each read: a fault leaves the decision to the deploy that renders, which retries
            ApiCalls once = new ApiCalls(1, Duration.ZERO);
            Namespace live = once.call("read namespace " + names.namespace(), progress,
                    () -> access.client().namespaces().withName(names.namespace()).get());
            UnchangedCheck check = new UnchangedCheck(access.client(), once, access.owner(), names.namespace(), progress);
            Optional<RecordedInput> recorded = check.sameInput(live, digest.get(), access.installation());
            if (recorded.isEmpty() || !check.sameSecrets(EnvironmentResources.secrets(request.secrets()))) {
                return Optional.empty();
            }
            RecordedInput input = recorded.get();
            announce(request.branch().branch(), names, input.adjustments(), input.warnings(), progress);
            progress.info(DeployRun.nothingChanged(names.namespace()));
            return Optional.of(new UnchangedRedeploy(new DeployResult(names, EnvironmentNamespace.annotation(live, ClusterContract.URL),
                    EnvironmentStatus.READY, null, true, DeployRun.kindAndNames(EnvironmentNamespace.applied(live)),
                    Map.of("check", Duration.ofNanos(System.nanoTime() - checking))), input.adjustments(), input.warnings(),
                    EnvironmentNamespace.annotation(live, ClusterContract.HISTORY)));
        } catch (InvalidInputException | ClusterApiException e) {
            return Optional.empty(); // the deploy that renders finds the problem again, and reports it in its own order
        }
    }

    /**
     * Deploys a variant: resources copied from another environment, already shaped for the variant's
     * names, on the same path as a branch's deploy (quota, network policy, apply, prune, rollout,
     * record). Before anything else it records the variant's origin and expiry on its namespace
     * ({@link ClusterContract#VARIANT_OF}), so that cleanup knows it as a variant from its first write.
     *
     * @param names the variant's names ({@link io.jenkins.plugins.branchdeploy.engine.naming.NamingPolicy#variantNames})
     * @param request the time to live, rollout timeout, quota, isolation and the variant's own secrets;
     *        its branch is recorded as the branch the variant runs
     * @throws InvalidInputException for bad input, before anything is written
     * @throws ForeignNamespaceException when the namespace exists and this installation does not own it
     */
    public DeployResult deployVariant(EnvironmentNames names, DeployRequest request, ShapedManifests shaped, VariantOf variant,
            ProgressListener progress) {
        Objects.requireNonNull(request, "request");
        return deploy(names, request, shaped, Objects.requireNonNull(variant, "variant"), progress);
    }

    private DeployResult deploy(EnvironmentNames names, DeployRequest request, ShapedManifests shaped, VariantOf variant,
            ProgressListener progress) {
        BranchRef branch = request.branch();
        DeployPlan plan = DeployPlan.of(names, request, shaped);
        Duration timeout = plan.timeout();
        announce(variant == null ? branch.branch() : "variant " + names.environment() + " of " + variant.source(), names,
                shaped.adjustments(), shaped.warnings(), progress);
        Duration patience = timeout.plus(EnvironmentAccess.LOCK_PATIENCE);
        try (EnvironmentLocks.Held lock = access.lock(names.namespace(), patience, progress)) {
            if (variant != null) {
                access.readMine(names.namespace(), progress);
                access.applyNamespace(EnvironmentNamespace.variant(names, access.installation(), variant,
                        access.clock().instant().plus(plan.ttl())), ClusterContract.VARIANT_FIELD_MANAGER, progress);
            }
            DeployRun run = new DeployRun(access.client(), access.api(),
                    new RolloutWait(access.client(), access.api(), access.pollEvery(), access.progressEvery()), access.clock(),
                    access.installation(), access.owner(), request.deployedBy(), request.databaseBranch(), names, branch,
                    plan.ttl(), timeout, progress, () -> access.lease(names.namespace(), patience, progress), new WebhookDefault(access));
            RecordedInput input = variant != null ? null : InputDigest.of(shaped.manifestsDigest(), request, names, access.naming().domain())
                    .map(digest -> new RecordedInput(digest, shaped.adjustments(), shaped.warnings())).orElse(null);
            return run.run(plan.ownResources(), plan.secrets(), plan.manifests(), request.source().helmTests(),
                    ArgoCdHandOff.of(access, request, names), input);
        }
    }

    /** What a deploy says before it starts: what rendering changed and warns about, and what goes where. */
    private static void announce(String what, EnvironmentNames names, List<String> adjustments, List<String> warnings,
            ProgressListener progress) {
        adjustments.forEach(progress::info);
        warnings.forEach(progress::warn);
        progress.info("Deploying " + what + " of " + names.app() + " into namespace " + names.namespace());
    }

    /**
     * Renders manifests as a deploy of {@code request} would, without a cluster: with the request's
     * branch, variables and source namespace, into the branch's namespace.
     *
     * @param manifests the request's own manifests, or another directory such as main's
     * @throws InvalidInputException naming the file and document of the first problem
     */
    public List<RenderedManifest> render(DeployRequest request, Path manifests) {
        return render(request, manifests, note -> {});
    }

    /**
     * Builds, on the calling thread, what a first render needs in a process that has just started
     * ({@link ManifestDocuments#headStart()}): a command line runs it on a second thread while it reads
     * its options. Rendering gives the same objects without it.
     */
    public static void renderingHeadStart() {
        ManifestDocuments.headStart();
    }

    private List<RenderedManifest> render(DeployRequest request, Path manifests, Consumer<String> notes) {
        EnvironmentNames names = access.naming().requireHosts().names(request.branch());
        return new ManifestRenderer(ManifestVariables.forEnvironment(request.branch(), names, request.variables())
                .withWebhookUrl(webhookUrl(request).orElse(null)), request.sourceNamespace(), request.source(), new HelmRelease(names.helmRelease(), this::kubeVersion))
                .render(manifests, names.namespace(), notes);
    }

    /**
     * The base URL at which the branch's environment gets its webhooks ({@code ${WEBHOOK_URL}}).
     *
     * @return empty when the request has no webhooks
     * @throws InvalidInputException when the webhook host template makes no host name
     */
    public Optional<String> webhookUrl(DeployRequest request) {
        return Optional.ofNullable(request.webhooks()).map(w -> WebhookEndpoint.of(w,
                access.naming().requireHosts().names(request.branch()), access.naming().domain()).url());
    }

    /** The cluster's Kubernetes version, which a Helm chart renders for (as Argo CD renders charts). */
    private String kubeVersion() {
        return access.api().call("read the Kubernetes version", ProgressListener.SILENT,
                () -> access.client().getKubernetesVersion().getGitVersion());
    }

    /**
     * Records a branch's environment as failed for a reason found after its deploy (a smoke test):
     * status {@code failed} with the reason, and the next deploy runs in full. An absent environment
     * is left alone.
     *
     * @param reason why, without secret values; cut when very long
     * @throws ForeignNamespaceException when the namespace is not this installation's
     */
    public void markFailed(BranchRef branch, String reason, ProgressListener progress) {
        String namespace = access.naming().names(branch).namespace();
        try (EnvironmentLocks.Held lock = access.lock(namespace, EnvironmentAccess.LOCK_PATIENCE, progress)) {
            Namespace live = access.readMine(namespace, progress);
            if (live == null) {
                return;
            }
            access.applyNamespace(EnvironmentNamespace.failed(live, reason), ClusterContract.FIELD_MANAGER, progress);
            progress.warn("Environment " + access.naming().names(branch).environment() + " is marked failed: " + reason);
        }
    }

    /**
     * Stores a deploy history on a branch's environment, replacing the one before. Nothing is
     * written when the environment does not exist.
     *
     * @param history the history as text, e.g. from {@code DeployHistoryJson}; never secret values
     */
    public void storeHistory(BranchRef branch, String history, ProgressListener progress) {
        String namespace = access.naming().names(branch).namespace();
        if (access.readMine(namespace, progress) != null) {
            access.applyNamespace(EnvironmentNamespace.history(namespace, history), ClusterContract.HISTORY_FIELD_MANAGER, progress);
        }
    }
}
