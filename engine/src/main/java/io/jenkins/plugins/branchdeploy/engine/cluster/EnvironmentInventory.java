package io.jenkins.plugins.branchdeploy.engine.cluster;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Secret;
import io.jenkins.plugins.branchdeploy.engine.ProgressListener;
import io.jenkins.plugins.branchdeploy.engine.branch.BranchRef;
import io.jenkins.plugins.branchdeploy.engine.naming.NamingPolicy;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads of the environments of {@link BranchEnvironments}: which there are, and what each holds. */
public final class EnvironmentInventory {

    private final EnvironmentAccess access;

    EnvironmentInventory(EnvironmentAccess access) {
        this.access = access;
    }

    /** Every environment of this installation, by namespace name, from one label-selector list call. */
    public List<Environment> all() {
        String installation = access.installation();
        return access.api().call("list the environments of installation " + installation, ProgressListener.SILENT,
                        () -> access.client().namespaces().withLabelSelector(ClusterContract.ownedBy(installation)).list().getItems())
                .stream()
                .filter(ns -> EnvironmentNamespace.isOwnedBy(ns, installation))
                .map(n -> EnvironmentNamespace.environmentOf(n, access.clock().instant()))
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
        return Optional.ofNullable(access.readOwned(access.naming().names(branch).namespace(), ProgressListener.SILENT))
                .map(n -> EnvironmentNamespace.environmentOf(n, access.clock().instant()));
    }

    /**
     * An environment of an app by its environment id ({@code main}, {@code pr-42},
     * {@code try-pricing-v2}), as {@link #all()} lists it: how a variant, which no branch names, is found.
     *
     * @param app the app as configured or its slug
     * @return empty when the app has no environment of that id
     */
    public Optional<Environment> find(String app, String environmentId) {
        String slug = NamingPolicy.appSlug(app);
        return all().stream().filter(e -> slug.equals(e.app()) && environmentId.equals(e.environment())).findFirst();
    }

    /**
     * The deploy history stored on an environment ({@link ClusterContract#HISTORY}), as stored, or
     * {@code null} when there is none or no environment.
     */
    public String history(EnvironmentRef environment, ProgressListener progress) {
        Namespace live = access.readMine(access.namespace(environment), progress);
        return live == null ? null : EnvironmentNamespace.annotation(live, ClusterContract.HISTORY);
    }

    /**
     * The values of a Secret that a deploy wrote into a branch's environment, decoded; empty when
     * the environment or the Secret does not exist. For the engine itself (a database branch keeps
     * its password across redeploys): never log or report them.
     */
    public Map<String, String> secretValues(BranchRef branch, String secretName, ProgressListener progress) {
        return secretValues(EnvironmentRef.of(branch), secretName, progress);
    }

    /** As {@link #secretValues(BranchRef, String, ProgressListener)}, for any environment, e.g. a variant. */
    public Map<String, String> secretValues(EnvironmentRef environment, String secretName, ProgressListener progress) {
        String namespace = access.namespace(environment);
        if (access.readMine(namespace, progress) == null) {
            return Map.of();
        }
        Secret secret = access.api().call("read secret " + secretName + " in " + namespace, progress,
                () -> access.client().secrets().inNamespace(namespace).withName(secretName).get());
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
        return liveResources(EnvironmentRef.of(branch), progress);
    }

    /**
     * As {@link #liveResources(BranchRef, ProgressListener)}, for any environment. Secrets come with
     * their values: for the engine itself (a variant copies them), never to log or report.
     */
    public List<HasMetadata> liveResources(EnvironmentRef environment, ProgressListener progress) {
        String namespace = access.namespace(environment);
        Namespace live = access.readMine(namespace, progress);
        return live == null ? List.of()
                : new LiveResources(access.client(), access.api()).applied(namespace, EnvironmentNamespace.applied(live), progress);
    }

    /**
     * Every resource of the kinds {@code examples} have in any namespace, e.g. a reference
     * environment such as {@code production}; only reads, so the namespace need not be this
     * installation's. What Kubernetes adds to every namespace is left out.
     */
    public List<HasMetadata> resourcesIn(String namespace, Collection<? extends HasMetadata> examples, ProgressListener progress) {
        return new LiveResources(access.client(), access.api()).ofKinds(namespace, examples, progress);
    }
}
