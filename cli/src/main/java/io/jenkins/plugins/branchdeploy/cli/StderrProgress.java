package io.jenkins.plugins.branchdeploy.cli;

import io.jenkins.plugins.branchdeploy.engine.ProgressListener;
import java.io.PrintWriter;

/** Progress goes to stderr, one line per message, so that stdout holds only the result. */
final class StderrProgress implements ProgressListener {

    private final PrintWriter err;

    StderrProgress(PrintWriter err) {
        this.err = err;
    }

    @Override
    public void info(String message) {
        err.println(message);
        err.flush();
    }
}
