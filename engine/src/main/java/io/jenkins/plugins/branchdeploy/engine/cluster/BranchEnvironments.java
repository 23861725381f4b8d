package io.jenkins.plugins.branchdeploy.engine.cluster;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.jenkins.plugins.branchdeploy.engine.InvalidInputException;
import io.jenkins.plugins.branchdeploy.engine.branch.BranchRef;
import io.jenkins.plugins.branchdeploy.engine.manifest.ManifestDocuments;
import io.jenkins.plugins.branchdeploy.engine.naming.EnvironmentNames;
import io.jenkins.plugins.branchdeploy.engine.naming.NamingPolicy;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The environments of one installation on one cluster, in parts: the {@link #inventory()}
 * (reads), {@link #deploys()}, the {@link #lifecycle()} changes extend, scale-down, wake and
 * teardown, the review-link {@link #opens()} and the {@link #webhooks()} routes. Changes of one environment never interleave within this process (the second waits);
 * different environments proceed in parallel. Writes go only into environment namespaces this
 * installation owns.
 *
 * <p>An instance {@linkplain #ownedBy scoped to a project} acts only for that project: it stamps the
 * project as {@link ClusterContract#OWNER} on what it deploys and refuses to change an environment
 * another project owns. An unscoped instance (cleanup, the management page, the command line) acts
 * on every environment of the installation.
 */
public final class BranchEnvironments {

    private static final Pattern LABEL_VALUE = Pattern.compile("([A-Za-z0-9][-A-Za-z0-9_.]{0,61})?[A-Za-z0-9]");

    private EnvironmentAccess access;

    /**
     * Makes fabric8 read kubeconfigs into its typed {@code Config} model building the deserializer of
     * a property only when a file holds it ({@link ManifestDocuments#lazily}), for a process that
     * connects once, just after it started, such as the command line: building the whole model's
     * deserializers was two thirds of its connecting. fabric8 reads kubeconfigs through its shared
     * mapper, which the engine uses for nothing else; the objects read are the same.
     */
    public static void readKubeconfigsLazily() {
        ManifestDocuments.lazily(Serialization.jsonMapper());
    }

    /**
     * @param installation the id of this Jenkins controller or command-line installation; only
     *        namespaces labelled with it are touched
     */
    public BranchEnvironments(KubernetesClient client, String installation, NamingPolicy naming) {
        this(client, installation, naming, Clock.systemUTC());
    }

    /** As above, with the clock that stamps deployed-at, created-at and expires-at. */
    public BranchEnvironments(KubernetesClient client, String installation, NamingPolicy naming, Clock clock) {
        if (installation == null || !LABEL_VALUE.matcher(installation).matches()) {
            throw new InvalidInputException("installation", "'" + installation + "' is not a Kubernetes label value; "
                    + "use at most 63 letters, digits, '-', '_' or '.', starting and ending with a letter or digit");
        }
        this.access = new EnvironmentAccess(Objects.requireNonNull(client, "client"),
                new ApiCalls(ApiCalls.DEFAULT_ATTEMPTS, ApiCalls.DEFAULT_FIRST_BACKOFF), installation, null,
                Objects.requireNonNull(naming, "naming"), Objects.requireNonNull(clock, "clock"),
                Duration.ofSeconds(2), Duration.ofSeconds(10));
    }

    private BranchEnvironments(EnvironmentAccess access) {
        this.access = access;
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
        EnvironmentAccess a = access;
        return new BranchEnvironments(new EnvironmentAccess(a.client(), a.api(), a.installation(), owner, a.naming(), a.clock(),
                a.pollEvery(), a.progressEvery()));
    }

    /** The project this instance acts for; empty when it acts on every environment of the installation. */
    public Optional<String> owner() {
        return Optional.ofNullable(access.owner());
    }

    /** Faster retries and polling, for tests. */
    BranchEnvironments withTimings(Duration firstBackoff, Duration poll, Duration progress) {
        EnvironmentAccess a = access;
        access = new EnvironmentAccess(a.client(), new ApiCalls(ApiCalls.DEFAULT_ATTEMPTS, firstBackoff), a.installation(),
                a.owner(), a.naming(), a.clock(), poll, progress);
        return this;
    }

    public String installation() {
        return access.installation();
    }

    /** The names of a branch's environment under this installation's naming policy. */
    public EnvironmentNames names(BranchRef branch) {
        return access.naming().names(branch);
    }

    /** The names of a variant of {@code app} under this installation's naming policy, host included. */
    public EnvironmentNames variantNames(String app, String name) {
        return access.naming().requireHosts().variantNames(app, name);
    }

    /** Which environments there are, and what each holds. */
    public EnvironmentInventory inventory() {
        return new EnvironmentInventory(access);
    }

    /** Deploys, and what a deploy records on its environment. */
    public EnvironmentDeploys deploys() {
        return new EnvironmentDeploys(access);
    }

    /** Extend, scale down, wake and tear down. */
    public EnvironmentLifecycle lifecycle() {
        return new EnvironmentLifecycle(access);
    }

    /** The environments' webhook routes, and each app's default route. */
    public EnvironmentWebhooks webhooks() {
        return new EnvironmentWebhooks(access);
    }

    /** Who opened each environment's review link, and when. */
    public EnvironmentOpens opens() {
        return new EnvironmentOpens(access);
    }
}
