package io.jenkins.plugins.branchdeploy.engine.cluster;

import io.fabric8.kubernetes.api.model.Namespace;
import io.jenkins.plugins.branchdeploy.engine.InvalidInputException;
import io.jenkins.plugins.branchdeploy.engine.ProgressListener;
import java.util.function.UnaryOperator;

/**
 * The opens of environments' review links, as their namespaces record them
 * ({@link ClusterContract#OPENS}, under a field manager of their own so that deploys leave them
 * alone). Any project's user may open any environment, so neither is refused for another project's.
 */
public final class EnvironmentOpens {

    private final EnvironmentAccess access;

    EnvironmentOpens(EnvironmentAccess access) {
        this.access = access;
    }

    /**
     * Records an open: {@code record} turns the opens stored on the namespace ({@code null} when
     * none) into the text to store. Opens of one environment do not interleave within this process.
     *
     * @return the environment as recorded now, its URL the only place a review link leads to
     * @throws InvalidInputException when the environment no longer exists
     * @throws ForeignNamespaceException when the namespace is not this installation's
     */
    public Environment record(Environment environment, UnaryOperator<String> record, ProgressListener progress) {
        String namespace = environment.namespace();
        try (EnvironmentLocks.Held lock = access.lock(namespace, EnvironmentAccess.LOCK_PATIENCE, progress)) {
            Namespace live = access.readOwned(namespace, progress);
            if (live == null || EnvironmentNamespace.isTerminating(live)) {
                throw new InvalidInputException("environment", "namespace " + namespace
                        + " does not exist any more; there is nothing to open");
            }
            String opens = record.apply(EnvironmentNamespace.annotation(live, ClusterContract.OPENS));
            access.applyNamespace(EnvironmentNamespace.onlyAnnotation(namespace, ClusterContract.OPENS, opens),
                    ClusterContract.OPENS_FIELD_MANAGER, progress);
            return EnvironmentNamespace.environmentOf(live, access.clock().instant());
        }
    }

    /** The opens stored on an environment, as stored, or {@code null} when there are none. */
    public String stored(Environment environment, ProgressListener progress) {
        Namespace live = access.readOwned(environment.namespace(), progress);
        return live == null ? null : EnvironmentNamespace.annotation(live, ClusterContract.OPENS);
    }
}
