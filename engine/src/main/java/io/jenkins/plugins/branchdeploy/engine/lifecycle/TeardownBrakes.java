package io.jenkins.plugins.branchdeploy.engine.lifecycle;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * Caps the teardowns of one run: at most {@code max-teardowns-per-run}, and at most
 * {@code max-teardown-percent} of the environments (rounded down, but at least one unless the
 * percentage is 0, so that small installations still make progress). The oldest deploys go first;
 * the rest are kept and wait for the next run.
 */
final class TeardownBrakes {

    private static final Comparator<PlannedAction> OLDEST_FIRST = Comparator
            .comparing((PlannedAction a) -> LastDeploy.of(a.environment()), Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(a -> a.environment().namespace(), Comparator.nullsFirst(Comparator.naturalOrder()));

    private final int maxTeardownsPerRun;
    private final int maxTeardownPercent;

    TeardownBrakes(CleanupPolicy policy) {
        this.maxTeardownsPerRun = policy.maxTeardownsPerRun();
        this.maxTeardownPercent = policy.maxTeardownPercent();
    }

    /** Replaces the teardowns past the cap by keeps, in place, and returns the brakes that held. */
    List<BrakeHold> apply(List<PlannedAction> actions) {
        List<PlannedAction> teardowns = actions.stream().filter(a -> a.action() == LifecycleAction.TEARDOWN).toList();
        int wanted = teardowns.size();
        int byPercent = maxTeardownPercent == 0 ? 0 : Math.max(1, actions.size() * maxTeardownPercent / 100);
        List<BrakeHold> held = new ArrayList<>();
        if (maxTeardownsPerRun < wanted) {
            held.add(new BrakeHold("max-teardowns-per-run", maxTeardownsPerRun, wanted,
                    "at most " + maxTeardownsPerRun + (maxTeardownsPerRun == 1 ? " teardown" : " teardowns") + " per run"));
        }
        if (byPercent < wanted) {
            held.add(new BrakeHold("max-teardown-percent", byPercent, wanted, "at most " + maxTeardownPercent
                    + "% of the " + actions.size() + " environments (" + byPercent + ") per run"));
        }
        if (held.isEmpty()) {
            return held;
        }
        BrakeHold binding = held.stream().min(Comparator.comparingInt(BrakeHold::allowed)).orElseThrow();
        Set<PlannedAction> waiting = Collections.newSetFromMap(new IdentityHashMap<>());
        teardowns.stream().sorted(OLDEST_FIRST).skip(binding.allowed()).forEach(waiting::add);
        String hold = "held by brake: " + binding.description() + "; " + waiting.size() + " of " + wanted
                + " teardowns wait for the next run; due because ";
        actions.replaceAll(a -> waiting.contains(a) ? new PlannedAction(a.environment(), LifecycleAction.KEEP, hold + a.reason()) : a);
        return held;
    }
}
