package io.jenkins.plugins.branchdeploy.engine.deploy;

import io.jenkins.plugins.branchdeploy.engine.cluster.DeployResult;
import io.jenkins.plugins.branchdeploy.engine.report.ChangeReportText;
import io.jenkins.plugins.branchdeploy.engine.smoke.SmokeResult;
import java.time.Instant;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What a pull request's "Branch deployment" check says: a title and a Markdown summary with the
 * environment, namespace, webhook URL, expiry, warnings, smoke results and change report, at most {@link #MAX_SUMMARY}
 * characters (the SCM's limit is 65535). Holds no secret value: only what {@link DeployOutcome}
 * holds. Text that users control (branch names, reasons) is escaped, so it cannot form links or
 * markup.
 *
 * @param succeeded whether the check passes
 * @param title one line, e.g. {@code Ready: https://pr-42--shop.example.dev}
 * @param summary Markdown
 */
public record DeployCheck(boolean succeeded, String title, String summary) {

    public static final int MAX_SUMMARY = 60_000;
    private static final String FENCE = "````";
    private static final String CUT = "\n\n_(cut: the full report is on the build page)_\n";
    private static final Pattern MARKDOWN = Pattern.compile("([\\\\`*_\\[\\]{}()#+\\-.!|<>~])");

    public DeployCheck {
        Objects.requireNonNull(title, "title");
        summary = cap(Objects.requireNonNull(summary, "summary"));
    }

    /**
     * The check after a deploy.
     *
     * @param reviewLink where the check's details link leads: the review link, which records the open
     * @param expiresAt when the environment's time-to-live runs out, or {@code null} when not known
     */
    public static DeployCheck of(DeployOutcome outcome, String reviewLink, Instant expiresAt) {
        DeployResult deploy = outcome.deploy();
        StringBuilder md = new StringBuilder();
        String title;
        if (deploy.succeeded()) {
            title = (deploy.unchanged() ? "Unchanged: " : "Ready: ") + deploy.url();
            md.append("**Live:** [").append(escape(deploy.url())).append("](").append(reviewLink).append(")\n\n");
        } else {
            title = "Deploy failed";
            md.append("**Deploy failed:** ").append(escape(Objects.requireNonNullElse(deploy.failureReason(), "unknown"))).append("\n\n");
        }
        md.append("| | |\n| --- | --- |\n")
                .append("| Environment | ").append(escape(deploy.names().environment())).append(" |\n")
                .append("| Namespace | ").append(escape(deploy.names().namespace())).append(" |\n");
        if (outcome.webhookUrl() != null) {
            md.append("| Webhooks | ").append(escape(outcome.webhookUrl())).append(" |\n");
        }
        if (expiresAt != null) {
            md.append("| Expires | ").append(escape(expiresAt.toString())).append(" |\n");
        }
        if (!outcome.warnings().isEmpty()) {
            md.append("\n### Warnings\n\n");
            outcome.warnings().forEach(warning -> md.append("- ").append(escape(warning)).append('\n'));
        }
        if (outcome.smoke() != null) {
            md.append("\n### Smoke tests\n\n");
            for (SmokeResult result : outcome.smoke().results()) {
                md.append("- ").append(escape(result.describe())).append('\n');
            }
        }
        if (outcome.changes() != null) {
            md.append("\n### ").append(escape(outcome.changes().summary())).append("\n\n").append(FENCE).append("text\n")
                    .append(ChangeReportText.render(outcome.changes())).append(FENCE).append('\n');
        } else if (outcome.drift() != null) {
            md.append('\n').append(escape(outcome.drift().message())).append('\n');
        }
        return new DeployCheck(deploy.succeeded(), title, md.toString());
    }

    /** The check once the environment is gone: it passes, saying why it went. */
    public static DeployCheck tornDown(String namespace, String why) {
        return new DeployCheck(true, "Torn down", "The environment in namespace " + escape(namespace)
                + " was torn down: " + escape(why) + ".\n");
    }

    /** The check once the environment is scaled down: it passes, and says how to bring it back. */
    public static DeployCheck scaledDown(String namespace, String why) {
        return new DeployCheck(true, "Scaled down", "The environment in namespace " + escape(namespace)
                + " is scaled down (" + escape(why) + "); wake it from the Branch deployments page, or deploy again.\n");
    }

    /** {@code text} with every Markdown metacharacter escaped. */
    static String escape(String text) {
        return MARKDOWN.matcher(text.replace("\r", " ").replace("\n", " ")).replaceAll("\\\\$1");
    }

    /** Cut to the limit; a code block cut open is closed again. */
    private static String cap(String summary) {
        if (summary.length() <= MAX_SUMMARY) {
            return summary;
        }
        String kept = summary.substring(0, MAX_SUMMARY - CUT.length() - FENCE.length() - 1);
        boolean open = kept.split(FENCE, -1).length % 2 == 0;
        return kept + (open ? "\n" + FENCE : "") + CUT;
    }
}
