package io.jenkins.plugins.branchdeploy.engine.cluster;

import io.jenkins.plugins.branchdeploy.engine.ProgressListener;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One lock per environment (cluster and namespace) for this whole process: two deploys or
 * teardowns of the same environment never interleave, the second waits; different environments
 * proceed in parallel. Shared by every {@link BranchEnvironments} in the process, so two Jenkins
 * builds of one branch are serialised too.
 */
final class EnvironmentLocks {

    private static final ConcurrentMap<String, ReentrantLock> LOCKS = new ConcurrentHashMap<>();

    /** A held lock; closing releases it. */
    interface Held extends AutoCloseable {
        @Override
        void close();
    }

    private EnvironmentLocks() {}

    static Held acquire(String cluster, String namespace, Duration patience, ProgressListener progress) {
        ReentrantLock lock = LOCKS.computeIfAbsent(cluster + " " + namespace, key -> new ReentrantLock(true));
        try {
            if (!lock.tryLock()) {
                progress.info("Another deploy or teardown of " + namespace + " is running; waiting for it to finish");
                if (!lock.tryLock(patience.toMillis(), TimeUnit.MILLISECONDS)) {
                    throw new EnvironmentBusyException("another deploy or teardown of " + namespace
                            + " is still running after " + patience.toSeconds() + " s; try again when it has finished");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EnvironmentBusyException("interrupted while waiting for another deploy of " + namespace);
        }
        return lock::unlock;
    }
}
