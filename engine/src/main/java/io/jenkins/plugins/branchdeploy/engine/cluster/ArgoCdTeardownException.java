package io.jenkins.plugins.branchdeploy.engine.cluster;

import io.jenkins.plugins.branchdeploy.engine.RefusedException;
import java.time.Duration;

/**
 * A teardown that stopped because Argo CD did not remove an environment's Application and its
 * resources in time; the namespace is kept, so that nothing Argo CD still manages is pulled from under it.
 */
public class ArgoCdTeardownException extends RefusedException {

    private static final long serialVersionUID = 1L;

    public ArgoCdTeardownException(String application, Duration patience) {
        super("Argo CD has not removed Application " + application + " and its resources within " + patience.toSeconds()
                + " s; the namespace is kept. See the Application's conditions in Argo CD, then tear down again");
    }
}
