package io.jenkins.plugins.branchdeploy.engine.database;

import io.jenkins.plugins.branchdeploy.engine.RefusedException;

/**
 * An environment's database state could not be provisioned or dropped. The message says what failed
 * and why, in words, and never holds a password.
 */
public class DatabaseBranchException extends RefusedException {

    private static final long serialVersionUID = 1L;

    public DatabaseBranchException(String message) {
        super(message);
    }

    public DatabaseBranchException(String message, Throwable cause) {
        super(message, cause);
    }
}
