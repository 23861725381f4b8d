package io.jenkins.plugins.branchdeploy.engine.cluster;

/** A deploy that cannot succeed: becomes a failed result and the environment's recorded reason. */
final class DeployFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    DeployFailure(String reason) {
        super(reason);
    }
}
