package io.jenkins.plugins.branchdeploy.engine.lifecycle;

import java.util.Map;
import java.util.stream.Collectors;

/** Renders a cleanup report for people: aligned columns, one environment per line. */
final class CleanupReportText {

    private final CleanupReport report;
    private final StringBuilder text = new StringBuilder();

    CleanupReportText(CleanupReport report) {
        this.report = report;
    }

    String render() {
        line("Cleanup at " + TimeWords.time(report.at()) + (report.dryRun() ? " (dry run: nothing was changed)" : ""));
        line(report.counts().entrySet().stream()
                .map(e -> e.getKey().value() + " " + e.getValue())
                .collect(Collectors.joining(", ")) + "; " + report.failures() + " failed");
        if (!report.environments().isEmpty()) {
            int namespaceWidth = Math.max("NAMESPACE".length(),
                    report.environments().stream().mapToInt(e -> e.namespace().length()).max().orElse(0));
            String format = "%-10s  %-13s  %-" + namespaceWidth + "s  %s";
            text.append(System.lineSeparator());
            line(String.format(format, "ACTION", "OUTCOME", "NAMESPACE", "REASON"));
            for (EnvironmentResult e : report.environments()) {
                String reason = e.message() == null ? e.reason() : e.reason() + " (failed: " + e.message() + ")";
                line(String.format(format, e.action().value(), e.outcome().value(), e.namespace(), reason));
            }
        }
        if (!report.brakesHeld().isEmpty() || !report.unknownApps().isEmpty() || !report.ignoredNamespaces().isEmpty()) {
            text.append(System.lineSeparator());
        }
        for (BrakeHold brake : report.brakesHeld()) {
            line("Brake held: " + brake.brake() + " (" + brake.description() + "): " + brake.allowed() + " of "
                    + brake.wanted() + " teardowns allowed, the rest wait for the next run");
        }
        for (Map.Entry<String, String> app : report.unknownApps().entrySet()) {
            line("SCM state unknown for app " + app.getKey() + ": " + app.getValue()
                    + "; its environments are not torn down for a deleted branch or closed pull request");
        }
        if (!report.ignoredNamespaces().isEmpty()) {
            line("Ignored (app or environment label missing): " + String.join(", ", report.ignoredNamespaces()));
        }
        return text.toString();
    }

    private void line(String line) {
        text.append(line).append(System.lineSeparator());
    }
}
