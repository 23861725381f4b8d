package io.jenkins.plugins.branchdeploy.engine.lifecycle;

import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one cleanup run does: exactly one action per environment, in inventory order.
 *
 * @param at the time the plan was made for
 * @param dryRun whether the run only reports
 * @param actions one per environment
 * @param brakesHeld the brakes that stopped teardowns
 * @param unknownApps apps in the inventory whose source-control state is unknown, with the reason
 * @param ignoredNamespaces namespaces left alone because their app or environment label is missing
 */
public record CleanupPlan(
        Instant at,
        boolean dryRun,
        List<PlannedAction> actions,
        List<BrakeHold> brakesHeld,
        Map<String, String> unknownApps,
        List<String> ignoredNamespaces) {

    public CleanupPlan {
        actions = List.copyOf(actions);
        brakesHeld = List.copyOf(brakesHeld);
        unknownApps = Collections.unmodifiableMap(new TreeMap<>(unknownApps));
        ignoredNamespaces = List.copyOf(ignoredNamespaces);
    }

    /** How many environments get each action; every action is present, zero when unused. */
    public Map<LifecycleAction, Integer> counts() {
        Map<LifecycleAction, Integer> counts = new EnumMap<>(LifecycleAction.class);
        for (LifecycleAction action : LifecycleAction.values()) {
            counts.put(action, 0);
        }
        actions.forEach(a -> counts.merge(a.action(), 1, Integer::sum));
        return counts;
    }
}
