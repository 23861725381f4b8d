package io.jenkins.plugins.branchdeploy.steps;

import hudson.model.TaskListener;
import io.jenkins.plugins.branchdeploy.engine.ProgressListener;

/**
 * Routes the engine's progress messages (which never hold secrets) to the build log, or to the log
 * of a background task.
 */
public final class BuildLogProgress implements ProgressListener {

    private final TaskListener listener;

    public BuildLogProgress(TaskListener listener) {
        this.listener = listener;
    }

    @Override
    public void info(String message) {
        listener.getLogger().println(message);
    }
}
