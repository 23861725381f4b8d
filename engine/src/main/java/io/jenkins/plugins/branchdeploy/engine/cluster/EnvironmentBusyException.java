package io.jenkins.plugins.branchdeploy.engine.cluster;

import io.jenkins.plugins.branchdeploy.engine.RefusedException;

/** Another deploy or teardown of the same environment kept running for longer than this one would wait. */
public class EnvironmentBusyException extends RefusedException {

    private static final long serialVersionUID = 1L;

    public EnvironmentBusyException(String message) {
        super(message);
    }
}
