package io.jenkins.plugins.branchdeploy.engine.lifecycle;

import java.time.Instant;

/**
 * A teardown the burst brake held: cleanup retries it once the brake has room, unless source
 * control says the branch or pull request is live again.
 *
 * @param namespace the environment's namespace
 * @param cause why it was asked for, for the metrics
 * @param reason why it was asked for, in words, e.g. {@code branch job shop/feature%2Fx was deleted}
 * @param heldAt when the brake held it
 * @param brake the brake that held it, in words
 */
public record HeldTeardown(String namespace, TeardownCause cause, String reason, Instant heldAt, String brake) {

    /** What pages and logs say about it. */
    public String description() {
        return "teardown held since " + TimeWords.time(heldAt) + " by the burst brake (" + brake + "); cleanup retries it"
                + " once the burst has passed; asked for because " + reason;
    }
}
