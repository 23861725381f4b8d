package io.jenkins.plugins.branchdeploy.engine.report;

/**
 * A change report as plain text for build logs and terminals:
 *
 * <pre>
 * Changes versus main: 1 added, 0 removed, 1 changed, 40 unchanged
 *   + Deployment/reviews
 *   ~ Deployment/frontend
 *       containers[server].image: frontend:v0.10.6 -> frontend:v0.10.7
 *       containers[server].env[FEATURE_FLAG]: added
 * </pre>
 */
public final class ChangeReportText {

    private ChangeReportText() {}

    public static String render(ChangeReport report) {
        StringBuilder text = new StringBuilder();
        if (report.drift() != null) {
            text.append(report.drift().exceeded() ? "WARNING: " : "").append(report.drift().message()).append('\n');
        }
        text.append(report.summary()).append('\n');
        if (report.webhooks() != null) {
            text.append(report.webhooks()).append('\n');
        }
        for (ResourceChange resource : report.differences()) {
            text.append("  ").append(marker(resource.change())).append(' ').append(resource.resource()).append('\n');
            for (FieldChange field : resource.fields()) {
                text.append("      ").append(field.field()).append(": ").append(field.summary()).append('\n');
            }
        }
        return text.toString();
    }

    private static char marker(ChangeType change) {
        return switch (change) {
            case ADDED -> '+';
            case REMOVED -> '-';
            case CHANGED -> '~';
            case UNCHANGED -> ' ';
        };
    }
}
