package io.jenkins.plugins.branchdeploy.engine.cluster;

/** What a teardown found. Both are success: an absent environment is already torn down. */
public enum TeardownOutcome {
    /** The environment's namespace was deleted. */
    DELETED,
    /** There was no such environment. */
    ABSENT
}
