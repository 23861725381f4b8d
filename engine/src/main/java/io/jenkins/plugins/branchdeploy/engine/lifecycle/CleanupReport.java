package io.jenkins.plugins.branchdeploy.engine.lifecycle;

import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a cleanup run did, as plain records (front ends write it as JSON) or as text for people.
 *
 * @param at the time the plan was made for
 * @param dryRun whether the run only reported
 * @param counts how many environments got each action, every action present
 * @param environments each environment's action, reason and outcome, in inventory order
 * @param brakesHeld the brakes that stopped teardowns
 * @param unknownApps apps whose source-control state is unknown, with the reason
 * @param ignoredNamespaces namespaces left alone because their app or environment label is missing
 */
public record CleanupReport(
        Instant at,
        boolean dryRun,
        Map<LifecycleAction, Integer> counts,
        List<EnvironmentResult> environments,
        List<BrakeHold> brakesHeld,
        Map<String, String> unknownApps,
        List<String> ignoredNamespaces) {

    public CleanupReport {
        counts = Collections.unmodifiableMap(new EnumMap<>(counts));
        environments = List.copyOf(environments);
        brakesHeld = List.copyOf(brakesHeld);
        unknownApps = Collections.unmodifiableMap(new TreeMap<>(unknownApps));
        ignoredNamespaces = List.copyOf(ignoredNamespaces);
    }

    /** How many cluster changes failed. */
    public long failures() {
        return environments.stream().filter(e -> e.outcome() == ActionOutcome.FAILED).count();
    }

    /** The report as aligned text: a summary line, one line per environment, then brakes and unknown states. */
    public String toText() {
        return new CleanupReportText(this).render();
    }
}
