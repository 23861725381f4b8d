package io.jenkins.plugins.branchdeploy.engine.report;

import java.util.Locale;

/** How a resource, or one field of it, differs between the branch and main. */
public enum ChangeType {
    /** In the branch only. */
    ADDED,
    /** In main only. */
    REMOVED,
    /** In both, different. */
    CHANGED,
    /** In both, the same (resources only). */
    UNCHANGED;

    /** The lower-case word used in text and HTML, e.g. {@code added}. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }
}
