package io.jenkins.plugins.branchdeploy.engine.cluster;

import io.fabric8.kubernetes.api.model.Namespace;
import io.jenkins.plugins.branchdeploy.engine.InvalidInputException;
import io.jenkins.plugins.branchdeploy.engine.ProgressListener;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The lifecycle changes of the environments of {@link BranchEnvironments}: extend, scale down,
 * wake and tear down. A branch's environment that does not exist is refused as bad input; a
 * {@linkplain EnvironmentRef#of(Environment) listed} one that has gone meanwhile is left alone
 * (extend refuses both).
 */
public final class EnvironmentLifecycle {

    private final EnvironmentAccess access;

    EnvironmentLifecycle(EnvironmentAccess access) {
        this.access = access;
    }

    /**
     * Deletes an environment. A default webhook route that sends to it first falls back to its app's
     * {@code main} environment, or is removed.
     *
     * @return {@link TeardownOutcome#ABSENT} when there was none and {@link TeardownOutcome#DELETING} when
     *     an earlier teardown's deletion is still under way (both success too)
     * @throws ForeignNamespaceException when its namespace is not this installation's
     * @throws EnvironmentOwnedElsewhereException when the environment is another project's
     * @throws ClusterApiException when the API server refuses or keeps failing
     * @throws ArgoCdTeardownException when Argo CD does not remove the environment's Application in time; the namespace is kept
     */
    public TeardownOutcome teardown(EnvironmentRef environment, ProgressListener progress) {
        String namespace = access.namespace(environment);
        try (EnvironmentLocks.Held lock = access.lock(namespace, EnvironmentAccess.LOCK_PATIENCE, progress)) {
            Namespace live = access.readMine(namespace, progress);
            if (live == null) {
                progress.info("There is no environment in namespace " + namespace + "; nothing to tear down");
                return TeardownOutcome.ABSENT;
            }
            if (EnvironmentNamespace.isTerminating(live)) {
                progress.info("Namespace " + namespace + " is still being deleted by an earlier teardown");
                return TeardownOutcome.DELETING;
            }
            try (EnvironmentLocks.Held lease = access.lease(namespace, EnvironmentAccess.LOCK_PATIENCE, progress)) {
                new WebhookDefault(access).leaving(live, progress);
                new ApplicationTeardown(access.client(), access.api(), access.installation(), access.pollEvery(), access.progressEvery())
                        .delete(live, EnvironmentAccess.LOCK_PATIENCE, progress);
                access.api().run("delete namespace " + namespace, progress, () -> access.client().namespaces().withName(namespace).delete());
            }
            progress.info("Deleted namespace " + namespace + " and everything in it");
            return TeardownOutcome.DELETED;
        }
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
    public Environment extend(EnvironmentRef environment, Duration by) {
        if (by == null || by.isNegative() || by.isZero()) {
            throw new InvalidInputException("for", "must be longer than zero, e.g. 2d, got " + by);
        }
        String namespace = access.namespace(environment);
        try (EnvironmentLocks.Held lock = access.lock(namespace, EnvironmentAccess.LOCK_PATIENCE, ProgressListener.SILENT)) {
            Namespace live = access.readMine(namespace, ProgressListener.SILENT);
            if (live == null || EnvironmentNamespace.isTerminating(live)) {
                throw environment instanceof EnvironmentRef.OfBranch ofBranch ? access.noEnvironment(ofBranch.branch())
                        : new InvalidInputException("environment", "namespace " + namespace
                                + " does not exist any more; there is nothing to extend");
            }
            Environment current = EnvironmentNamespace.environmentOf(live, access.clock().instant());
            Instant from = access.clock().instant();
            for (Instant end : new Instant[] {current.expiresAt(), current.keepUntil()}) {
                if (end != null && end.isAfter(from)) {
                    from = end;
                }
            }
            String keepUntil = EnvironmentNamespace.format(from.plus(by));
            Namespace extended = access.api().call("patch namespace " + namespace, ProgressListener.SILENT, () -> access.client()
                    .namespaces().withName(namespace).patch(JsonPatch.CONTEXT, new JsonPatch(live.getMetadata())
                            .annotate(ClusterContract.KEEP_UNTIL, keepUntil).toJson()));
            return EnvironmentNamespace.environmentOf(extended, access.clock().instant());
        }
    }

    /**
     * Scales an environment's Deployments and StatefulSets to zero, keeping each one's replica
     * count on it for {@link #wake}, and records the cause on the namespace. Idempotent; scaled
     * down by hand ({@link ScaleDownCause#MANUAL}), cleanup does not wake it, the next deploy or
     * {@link #wake} does.
     *
     * @throws InvalidInputException when a branch has no environment
     * @throws ForeignNamespaceException when the namespace is not this installation's
     * @throws ClusterApiException when the API server refuses or keeps failing
     */
    public void scaleDown(EnvironmentRef environment, ScaleDownCause cause, ProgressListener progress) {
        Objects.requireNonNull(cause, "cause");
        String namespace = access.namespace(environment);
        try (EnvironmentLocks.Held lock = access.lock(namespace, EnvironmentAccess.LOCK_PATIENCE, progress)) {
            Namespace live = present(environment, namespace, "scale down", progress);
            if (live != null) {
                boolean asleep = EnvironmentNamespace.status(live) == EnvironmentStatus.SCALED_DOWN
                        && (cause != ScaleDownCause.MANUAL || ScaleDownCause.MANUAL.value().equals(EnvironmentNamespace.annotation(live, ClusterContract.SCALED_DOWN_BY)));
                try (EnvironmentLocks.Held lease = asleep ? () -> {} : access.lease(namespace, EnvironmentAccess.LOCK_PATIENCE, progress)) {
                    new ApplicationSync(access.client(), access.api(), access.installation()).pause(live, progress);
                    int scaled = new EnvironmentScaling(access.client(), access.api()).scaleDown(live, cause, progress);
                    progress.info("Scaled down " + namespace + " (" + cause.value() + "): " + scaled + " workloads to zero");
                }
            }
        }
    }

    /**
     * Wakes a scaled-down environment: restores exactly the replica counts kept by scale-down and
     * the status it had before, reporting each restored workload. Waking a running environment
     * changes nothing.
     *
     * @throws InvalidInputException when a branch has no environment
     * @throws ForeignNamespaceException when the namespace is not this installation's
     */
    public void wake(EnvironmentRef environment, ProgressListener progress) {
        String namespace = access.namespace(environment);
        try (EnvironmentLocks.Held lock = access.lock(namespace, EnvironmentAccess.LOCK_PATIENCE, progress)) {
            Namespace live = present(environment, namespace, "wake", progress);
            if (live != null) {
                boolean awake = EnvironmentNamespace.status(live) != EnvironmentStatus.SCALED_DOWN;
                try (EnvironmentLocks.Held lease = awake ? () -> {} : access.lease(namespace, EnvironmentAccess.LOCK_PATIENCE, progress)) {
                    int restored = new EnvironmentScaling(access.client(), access.api()).wake(live, progress);
                    new ApplicationSync(access.client(), access.api(), access.installation()).resume(live, progress);
                    progress.info("Woke " + namespace + ": " + restored + " workloads restored");
                }
            }
        }
    }

    /** The environment's namespace when it is there and not being deleted, else {@code null} after saying so. */
    private Namespace present(EnvironmentRef environment, String namespace, String change, ProgressListener progress) {
        Namespace live = access.readMine(namespace, progress);
        if (live == null && environment instanceof EnvironmentRef.OfBranch ofBranch) {
            throw access.noEnvironment(ofBranch.branch());
        }
        if (live == null || EnvironmentNamespace.isTerminating(live)) {
            progress.info("There is no environment in namespace " + namespace + " any more; nothing to " + change);
            return null;
        }
        return live;
    }
}
