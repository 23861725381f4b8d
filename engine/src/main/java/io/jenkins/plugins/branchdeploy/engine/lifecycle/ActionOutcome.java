package io.jenkins.plugins.branchdeploy.engine.lifecycle;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** What came of one planned action. */
public enum ActionOutcome {
    /** The cluster change was made. */
    DONE,
    /** The cluster change failed; the report carries the message. */
    FAILED,
    /** A dry run: the change was not made. */
    DRY_RUN,
    /** The burst brake held the teardown; a later cleanup run retries it. */
    HELD,
    /** Keep and warn change nothing in the cluster. */
    NOTHING_TO_DO;

    /** The word in reports, e.g. {@code dry-run}. */
    @JsonValue
    public String value() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
