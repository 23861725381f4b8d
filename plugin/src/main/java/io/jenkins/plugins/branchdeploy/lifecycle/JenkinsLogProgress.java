package io.jenkins.plugins.branchdeploy.lifecycle;

import io.jenkins.plugins.branchdeploy.engine.ProgressListener;
import java.util.logging.Logger;

/**
 * Routes the engine's progress messages (which never hold secrets) to the Jenkins log, for work no
 * build watches: the step by step at FINE, warnings at WARNING.
 */
final class JenkinsLogProgress implements ProgressListener {

    private final Logger logger;

    JenkinsLogProgress(Logger logger) {
        this.logger = logger;
    }

    @Override
    public void info(String message) {
        logger.fine(message);
    }

    @Override
    public void warn(String message) {
        logger.warning(message);
    }
}
