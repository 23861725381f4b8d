package io.jenkins.plugins.branchdeploy.engine.deploy;

import io.jenkins.plugins.branchdeploy.engine.InvalidInputException;
import io.jenkins.plugins.branchdeploy.engine.ProgressListener;
import io.jenkins.plugins.branchdeploy.engine.branch.BranchRef;
import io.jenkins.plugins.branchdeploy.engine.branch.ChangeRequest;
import io.jenkins.plugins.branchdeploy.engine.cluster.BranchEnvironments;
import io.jenkins.plugins.branchdeploy.engine.cluster.ClusterApiException;
import io.jenkins.plugins.branchdeploy.engine.cluster.DeployResult;
import io.jenkins.plugins.branchdeploy.engine.cluster.EnvironmentRef;
import io.jenkins.plugins.branchdeploy.engine.history.DeployHistory;
import io.jenkins.plugins.branchdeploy.engine.history.DeployHistoryJson;
import io.jenkins.plugins.branchdeploy.engine.history.DeployRecord;
import io.jenkins.plugins.branchdeploy.engine.history.MetricsStore;
import io.jenkins.plugins.branchdeploy.engine.lifecycle.TeardownCause;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * What a deployer writes down besides the environment: each environment's deploy history (on its
 * namespace) and the installation's metrics. Both are bookkeeping: a write that fails warns, and the
 * deploy or teardown stands.
 */
final class DeployBookkeeping {

    private final BranchEnvironments environments;
    private final MetricsStore metrics;
    private final int historyLimit;

    DeployBookkeeping(BranchEnvironments environments, MetricsStore metrics, int historyLimit) {
        this.environments = environments;
        this.metrics = metrics;
        this.historyLimit = historyLimit;
    }

    int historyLimit() {
        return historyLimit;
    }

    /** The deploy history a branch's environment stores; empty when there is none or it is unreadable. */
    DeployHistory history(BranchRef branch, ProgressListener progress) {
        return history(environments.inventory().history(EnvironmentRef.of(branch), progress), progress);
    }

    /** A deploy history as an environment stores it; empty when there is none or it is unreadable. */
    DeployHistory history(String stored, ProgressListener progress) {
        try {
            return DeployHistoryJson.read(stored, historyLimit);
        } catch (InvalidInputException e) {
            progress.warn(e.getMessage());
            return DeployHistory.empty(historyLimit);
        }
    }

    /**
     * Records a deploy that started at {@code startedAt} in the history (an unchanged redeploy that
     * stayed ready leaves it as it was) and counts it, with the time to the first live URL.
     *
     * @return the history after the deploy
     */
    DeployHistory recordDeploy(BranchRef branch, DeployHistory before, Instant startedAt, DeployResult result,
            ProgressListener progress) {
        DeployHistory after = before;
        if (!(result.unchanged() && result.succeeded())) {
            after = before.record(new DeployRecord(branch.commit(), startedAt, result.phases(), result.succeeded(),
                    result.failureReason(), result.succeeded() ? result.url() : null));
            store(branch, after, progress);
        }
        Optional<Duration> firstTimeToLiveUrl = !before.isLive() && after.isLive()
                ? after.timeToLiveUrl(branch.changeRequest().map(ChangeRequest::openedAt).orElse(null))
                : Optional.empty();
        update(() -> {
            metrics.recordDeploy(result.succeeded());
            firstTimeToLiveUrl.ifPresent(metrics::recordTimeToLiveUrl);
        }, progress);
        return after;
    }

    /** A pull request's deploy, for the review metrics; a plain branch's is not kept. */
    void recordChangeDeploy(String app, BranchRef branch, Instant startedAt, Instant finishedAt, boolean ready,
            ProgressListener progress) {
        branch.changeRequest().ifPresent(change -> update(() -> metrics.recordChanges(ledger -> ledger.withDeploy(app,
                change.number(), change.openedAt(), change.author(), startedAt, finishedAt, ready)), progress));
    }

    /** A pull request's environment torn down because it was merged or closed, for the review metrics. */
    void recordChangeEnd(String app, int change, boolean merged, Instant at, ProgressListener progress) {
        update(() -> metrics.recordChanges(ledger -> ledger.withEnd(app, change, merged, at)), progress);
    }

    void recordTeardown(TeardownCause cause, ProgressListener progress) {
        update(() -> metrics.recordTeardown(cause), progress);
    }

    private void store(BranchRef branch, DeployHistory history, ProgressListener progress) {
        try {
            environments.deploys().storeHistory(branch, DeployHistoryJson.write(history), progress);
        } catch (ClusterApiException e) {
            progress.warn("The deploy history was not stored: " + e.getMessage());
        }
    }

    private void update(Runnable update, ProgressListener progress) {
        try {
            update.run();
        } catch (UncheckedIOException | InvalidInputException e) {
            progress.warn("The metrics were not updated (" + metrics + "): " + e.getMessage());
        }
    }
}
