package io.jenkins.plugins.branchdeploy.overview;

import hudson.Util;
import io.jenkins.plugins.branchdeploy.buildpage.StatusBadge;
import io.jenkins.plugins.branchdeploy.engine.cluster.EnvironmentStatus;
import io.jenkins.plugins.branchdeploy.engine.history.DeployRecord;
import java.time.Duration;
import java.time.Instant;

/** One deploy of an environment's history as the branch job's page shows it. */
public final class HistoryEntry {

    private final DeployRecord deploy;
    private final Instant now;

    HistoryEntry(DeployRecord deploy, Instant now) {
        this.deploy = deploy;
        this.now = now;
    }

    /** How long ago the deploy started, e.g. {@code 3 hr 2 min}. */
    public String getAgo() {
        return Util.getTimeSpanString(Duration.between(deploy.at(), now).toMillis());
    }

    /** When the deploy started, ISO-8601 UTC, for the tooltip. */
    public String getAt() {
        return deploy.at().toString();
    }

    public String getCommit() {
        return deploy.commit();
    }

    public StatusBadge getResult() {
        return StatusBadge.of(deploy.ok() ? EnvironmentStatus.READY : EnvironmentStatus.FAILED);
    }

    public String getTook() {
        return Util.getTimeSpanString(deploy.total().toMillis());
    }

    /** Why it failed, or {@code null}. */
    public String getReason() {
        return deploy.reason();
    }
}
