package io.jenkins.plugins.branchdeploy.config;

import hudson.Extension;
import hudson.ExtensionList;
import io.jenkins.plugins.branchdeploy.engine.ProgressListener;
import io.jenkins.plugins.branchdeploy.engine.cluster.Environment;
import io.jenkins.plugins.branchdeploy.engine.cluster.TeardownOutcome;
import io.jenkins.plugins.branchdeploy.engine.deploy.BranchDeployer;
import io.jenkins.plugins.branchdeploy.engine.lifecycle.CleanupPolicy;
import io.jenkins.plugins.branchdeploy.engine.lifecycle.HeldTeardown;
import io.jenkins.plugins.branchdeploy.engine.lifecycle.TeardownCause;
import io.jenkins.plugins.branchdeploy.engine.lifecycle.TeardownGate;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The teardown gates of this controller, one per configured cluster, all sharing one burst window:
 * every teardown no build asks for (cleanup, a source-control event, a deleted branch job or
 * project, the Branch deployments pages) passes here, under the global dry run and burst brake. The
 * window and the held teardowns live in memory: a restart forgets them, and cleanup then finds the
 * environments whose branches are gone by itself.
 */
@Extension
public final class InstallationTeardowns {

    /** Holds the shared window; the clusters' gates share it and it holds no teardowns itself. */
    private final TeardownGate window = new TeardownGate(Clock.systemUTC());
    private final Map<String, TeardownGate> byCluster = new ConcurrentHashMap<>();

    public static InstallationTeardowns get() {
        return ExtensionList.lookupSingleton(InstallationTeardowns.class);
    }

    /** The gate of a cluster, by its configured name. */
    public TeardownGate gate(String cluster) {
        return byCluster.computeIfAbsent(cluster, c -> window.sharingWindow());
    }

    /** The teardown held for {@code namespace} on {@code cluster}, if any. */
    public Optional<HeldTeardown> held(String cluster, String namespace) {
        return gate(cluster).held(namespace);
    }

    /**
     * Tears an environment down through its cluster's gate: not in a dry run, not past the burst brake.
     *
     * @param why what asked for it, for the log and the page, e.g. {@code branch job shop/PR-4 was deleted}
     */
    public GatedTeardown tearDown(String cluster, BranchDeployer deployer, Environment environment, TeardownCause cause, String why,
            CleanupPolicy policy, ProgressListener progress) {
        TeardownGate gate = gate(cluster);
        String where = environment.namespace() + " on cluster " + cluster;
        TeardownGate.Admission admission = gate.admit(environment.namespace(), cause, why, policy);
        if (admission instanceof TeardownGate.Admission.DryRun dryRun) {
            return new GatedTeardown(GatedTeardown.Result.DRY_RUN, dryRun.message() + " on cluster " + cluster
                    + " (dry run is on under Manage Jenkins » System » Branch deployments)");
        }
        if (admission instanceof TeardownGate.Admission.Held held) {
            return new GatedTeardown(GatedTeardown.Result.HELD, where + ": " + held.teardown().description());
        }
        boolean deleted = false;
        try {
            deleted = deployer.teardown(environment, cause, progress) == TeardownOutcome.DELETED;
        } finally {
            gate.finished((TeardownGate.Admission.Granted) admission, deleted);
        }
        return deleted
                ? new GatedTeardown(GatedTeardown.Result.DONE, "Tore down " + where + " because " + why)
                : new GatedTeardown(GatedTeardown.Result.DONE, where + " is already being deleted or gone");
    }

    /**
     * What the gate made of one teardown.
     *
     * @param message what happened, in one line for the log or the page
     */
    public record GatedTeardown(Result result, String message) {

        public enum Result {
            /** Torn down, or already gone. */
            DONE,
            /** Held by the burst brake; cleanup retries it. */
            HELD,
            /** Dry run: nothing torn down. */
            DRY_RUN
        }
    }
}
