package io.jenkins.plugins.branchdeploy.engine.report;

import java.util.List;

/**
 * What differs between a branch's environment and main: every resource of either side, sorted by
 * kind and name, and optionally how far the branch has drifted behind its target. Never holds a
 * secret value. Render it with {@link ChangeReportText} or {@link ChangeReportHtml}.
 *
 * @param baseline what the branch was compared with, e.g. {@code main} or {@code namespace production}
 * @param resources one entry per resource of either side
 * @param drift how far the branch is behind its target, or {@code null} when not known
 * @param webhookUrl where third-party webhooks reach the branch's environment, or {@code null} without webhooks
 */
public record ChangeReport(String baseline, List<ResourceChange> resources, Drift drift, String webhookUrl) {

    public ChangeReport {
        resources = List.copyOf(resources);
    }

    /** The same report, with the branch's drift behind its target. */
    public ChangeReport withDrift(Drift newDrift) {
        return new ChangeReport(baseline, resources, newDrift, webhookUrl);
    }

    /** The same report, saying where the environment's webhooks arrive. */
    public ChangeReport withWebhookUrl(String url) {
        return new ChangeReport(baseline, resources, drift, url);
    }

    /** One line for a reviewer who tests webhooks, or {@code null} without webhooks. */
    public String webhooks() {
        return webhookUrl == null ? null : "Webhooks reach this environment at " + webhookUrl;
    }

    /** How many resources were added, removed, changed or left unchanged. */
    public long count(ChangeType change) {
        return resources.stream().filter(r -> r.change() == change).count();
    }

    /** The resources that were added, removed or changed. */
    public List<ResourceChange> differences() {
        return resources.stream().filter(r -> r.change() != ChangeType.UNCHANGED).toList();
    }

    /** Whether the drift, if known, is above its threshold. */
    public boolean driftExceeded() {
        return drift != null && drift.exceeded();
    }

    /** One line: {@code Changes versus main: 1 added, 0 removed, 2 changed, 30 unchanged}. */
    public String summary() {
        return "Changes versus " + baseline + ": " + count(ChangeType.ADDED) + " added, "
                + count(ChangeType.REMOVED) + " removed, " + count(ChangeType.CHANGED) + " changed, "
                + count(ChangeType.UNCHANGED) + " unchanged";
    }
}
