package io.jenkins.plugins.branchdeploy.buildpage;

import hudson.Util;
import hudson.model.Run;
import io.jenkins.plugins.branchdeploy.engine.cluster.DeployResult;
import io.jenkins.plugins.branchdeploy.engine.deploy.DeployOutcome;
import io.jenkins.plugins.branchdeploy.engine.report.ChangeReportText;
import io.jenkins.plugins.branchdeploy.engine.smoke.SmokeReport;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jenkins.model.RunAction2;

/**
 * What one deploy left on its build: the environment, its live URL as a sidebar link (or that
 * nothing routes to it), and a summary on the build page. Stores only what may be shown to anyone
 * who can see the build; never a secret.
 */
public final class BranchDeployAction implements RunAction2 {

    private final String environment;
    private final String namespace;
    private final String url;
    private final String status;
    private final String commit;
    private final Map<String, Long> phaseMillis;
    private final int appliedResources;
    private final String failureReason;
    private String reviewLink;
    private String smokeResults;
    private String changeReport;
    /** What the change report compared with, e.g. {@code main}; {@code null} for drift alone and for builds before it was kept. */
    private String comparedWith;
    private String host;
    private List<String> adjustments;
    private List<String> warnings;
    private String webhookUrl;
    private String sendWebhooksHere;

    BranchDeployAction(
            String environment,
            String namespace,
            String url,
            String status,
            String commit,
            Map<String, Long> phaseMillis,
            int appliedResources,
            String failureReason) {
        this.environment = environment;
        this.namespace = namespace;
        this.url = url;
        this.status = status;
        this.commit = commit;
        this.phaseMillis = new LinkedHashMap<>(phaseMillis);
        this.appliedResources = appliedResources;
        this.failureReason = failureReason;
    }

    /** @param commit the deployed commit, or {@code null} when the build does not know it */
    public static BranchDeployAction of(DeployOutcome outcome, String commit) {
        DeployResult result = outcome.deploy();
        Map<String, Long> phases = new LinkedHashMap<>();
        result.phases().forEach((phase, took) -> phases.put(phase, took.toMillis()));
        BranchDeployAction action = new BranchDeployAction(
                result.names().environment(),
                result.names().namespace(),
                result.url(),
                result.status() == null ? null : result.status().value(),
                commit,
                phases,
                result.appliedResources().size(),
                result.failureReason());
        action.smokeResults = outcome.smoke() == null ? null : smokeText(outcome.smoke());
        action.host = result.names().host();
        action.adjustments = new ArrayList<>(outcome.adjustments());
        action.warnings = new ArrayList<>(outcome.warnings());
        action.webhookUrl = outcome.webhookUrl();
        if (outcome.changes() != null) {
            action.changeReport = ChangeReportText.render(outcome.changes());
            action.comparedWith = outcome.changes().baseline();
        } else if (outcome.drift() != null) {
            action.changeReport = (outcome.drift().exceeded() ? "WARNING: " : "") + outcome.drift().message();
        }
        return action;
    }

    private static String smokeText(SmokeReport smoke) {
        StringBuilder text = new StringBuilder(smoke.summary()).append('\n');
        smoke.results().forEach(result -> text.append(result.describe()).append('\n'));
        return text.toString();
    }

    /**
     * Leads links on the build page through the environment's review link, which records the open.
     *
     * @param link relative to Jenkins' root URL, as {@code ReviewLinkAction.url} makes it
     */
    public BranchDeployAction withReviewLink(String link) {
        this.reviewLink = link;
        return this;
    }

    /**
     * Offers to send the app's bare webhook host to this environment, when it has webhooks.
     *
     * @param endpoint where the button posts, relative to Jenkins' root URL, as {@code WebhookRouteAction.url} makes it
     */
    public BranchDeployAction withSendWebhooksHere(String endpoint) {
        this.sendWebhooksHere = webhookUrl == null ? null : endpoint;
        return this;
    }

    /** The environment's webhook base URL ({@code ${WEBHOOK_URL}}), or {@code null} when it has no webhooks. */
    public String getWebhookUrl() {
        return webhookUrl;
    }

    /** Where "Send webhooks here" posts, relative to Jenkins' root URL; {@code null} without webhooks. */
    public String getSendWebhooksHere() {
        return sendWebhooksHere;
    }

    /** The review link relative to Jenkins' root URL; {@code null} without a live URL, or for a build from before review links. */
    public String getReviewLink() {
        return getLinkUrl() == null ? null : reviewLink;
    }

    /** A sidebar link straight to the live environment, when it has a web URL. */
    @Override
    public String getIconFileName() {
        return getLinkUrl() == null ? null : "symbol-external";
    }

    @Override
    public String getDisplayName() {
        return "Live environment " + environment;
    }

    /** An absolute URL: the sidebar links to it directly rather than to a page under the build. */
    @Override
    public String getUrlName() {
        return getLinkUrl();
    }

    /** The URL when it may be a link: only http(s), so that no other scheme ever lands in an href. */
    public String getLinkUrl() {
        return url != null && (url.startsWith("https://") || url.startsWith("http://")) ? url : null;
    }

    @Override
    public void onAttached(Run<?, ?> run) {
        // everything shown is stored in the action itself
    }

    @Override
    public void onLoad(Run<?, ?> run) {
        // everything shown is stored in the action itself
    }

    public String getEnvironment() {
        return environment;
    }

    public String getNamespace() {
        return namespace;
    }

    public String getUrl() {
        return url;
    }

    /** The environment's status as the cluster records it, e.g. {@code ready} or {@code failed}. */
    public String getStatus() {
        return status;
    }

    /** The status as the build page shows it: a word in a coloured badge. */
    public StatusBadge getStatusBadge() {
        return StatusBadge.of(status);
    }

    public String getCommit() {
        return commit;
    }

    /** How long each phase took, in the engine's order, as readable text such as {@code 1.2 sec}. */
    public Map<String, String> getPhaseTimings() {
        Map<String, String> timings = new LinkedHashMap<>();
        phaseMillis.forEach((phase, millis) -> timings.put(phase, Util.getTimeSpanString(millis)));
        return Collections.unmodifiableMap(timings);
    }

    public int getAppliedResources() {
        return appliedResources;
    }

    public String getFailureReason() {
        return failureReason;
    }

    /** The environment's host, e.g. {@code feature-x--shop.preview.example.dev}. */
    public String getHost() {
        return host;
    }

    /** Whether the environment is ready but nothing routes to it, so that it has no URL. */
    public boolean isUnrouted() {
        return "ready".equals(status) && url == null && host != null;
    }

    /** What the deploy changed in or added to the manifests, one line each (load balancers, the exposure, an auto quota). */
    public List<String> getAdjustments() {
        return adjustments == null ? List.of() : Collections.unmodifiableList(adjustments);
    }

    /** What the user should fix, e.g. that nothing routes to the environment's host. */
    public List<String> getWarnings() {
        return warnings == null ? List.of() : Collections.unmodifiableList(warnings);
    }

    /** Smoke test results as plain text (shown escaped), or {@code null} when none ran. */
    public String getSmokeResults() {
        return smokeResults;
    }

    /** The report of what changed versus main, with the drift, as plain text (shown escaped), or {@code null}. */
    public String getChangeReport() {
        return changeReport;
    }

    /** The change report's heading: what it compared with, as its first line says. */
    public String getChangeHeading() {
        if (comparedWith != null) {
            return "Changes versus " + comparedWith;
        }
        // builds recorded before the baseline was kept: the report's own summary line names it
        return changeReport != null && changeReport.contains("Changes versus ") ? "Changes" : "Drift";
    }

}
