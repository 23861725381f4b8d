package io.jenkins.plugins.branchdeploy.engine.cluster;

import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.api.model.coordination.v1.LeaseBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.jenkins.plugins.branchdeploy.engine.ProgressListener;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;

/**
 * The one writer of an environment across processes (two Jenkins controllers, or Jenkins and the
 * command line): a {@code coordination.k8s.io/v1} Lease named {@value ClusterContract#LEASE} in the
 * environment's namespace. It is taken just before the first write and deleted after the last;
 * it is never renewed, so it lasts as long as the change may take. A holder that died is taken
 * over once its lease has expired by this process' clock. Taking and taking over are optimistic:
 * a create, or an update carrying the resourceVersion read, and a conflict means another process
 * was faster, so it is read again.
 */
final class EnvironmentLease {

    /** This process among the processes of one installation. */
    private static final String PROCESS = HexFormat.of().formatHex(new SecureRandom().generateSeed(4));

    private final KubernetesClient client;
    private final ApiCalls api;
    private final Clock clock;
    private final String holder;
    private final Duration pollEvery;
    private final Duration progressEvery;

    EnvironmentLease(KubernetesClient client, ApiCalls api, Clock clock, String holder, Duration pollEvery, Duration progressEvery) {
        this.client = client;
        this.api = api;
        this.clock = clock;
        this.holder = holder;
        this.pollEvery = pollEvery;
        this.progressEvery = progressEvery;
    }

    /** The holder identity of this process for {@code installation}: the installation and a random process id. */
    static String holderOf(String installation) {
        return installation + "/" + PROCESS;
    }

    /**
     * Takes the environment's lease, waiting for another holder's release or expiry.
     *
     * @param duration how long the lease lasts unreleased: at least as long as the change may take
     * @param patience how long to wait for another holder
     * @throws EnvironmentBusyException when another holder keeps it for longer than {@code patience}
     */
    EnvironmentLocks.Held acquire(String namespace, Duration duration, Duration patience, ProgressListener progress) {
        Instant deadline = clock.instant().plus(patience);
        Instant nextProgress = null;
        while (true) {
            Lease live = api.call("read lease " + namespace + "/" + ClusterContract.LEASE, progress,
                    () -> client.leases().inNamespace(namespace).withName(ClusterContract.LEASE).get());
            Instant now = clock.instant();
            if (live == null || holder.equals(live.getSpec().getHolderIdentity()) || expired(live, now)) {
                if (live != null && !holder.equals(live.getSpec().getHolderIdentity())) {
                    progress.warn("The lease on " + namespace + " of " + live.getSpec().getHolderIdentity()
                            + " has expired; taking it over");
                }
                if (take(namespace, live, duration, now, progress)) {
                    return () -> release(namespace, progress);
                }
                continue;
            }
            if (!now.isBefore(deadline)) {
                throw new EnvironmentBusyException("another process (" + live.getSpec().getHolderIdentity() + ") is still changing "
                        + namespace + " after " + patience.toSeconds() + " s; try again when it has finished, or delete lease "
                        + ClusterContract.LEASE + " in " + namespace + " if that process has died");
            }
            if (nextProgress == null || !now.isBefore(nextProgress)) {
                progress.info("Another process (" + live.getSpec().getHolderIdentity() + ") is changing " + namespace
                        + "; waiting for it to finish, at most until " + deadline);
                nextProgress = now.plus(progressEvery);
            }
            sleep(pollEvery);
        }
    }

    private static boolean expired(Lease lease, Instant now) {
        var spec = lease.getSpec();
        if (spec.getRenewTime() == null && spec.getAcquireTime() == null || spec.getLeaseDurationSeconds() == null) {
            return true;
        }
        Instant renewed = (spec.getRenewTime() != null ? spec.getRenewTime() : spec.getAcquireTime()).toInstant();
        return !now.isBefore(renewed.plusSeconds(spec.getLeaseDurationSeconds()));
    }

    /** Creates or takes over the lease; {@code false} when another process changed it first. */
    private boolean take(String namespace, Lease live, Duration duration, Instant now, ProgressListener progress) {
        Lease mine = new LeaseBuilder()
                .withNewMetadata().withName(ClusterContract.LEASE).withNamespace(namespace)
                .withResourceVersion(live == null ? null : live.getMetadata().getResourceVersion()).endMetadata()
                .withNewSpec().withHolderIdentity(holder).withLeaseDurationSeconds((int) Math.min(Integer.MAX_VALUE, duration.toSeconds()))
                .withAcquireTime(now.atZone(ZoneOffset.UTC)).withRenewTime(now.atZone(ZoneOffset.UTC))
                .withLeaseTransitions(live == null || live.getSpec().getLeaseTransitions() == null ? 0 : live.getSpec().getLeaseTransitions() + 1)
                .endSpec().build();
        try {
            api.run("take lease " + namespace + "/" + ClusterContract.LEASE, progress, () -> {
                if (live == null) {
                    client.leases().inNamespace(namespace).resource(mine).create();
                } else {
                    client.leases().inNamespace(namespace).resource(mine).update();
                }
            });
            return true;
        } catch (ClusterApiException e) {
            if (e.getCode() == 409 || e.getCode() == 404) {
                return false;
            }
            throw e;
        }
    }

    private void release(String namespace, ProgressListener progress) {
        Lease live = api.call("read lease " + namespace + "/" + ClusterContract.LEASE, progress,
                () -> client.leases().inNamespace(namespace).withName(ClusterContract.LEASE).get());
        if (live != null && holder.equals(live.getSpec().getHolderIdentity())) {
            api.run("release lease " + namespace + "/" + ClusterContract.LEASE, progress,
                    () -> client.leases().inNamespace(namespace).withName(ClusterContract.LEASE).delete());
        }
    }

    private static void sleep(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EnvironmentBusyException("interrupted while waiting for another process to finish its change");
        }
    }
}
