package io.jenkins.plugins.branchdeploy.engine.cluster;

import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.jenkins.plugins.branchdeploy.engine.InvalidInputException;
import io.jenkins.plugins.branchdeploy.engine.ProgressListener;
import io.jenkins.plugins.branchdeploy.engine.branch.BranchRef;
import io.jenkins.plugins.branchdeploy.engine.naming.NamingPolicy;
import java.time.Clock;
import java.time.Duration;

/**
 * What the inventory, deploys and lifecycle of {@link BranchEnvironments} share: the cluster, the
 * installation and project they act for, and the reads and locks that keep them to their own
 * namespaces.
 */
record EnvironmentAccess(KubernetesClient client, ApiCalls api, String installation, String owner, NamingPolicy naming,
        Clock clock, Duration pollEvery, Duration progressEvery) {

    /** How long a change waits for another of the same environment (a deploy: beyond its own timeout). */
    static final Duration LOCK_PATIENCE = Duration.ofMinutes(10);

    String namespace(EnvironmentRef ref) {
        if (ref instanceof EnvironmentRef.OfBranch branch) {
            return naming.names(branch.branch()).namespace();
        }
        return ((EnvironmentRef.Listed) ref).environment().namespace();
    }

    /** The namespace, read now; {@code null} when it does not exist. */
    Namespace readOwned(String namespace, ProgressListener progress) {
        Namespace live = api.call("read namespace " + namespace, progress, () -> client.namespaces().withName(namespace).get());
        if (live != null && !EnvironmentNamespace.isOwnedBy(live, installation)) {
            throw new ForeignNamespaceException(namespace, installation);
        }
        return live;
    }

    /**
     * The namespace, read now, when this instance may change it; {@code null} when it does not exist.
     *
     * @throws EnvironmentOwnedElsewhereException when it is another project's
     */
    Namespace readMine(String namespace, ProgressListener progress) {
        Namespace live = readOwned(namespace, progress);
        if (live != null) {
            EnvironmentNamespace.refuseOtherOwner(live, owner);
        }
        return live;
    }

    void applyNamespace(Namespace namespace, String fieldManager, ProgressListener progress) {
        api.run("apply namespace " + namespace.getMetadata().getName(), progress, () -> client.resource(namespace)
                .fieldManager(fieldManager).forceConflicts().serverSideApply());
    }

    EnvironmentLocks.Held lock(String namespace, Duration patience, ProgressListener progress) {
        return EnvironmentLocks.acquire(client.getConfiguration().getMasterUrl(), namespace, patience, progress);
    }

    /**
     * Takes the environment's {@link EnvironmentLease} for a write, waiting at most {@code duration}
     * for another process, and holding it unreleased for at most as long. Needs the namespace to exist.
     */
    EnvironmentLocks.Held lease(String namespace, Duration duration, ProgressListener progress) {
        return new EnvironmentLease(client, api, clock, EnvironmentLease.holderOf(installation), pollEvery, progressEvery)
                .acquire(namespace, duration, duration, progress);
    }

    InvalidInputException noEnvironment(BranchRef branch) {
        return new InvalidInputException("branch", "there is no environment of app " + branch.app() + " for "
                + branch.changeRequest().map(c -> "pull request #" + c.number()).orElse("branch " + branch.branch())
                + " (namespace " + naming.names(branch).namespace() + "); deploy it first, or check the app, branch and pull request number");
    }
}
