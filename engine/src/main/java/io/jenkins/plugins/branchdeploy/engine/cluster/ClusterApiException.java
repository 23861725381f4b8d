package io.jenkins.plugins.branchdeploy.engine.cluster;

import io.jenkins.plugins.branchdeploy.engine.RefusedException;

/**
 * The Kubernetes API refused a request (4xx), or kept failing after retries (5xx, timeouts,
 * dropped connections). The message says what was attempted and what the API server answered.
 */
public class ClusterApiException extends RefusedException {

    private static final long serialVersionUID = 1L;

    private final int code;

    public ClusterApiException(String message, int code, Throwable cause) {
        super(message, cause);
        this.code = code;
    }

    /** The HTTP status of the last answer, or {@code 0} when there was none (timeout, connection dropped). */
    public int getCode() {
        return code;
    }
}
