package io.jenkins.plugins.branchdeploy.engine.lifecycle;

import io.jenkins.plugins.branchdeploy.engine.cluster.Environment;
import io.jenkins.plugins.branchdeploy.engine.cluster.EnvironmentStatus;
import io.jenkins.plugins.branchdeploy.engine.cluster.ScaleDownCause;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The lifecycle policy as a pure function: from the inventory, what source control says, the time
 * and the policy, one action per environment with its reason (see {@code docs/lifecycle.md}). Reads
 * nothing and changes nothing; linear in the number of environments.
 */
public final class CleanupPlanner {

    private final CleanupPolicy policy;
    private final TeardownBrakes brakes;

    public CleanupPlanner(CleanupPolicy policy) {
        this.policy = policy;
        this.brakes = new TeardownBrakes(policy);
    }

    public CleanupPlan plan(List<Environment> inventory, ScmState scm, Instant now) {
        return plan(inventory, scm, now, List.of());
    }

    /**
     * @param held teardowns the burst brake held earlier: retried unless source control says their
     *     branch or pull request is live
     */
    public CleanupPlan plan(List<Environment> inventory, ScmState scm, Instant now, List<HeldTeardown> held) {
        Map<String, HeldTeardown> heldByNamespace = new HashMap<>();
        held.forEach(h -> heldByNamespace.put(h.namespace(), h));
        WorkingHours hours = policy.workingHours();
        boolean insideHours = hours == null || hours.contains(now);
        List<PlannedAction> actions = new ArrayList<>(inventory.size());
        Map<String, String> unknownApps = new TreeMap<>();
        List<String> ignored = new ArrayList<>();
        for (Environment environment : inventory) {
            if (isBlank(environment.app()) || isBlank(environment.environment())) {
                ignored.add(String.valueOf(environment.namespace()));
                continue;
            }
            AppScan scan = scm.of(environment);
            if (scan instanceof AppScan.Unknown unknown) {
                unknownApps.putIfAbsent(environment.app(), unknown.reason());
            }
            actions.add(decide(environment, scan, now, insideHours, heldByNamespace.get(environment.namespace())));
        }
        List<BrakeHold> brakesHeld = brakes.apply(actions);
        return new CleanupPlan(now, policy.dryRun(), actions, brakesHeld, unknownApps, ignored);
    }

    private PlannedAction decide(Environment env, AppScan scan, Instant now, boolean insideHours, HeldTeardown held) {
        if (env.status() == EnvironmentStatus.TEARING_DOWN) {
            return PlannedAction.teardown(env, TeardownCause.UNFINISHED, "a teardown started earlier did not finish");
        }
        if (scan instanceof AppScan.Scanned scanned && !env.isVariant()) {
            PlannedAction gone = gone(env, scanned);
            if (gone != null) {
                return gone;
            }
        } else if (held != null) {
            return PlannedAction.teardown(env, held.cause(), "held by the burst brake since " + TimeWords.time(held.heldAt())
                    + ": " + held.reason());
        }
        Instant expiry = expiry(env);
        if (expiry != null && !now.isBefore(expiry)) {
            return PlannedAction.teardown(env, TeardownCause.TTL_EXPIRED, expiryReason(env, expiry));
        }
        if (env.status() != EnvironmentStatus.DEPLOYING && env.status() != EnvironmentStatus.INTERRUPTED) {
            PlannedAction scaling = scaling(env, now, insideHours);
            if (scaling != null) {
                return scaling;
            }
        }
        if (expiry != null && !policy.warningWindow().isZero() && !now.plus(policy.warningWindow()).isBefore(expiry)) {
            return new PlannedAction(env, LifecycleAction.WARN, (expiry.equals(env.expiresAt()) ? "TTL runs out " : "extension runs out ")
                    + TimeWords.time(expiry) + " (in " + TimeWords.duration(Duration.between(now, expiry)) + ")");
        }
        return new PlannedAction(env, LifecycleAction.KEEP, keepReason(env, scan));
    }

    /** Whether source control lists the environment's branch or pull request as live. */
    static boolean isLive(Environment env, ScmState scm) {
        return scm.of(env) instanceof AppScan.Scanned scanned && gone(env, scanned) == null;
    }

    /** The teardown when source control says the environment's branch or pull request is gone, or {@code null}. */
    private static PlannedAction gone(Environment env, AppScan.Scanned scanned) {
        if (env.change() != null) {
            ChangeState state = scanned.changes().get(env.change());
            if (state == null) {
                return PlannedAction.teardown(env, TeardownCause.CHANGE_CLOSED,
                        "pull request #" + env.change() + " is not listed by source control");
            }
            return state == ChangeState.OPEN ? null : PlannedAction.teardown(env,
                    state == ChangeState.MERGED ? TeardownCause.CHANGE_MERGED : TeardownCause.CHANGE_CLOSED,
                    "pull request #" + env.change() + " was " + state.value());
        }
        if (env.branch() != null && !scanned.branches().contains(env.branch())) {
            return PlannedAction.teardown(env, TeardownCause.BRANCH_DELETED, "branch " + env.branch() + " was deleted");
        }
        return null;
    }

    /** The later of {@code expires-at} and {@code keep-until}; {@code null} without a time-to-live. */
    private static Instant expiry(Environment env) {
        Instant ttl = env.expiresAt();
        if (ttl == null) {
            return null;
        }
        return env.keepUntil() != null && env.keepUntil().isAfter(ttl) ? env.keepUntil() : ttl;
    }

    private static String expiryReason(Environment env, Instant expiry) {
        if (expiry.equals(env.expiresAt())) {
            return "TTL ran out " + TimeWords.time(expiry);
        }
        return "extension ran out " + TimeWords.time(expiry) + " (TTL ran out " + TimeWords.time(env.expiresAt()) + ")";
    }

    /**
     * Scale-down when idle or outside working hours; wake a scaled-down environment inside working
     * hours unless it is idle or was scaled down by hand. Without a schedule nothing is woken: an
     * idle or manual scale-down lasts until the next deploy or an explicit wake.
     */
    private PlannedAction scaling(Environment env, Instant now, boolean insideHours) {
        Instant last = LastDeploy.of(env);
        boolean idle = policy.idlePeriod() != null && last != null && !now.isBefore(last.plus(policy.idlePeriod()));
        if (env.status() == EnvironmentStatus.SCALED_DOWN) {
            if (policy.workingHours() != null && insideHours && !idle && env.scaledDownBy() != ScaleDownCause.MANUAL) {
                return new PlannedAction(env, LifecycleAction.WAKE, "inside working hours " + policy.workingHours());
            }
            return null;
        }
        if (idle) {
            return PlannedAction.scaleDown(env, ScaleDownCause.IDLE, "idle: last deployed " + TimeWords.time(last)
                    + ", idle period " + TimeWords.duration(policy.idlePeriod()));
        }
        if (!insideHours) {
            return PlannedAction.scaleDown(env, ScaleDownCause.SCHEDULE, "outside working hours " + policy.workingHours());
        }
        return null;
    }

    private static String keepReason(Environment env, AppScan scan) {
        if (scan instanceof AppScan.Unknown unknown) {
            return "SCM state unknown: " + unknown.reason() + " — kept";
        }
        if (env.status() == EnvironmentStatus.DEPLOYING) {
            return "deploy in progress";
        }
        if (env.status() == EnvironmentStatus.INTERRUPTED) {
            return "deploy interrupted: its process ended before it finished; the next deploy continues it";
        }
        if (env.status() == EnvironmentStatus.SCALED_DOWN) {
            return env.scaledDownBy() == ScaleDownCause.MANUAL
                    ? "scaled down by hand; stays down until the next deploy or wake"
                    : "scaled down until the next deploy or wake";
        }
        if (env.isVariant()) {
            return "variant of " + env.variant().source() + ": kept until its time to live runs out, whatever the branches do";
        }
        if (env.change() != null) {
            return "pull request #" + env.change() + " is open";
        }
        if (env.branch() != null) {
            return "branch " + env.branch() + " is live";
        }
        return "no branch or pull request recorded on the namespace";
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
