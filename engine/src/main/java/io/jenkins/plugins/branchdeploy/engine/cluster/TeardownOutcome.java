package io.jenkins.plugins.branchdeploy.engine.cluster;

/** What a teardown found. All are success: an absent environment is already torn down. */
public enum TeardownOutcome {
    /** The environment's namespace was deleted. */
    DELETED,
    /**
     * The namespace was already being deleted by an earlier teardown (Kubernetes is still removing
     * what is in it); nothing new was done.
     */
    DELETING,
    /** There was no such environment. */
    ABSENT
}
