package io.jenkins.plugins.branchdeploy.engine.cluster;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.jenkins.plugins.branchdeploy.engine.InvalidInputException;
import io.jenkins.plugins.branchdeploy.engine.ProgressListener;
import io.jenkins.plugins.branchdeploy.engine.branch.BranchRef;
import io.jenkins.plugins.branchdeploy.engine.manifest.ManifestRenderer;
import io.jenkins.plugins.branchdeploy.engine.manifest.ManifestVariables;
import io.jenkins.plugins.branchdeploy.engine.manifest.RenderedManifest;
import io.jenkins.plugins.branchdeploy.engine.naming.EnvironmentNames;
import io.jenkins.plugins.branchdeploy.engine.naming.NamingPolicy;
import io.jenkins.plugins.branchdeploy.engine.request.DeployRequest;
import io.jenkins.plugins.branchdeploy.engine.request.Quota;
import io.jenkins.plugins.branchdeploy.engine.shaping.EnvironmentShaping;
import io.jenkins.plugins.branchdeploy.engine.shaping.ShapedManifests;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * The environments of one installation on one cluster: deploy, teardown, inventory, and the
 * lifecycle changes extend, scale-down and wake. Changes of one environment never interleave
 * within this process (the second waits); different environments proceed in parallel. Writes go
 * only into environment namespaces this installation owns.
 *
 * <p>An instance {@linkplain #ownedBy scoped to a project} acts only for that project: it stamps the
 * project as {@link ClusterContract#OWNER} on what it deploys and refuses to change an environment
 * another project owns. An unscoped instance (cleanup, the management page, the command line) acts
 * on every environment of the installation.
 */
public final class BranchEnvironments {

    private static final Pattern LABEL_VALUE = Pattern.compile("([A-Za-z0-9][-A-Za-z0-9_.]{0,61})?[A-Za-z0-9]");
    /** How long a deploy waits for another of the same environment beyond its own timeout. */
    private static final Duration LOCK_PATIENCE = Duration.ofMinutes(10);

    private final KubernetesClient client;
    private final String installation;
    private final NamingPolicy naming;
    private final Clock clock;
    /** The project this instance acts for, or {@code null} when it acts for the whole installation. */
    private final String owner;
    private ApiCalls api = new ApiCalls(ApiCalls.DEFAULT_ATTEMPTS, ApiCalls.DEFAULT_FIRST_BACKOFF);
    private Duration pollEvery = Duration.ofSeconds(2);
    private Duration progressEvery = Duration.ofSeconds(10);

    /**
     * @param installation the id of this Jenkins controller or command-line installation; only
     *        namespaces labelled with it are touched
     */
    public BranchEnvironments(KubernetesClient client, String installation, NamingPolicy naming) {
        this(client, installation, naming, Clock.systemUTC());
    }

    /** As above, with the clock that stamps deployed-at, created-at and expires-at. */
    public BranchEnvironments(KubernetesClient client, String installation, NamingPolicy naming, Clock clock) {
        this(client, installation, naming, clock, null);
    }

    private BranchEnvironments(KubernetesClient client, String installation, NamingPolicy naming, Clock clock, String owner) {
        this.client = Objects.requireNonNull(client, "client");
        if (installation == null || !LABEL_VALUE.matcher(installation).matches()) {
            throw new InvalidInputException("installation", "'" + installation + "' is not a Kubernetes label value; "
                    + "use at most 63 letters, digits, '-', '_' or '.', starting and ending with a letter or digit");
        }
        this.installation = installation;
        this.naming = Objects.requireNonNull(naming, "naming");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.owner = owner;
    }

    /**
     * These environments as one project sees them: deploys stamp {@code owner} on the namespace,
     * and deploy, teardown, extend, scale-down, wake, mark-failed and the environment's history and
     * secrets and live resources refuse an environment another project owns. A deploy adopts an environment without an
     * owner (deployed from the command line or before owners were recorded).
     *
     * @param owner the owning project, e.g. a Jenkins multibranch project's full name
     * @throws InvalidInputException when {@code owner} is blank
     */
    public BranchEnvironments ownedBy(String owner) {
        if (owner == null || owner.isBlank()) {
            throw new InvalidInputException("owner", "give the project that owns the environments, e.g. its full name");
        }
        BranchEnvironments scoped = new BranchEnvironments(client, installation, naming, clock, owner);
        scoped.api = api;
        scoped.pollEvery = pollEvery;
        scoped.progressEvery = progressEvery;
        return scoped;
    }

    /** The project this instance acts for; empty when it acts on every environment of the installation. */
    public Optional<String> owner() {
        return Optional.ofNullable(owner);
    }

    /** Faster retries and polling, for tests. */
    BranchEnvironments withTimings(Duration firstBackoff, Duration poll, Duration progress) {
        this.api = new ApiCalls(ApiCalls.DEFAULT_ATTEMPTS, firstBackoff);
        this.pollEvery = poll;
        this.progressEvery = progress;
        return this;
    }

    public String installation() {
        return installation;
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
     * What the shaping changed and warns about is reported by the deploy.
     *
     * @throws InvalidInputException for bad input
     */
    public ShapedManifests prepare(DeployRequest request) {
        Objects.requireNonNull(request, "request");
        EnvironmentNames names = naming.requireHosts().names(Objects.requireNonNull(request.branch(), "request.branch"));
        Quota quota = request.quota() == null ? Quota.DEFAULT : request.quota();
        EnvironmentResources.validate(quota);
        return EnvironmentShaping.shape(render(request, request.manifests()), request.exposure(), request.keepLoadBalancers(),
                quota, names, EnvironmentResources.ownLabels());
    }

    /**
     * Deploys manifests {@link #prepare prepared} from {@code request}; see {@link #deploy(DeployRequest, ProgressListener)}.
     */
    public DeployResult deploy(DeployRequest request, ShapedManifests shaped, ProgressListener progress) {
        Objects.requireNonNull(request, "request");
        BranchRef branch = Objects.requireNonNull(request.branch(), "request.branch");
        EnvironmentNames names = naming.requireHosts().names(branch);
        Duration ttl = positive("ttl", request.ttl(), DeployRequest.DEFAULT_TTL);
        Duration timeout = positive("timeout", request.timeout(), DeployRequest.DEFAULT_TIMEOUT);
        List<RenderedManifest> manifests = shaped.manifests();
        List<Secret> secrets = EnvironmentResources.secrets(request.secrets());
        List<HasMetadata> limits = EnvironmentResources.limits(shaped.quota());
        refuseClashes(manifests, secrets, limits);
        shaped.adjustments().forEach(progress::info);
        shaped.warnings().forEach(progress::warn);

        progress.info("Deploying " + branch.branch() + " of " + names.app() + " into namespace " + names.namespace());
        try (EnvironmentLocks.Held lock = lock(names.namespace(), timeout.plus(LOCK_PATIENCE), progress)) {
            DeployRun run = new DeployRun(client, api, new RolloutWait(client, api, pollEvery, progressEvery), clock,
                    installation, owner, request.deployedBy(), names, branch, ttl, timeout, progress);
            return run.run(limits, secrets, manifests);
        }
    }

    /**
     * Deletes a branch's environment.
     *
     * @return {@link TeardownOutcome#ABSENT} when there was none and {@link TeardownOutcome#DELETING} when
     *     an earlier teardown's deletion is still under way (both success too)
     * @throws ForeignNamespaceException when its namespace is not this installation's
     * @throws EnvironmentOwnedElsewhereException when the environment is another project's
     * @throws ClusterApiException when the API server refuses or keeps failing
     */
    public TeardownOutcome teardown(BranchRef branch, ProgressListener progress) {
        return teardown(naming.names(branch).namespace(), progress);
    }

    /** Deletes an environment found by {@link #inventory()}; see {@link #teardown(BranchRef, ProgressListener)}. */
    public TeardownOutcome teardown(Environment environment, ProgressListener progress) {
        return teardown(environment.namespace(), progress);
    }

    /** The names of a branch's environment under this installation's naming policy. */
    public EnvironmentNames names(BranchRef branch) {
        return naming.names(branch);
    }

    /**
     * Renders manifests as a deploy of {@code request} would, without a cluster: with the request's
     * branch, variables and source namespace, into the branch's namespace.
     *
     * @param manifests the request's own manifests, or another directory such as main's
     * @throws InvalidInputException naming the file and document of the first problem
     */
    public List<RenderedManifest> render(DeployRequest request, Path manifests) {
        EnvironmentNames names = naming.requireHosts().names(request.branch());
        return new ManifestRenderer(ManifestVariables.forEnvironment(request.branch(), names, request.variables()),
                request.sourceNamespace()).render(manifests, names.namespace());
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
        String namespace = naming.names(branch).namespace();
        try (EnvironmentLocks.Held lock = lock(namespace, LOCK_PATIENCE, progress)) {
            Namespace live = readMine(namespace, progress);
            if (live == null) {
                return;
            }
            applyNamespace(EnvironmentNamespace.failed(live, reason), ClusterContract.FIELD_MANAGER, progress);
            progress.warn("Environment " + naming.names(branch).environment() + " is marked failed: " + reason);
        }
    }

    /**
     * The deploy history stored on a branch's environment ({@link ClusterContract#HISTORY}), as
     * stored, or {@code null} when there is none or no environment.
     */
    public String history(BranchRef branch, ProgressListener progress) {
        return history(naming.names(branch).namespace(), progress);
    }

    /** The deploy history stored on an environment found by {@link #inventory()}; see {@link #history(BranchRef, ProgressListener)}. */
    public String history(Environment environment, ProgressListener progress) {
        return history(environment.namespace(), progress);
    }

    private String history(String namespace, ProgressListener progress) {
        Namespace live = readMine(namespace, progress);
        return live == null ? null : EnvironmentNamespace.annotation(live, ClusterContract.HISTORY);
    }

    /**
     * Stores a deploy history on a branch's environment, replacing the one before. Nothing is
     * written when the environment does not exist.
     *
     * @param history the history as text, e.g. from {@code DeployHistoryJson}; never secret values
     */
    public void storeHistory(BranchRef branch, String history, ProgressListener progress) {
        String namespace = naming.names(branch).namespace();
        if (readMine(namespace, progress) != null) {
            applyNamespace(EnvironmentNamespace.history(namespace, history), ClusterContract.HISTORY_FIELD_MANAGER, progress);
        }
    }

    /**
     * Records an open of an environment's review link: {@code record} turns the opens stored on its
     * namespace ({@link ClusterContract#OPENS}, {@code null} when none) into the text to store.
     * Opens of one environment do not interleave within this process. Any project's user may open
     * any environment, so this is not refused for another project's.
     *
     * @return the environment as recorded now, its URL the only place a review link leads to
     * @throws InvalidInputException when the environment no longer exists
     * @throws ForeignNamespaceException when the namespace is not this installation's
     */
    public Environment recordOpen(Environment environment, UnaryOperator<String> record, ProgressListener progress) {
        String namespace = environment.namespace();
        try (EnvironmentLocks.Held lock = lock(namespace, LOCK_PATIENCE, progress)) {
            Namespace live = readOwned(namespace, progress);
            if (live == null || EnvironmentNamespace.isTerminating(live)) {
                throw new InvalidInputException("environment", "namespace " + namespace
                        + " does not exist any more; there is nothing to open");
            }
            String opens = record.apply(EnvironmentNamespace.annotation(live, ClusterContract.OPENS));
            applyNamespace(EnvironmentNamespace.onlyAnnotation(namespace, ClusterContract.OPENS, opens),
                    ClusterContract.OPENS_FIELD_MANAGER, progress);
            return EnvironmentNamespace.environmentOf(live);
        }
    }

    /** The review-link opens stored on an environment, as stored, or {@code null} when there are none. */
    public String opens(Environment environment, ProgressListener progress) {
        Namespace live = readOwned(environment.namespace(), progress);
        return live == null ? null : EnvironmentNamespace.annotation(live, ClusterContract.OPENS);
    }

    /**
     * The values of a Secret that a deploy wrote into a branch's environment, decoded; empty when
     * the environment or the Secret does not exist. For the engine itself (a database branch keeps
     * its password across redeploys): never log or report them.
     */
    public Map<String, String> secretValues(BranchRef branch, String secretName, ProgressListener progress) {
        String namespace = naming.names(branch).namespace();
        if (readMine(namespace, progress) == null) {
            return Map.of();
        }
        Secret secret = api.call("read secret " + secretName + " in " + namespace, progress,
                () -> client.secrets().inNamespace(namespace).withName(secretName).get());
        if (secret == null || secret.getData() == null || !ClusterContract.MANAGED_BY_VALUE.equals(
                secret.getMetadata().getLabels() == null ? null : secret.getMetadata().getLabels().get(ClusterContract.MANAGED_BY))) {
            return Map.of();
        }
        Map<String, String> values = new HashMap<>();
        secret.getData().forEach((key, value) -> values.put(key,
                new String(Base64.getDecoder().decode(value), StandardCharsets.UTF_8)));
        return values;
    }

    /**
     * The resources a branch's environment holds now, as its last deploy applied them (without the
     * environment's own quota and limit range); empty when it has none.
     */
    public List<HasMetadata> liveResources(BranchRef branch, ProgressListener progress) {
        String namespace = naming.names(branch).namespace();
        Namespace live = readMine(namespace, progress);
        return live == null ? List.of()
                : new LiveResources(client, api).applied(namespace, EnvironmentNamespace.applied(live), progress);
    }

    /**
     * Every resource of the kinds {@code examples} have in any namespace, e.g. a reference
     * environment such as {@code production}; only reads, so the namespace need not be this
     * installation's. What Kubernetes adds to every namespace is left out.
     */
    public List<HasMetadata> resourcesIn(String namespace, Collection<? extends HasMetadata> examples, ProgressListener progress) {
        return new LiveResources(client, api).ofKinds(namespace, examples, progress);
    }

    /** Every environment of this installation, by namespace name, from one label-selector list call. */
    public List<Environment> inventory() {
        return api.call("list the environments of installation " + installation, ProgressListener.SILENT,
                        () -> client.namespaces().withLabelSelector(ClusterContract.ownedBy(installation)).list().getItems())
                .stream()
                .filter(ns -> EnvironmentNamespace.isOwnedBy(ns, installation))
                .map(EnvironmentNamespace::environmentOf)
                .sorted(Comparator.comparing(Environment::namespace))
                .toList();
    }

    /**
     * A branch's environment as its namespace records it now.
     *
     * @return empty when the branch has no environment
     * @throws ForeignNamespaceException when the branch's namespace exists and this installation does not own it
     */
    public Optional<Environment> find(BranchRef branch) {
        return Optional.ofNullable(readOwned(naming.names(branch).namespace(), ProgressListener.SILENT))
                .map(EnvironmentNamespace::environmentOf);
    }

    /**
     * Keeps an environment beyond its time-to-live: sets {@code keep-until} to {@code by} after the
     * later of now and the time the environment would end so far (its {@code expires-at}, or an
     * earlier {@code keep-until} when that is later). Extending twice adds up; extending an expired
     * environment that cleanup has not yet removed counts from now. The next deploy keeps the
     * extension.
     *
     * @return the environment as recorded after the change
     * @throws InvalidInputException when {@code by} is not positive or the environment no longer exists
     * @throws ForeignNamespaceException when the namespace is not this installation's
     */
    public Environment extend(Environment environment, Duration by) {
        String namespace = environment.namespace();
        return extend(namespace, by, () -> new InvalidInputException("environment", "namespace " + namespace
                + " does not exist any more; there is nothing to extend"));
    }

    /** Extends a branch's environment; see {@link #extend(Environment, Duration)}. */
    public Environment extend(BranchRef branch, Duration by) {
        return extend(naming.names(branch).namespace(), by, () -> noEnvironment(branch));
    }

    /**
     * Scales an environment to zero by hand ({@code scaled-down-by: manual}): cleanup does not wake
     * it; the next deploy or {@link #wake} does. Scaling down a scaled-down environment changes no
     * workload, but pins it as manual. An environment that no longer exists is left as it is.
     *
     * @throws ForeignNamespaceException when the namespace is not this installation's
     */
    public void scaleDown(Environment environment) {
        scaleDown(environment, ScaleDownCause.MANUAL, ProgressListener.SILENT);
    }

    /** Scales a branch's environment to zero by hand; see {@link #scaleDown(Environment)}. */
    public void scaleDown(BranchRef branch) {
        scaleDown(find(branch).orElseThrow(() -> noEnvironment(branch)));
    }

    /**
     * Scales an environment's Deployments and StatefulSets to zero, keeping each one's replica
     * count on it for {@link #wake}, and records the cause on the namespace. Idempotent.
     *
     * @throws ForeignNamespaceException when the namespace is not this installation's
     * @throws ClusterApiException when the API server refuses or keeps failing
     */
    public void scaleDown(Environment environment, ScaleDownCause cause, ProgressListener progress) {
        Objects.requireNonNull(cause, "cause");
        String namespace = environment.namespace();
        try (EnvironmentLocks.Held lock = lock(namespace, LOCK_PATIENCE, progress)) {
            Namespace live = readMine(namespace, progress);
            if (live == null || EnvironmentNamespace.isTerminating(live)) {
                progress.info("There is no environment in namespace " + namespace + " any more; nothing to scale down");
                return;
            }
            int scaled = new EnvironmentScaling(client, api).scaleDown(live, cause, progress);
            progress.info("Scaled down " + namespace + " (" + cause.value() + "): " + scaled + " workloads to zero");
        }
    }

    /**
     * Wakes a scaled-down environment: restores exactly the replica counts kept by scale-down and
     * the status it had before. Waking a running environment changes nothing; one that no longer
     * exists is left as it is.
     *
     * @throws ForeignNamespaceException when the namespace is not this installation's
     */
    public void wake(Environment environment) {
        wake(environment, ProgressListener.SILENT);
    }

    /** Wakes a branch's environment; see {@link #wake(Environment)}. */
    public void wake(BranchRef branch) {
        wake(find(branch).orElseThrow(() -> noEnvironment(branch)));
    }

    /** Wakes an environment, reporting each restored workload; see {@link #wake(Environment)}. */
    public void wake(Environment environment, ProgressListener progress) {
        String namespace = environment.namespace();
        try (EnvironmentLocks.Held lock = lock(namespace, LOCK_PATIENCE, progress)) {
            Namespace live = readMine(namespace, progress);
            if (live == null || EnvironmentNamespace.isTerminating(live)) {
                progress.info("There is no environment in namespace " + namespace + " any more; nothing to wake");
                return;
            }
            int restored = new EnvironmentScaling(client, api).wake(live, progress);
            progress.info("Woke " + namespace + ": " + restored + " workloads restored");
        }
    }

    private Environment extend(String namespace, Duration by, Supplier<InvalidInputException> absent) {
        if (by == null || by.isNegative() || by.isZero()) {
            throw new InvalidInputException("for", "must be longer than zero, e.g. 2d, got " + by);
        }
        try (EnvironmentLocks.Held lock = lock(namespace, LOCK_PATIENCE, ProgressListener.SILENT)) {
            Namespace live = readMine(namespace, ProgressListener.SILENT);
            if (live == null || EnvironmentNamespace.isTerminating(live)) {
                throw absent.get();
            }
            Environment current = EnvironmentNamespace.environmentOf(live);
            Instant from = clock.instant();
            for (Instant end : new Instant[] {current.expiresAt(), current.keepUntil()}) {
                if (end != null && end.isAfter(from)) {
                    from = end;
                }
            }
            String keepUntil = EnvironmentNamespace.format(from.plus(by));
            Namespace extended = api.call("patch namespace " + namespace, ProgressListener.SILENT, () -> client.namespaces()
                    .withName(namespace).patch(JsonPatch.CONTEXT, new JsonPatch(live.getMetadata())
                            .annotate(ClusterContract.KEEP_UNTIL, keepUntil).toJson()));
            return EnvironmentNamespace.environmentOf(extended);
        }
    }

    /** The namespace, read now; {@code null} when it does not exist. */
    private Namespace readOwned(String namespace, ProgressListener progress) {
        Namespace live = api.call("read namespace " + namespace, progress, () -> client.namespaces().withName(namespace).get());
        if (live != null && !EnvironmentNamespace.isOwnedBy(live, installation)) {
            throw new ForeignNamespaceException(namespace, installation);
        }
        return live;
    }

    private InvalidInputException noEnvironment(BranchRef branch) {
        return new InvalidInputException("branch", "there is no environment of app " + branch.app() + " for "
                + branch.changeRequest().map(c -> "pull request #" + c.number()).orElse("branch " + branch.branch())
                + " (namespace " + naming.names(branch).namespace() + "); deploy it first, or check the app, branch and pull request number");
    }

    private TeardownOutcome teardown(String namespace, ProgressListener progress) {
        try (EnvironmentLocks.Held lock = lock(namespace, LOCK_PATIENCE, progress)) {
            Namespace live = readMine(namespace, progress);
            if (live == null) {
                progress.info("There is no environment in namespace " + namespace + "; nothing to tear down");
                return TeardownOutcome.ABSENT;
            }
            if (EnvironmentNamespace.isTerminating(live)) {
                progress.info("Namespace " + namespace + " is still being deleted by an earlier teardown");
                return TeardownOutcome.DELETING;
            }
            api.run("delete namespace " + namespace, progress, () -> client.namespaces().withName(namespace).delete());
            progress.info("Deleted namespace " + namespace + " and everything in it");
            return TeardownOutcome.DELETED;
        }
    }

    /**
     * The namespace, read now, when this instance may change it; {@code null} when it does not exist.
     *
     * @throws EnvironmentOwnedElsewhereException when it is another project's
     */
    private Namespace readMine(String namespace, ProgressListener progress) {
        Namespace live = readOwned(namespace, progress);
        if (live != null) {
            EnvironmentNamespace.refuseOtherOwner(live, owner);
        }
        return live;
    }

    private void applyNamespace(Namespace namespace, String fieldManager, ProgressListener progress) {
        api.run("apply namespace " + namespace.getMetadata().getName(), progress, () -> client.resource(namespace)
                .fieldManager(fieldManager).forceConflicts().serverSideApply());
    }

    private EnvironmentLocks.Held lock(String namespace, Duration patience, ProgressListener progress) {
        return EnvironmentLocks.acquire(client.getConfiguration().getMasterUrl(), namespace, patience, progress);
    }

    private static void refuseClashes(List<RenderedManifest> manifests, List<Secret> secrets, List<HasMetadata> limits) {
        Map<String, String> own = new HashMap<>();
        secrets.forEach(s -> own.put("Secret/" + s.getMetadata().getName(), "secret " + s.getMetadata().getName()));
        limits.forEach(l -> own.put(l.getKind() + "/" + l.getMetadata().getName(), "the environment's own " + l.getKind()));
        for (RenderedManifest manifest : manifests) {
            String clash = own.get(manifest.kindAndName());
            if (clash != null) {
                throw new InvalidInputException("manifests", manifest.describe() + " has the name of " + clash
                        + ", which the deploy creates itself; rename one of them");
            }
        }
    }

    private static Duration positive(String field, Duration value, Duration fallback) {
        if (value == null) {
            return fallback;
        }
        if (value.isNegative() || value.isZero()) {
            throw new InvalidInputException(field, "must be longer than zero, got " + value);
        }
        return value;
    }
}
