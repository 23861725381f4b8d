package io.jenkins.plugins.branchdeploy.engine;

/**
 * What the engine refuses to do, expectedly: bad input, a namespace or environment that is not the
 * caller's, a busy environment, a cluster or database server that said no. Its message names the
 * field or resource and what to do, and never holds a secret, so front ends show it as it is, without
 * a stack trace, in one place each. Anything else thrown is a bug.
 */
public abstract class RefusedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    protected RefusedException(String message) {
        super(message);
    }

    protected RefusedException(String message, Throwable cause) {
        super(message, cause);
    }

    /** Whether the user's input was at fault (exit code 2 on the command line) rather than the operation. */
    public boolean badInput() {
        return false;
    }
}
