package io.jenkins.plugins.branchdeploy.engine.lifecycle;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** What cleanup does with one environment. */
public enum LifecycleAction {
    /** Leave it as it is. */
    KEEP,
    /** Leave it, and tell its owners that its time-to-live runs out soon. */
    WARN,
    /** Scale its workloads to zero, keeping the replica counts for wake. */
    SCALE_DOWN,
    /** Restore the replica counts it had before it was scaled down. */
    WAKE,
    /** Delete it. */
    TEARDOWN;

    /** The word in reports, e.g. {@code scale-down}. */
    @JsonValue
    public String value() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
