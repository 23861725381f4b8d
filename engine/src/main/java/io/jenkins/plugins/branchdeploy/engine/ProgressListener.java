package io.jenkins.plugins.branchdeploy.engine;

/**
 * Where the engine reports what it is doing. Jenkins routes it to the build log, the command line
 * to the terminal. Messages never contain secret values.
 */
@FunctionalInterface
public interface ProgressListener {

    /** A listener that drops every message. */
    ProgressListener SILENT = message -> {};

    void info(String message);

    default void warn(String message) {
        info("WARNING: " + message);
    }
}
