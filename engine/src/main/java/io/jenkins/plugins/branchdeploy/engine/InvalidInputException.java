package io.jenkins.plugins.branchdeploy.engine;

/**
 * Input that the engine refuses before it touches anything: names the offending field and says how
 * to fix it. Front ends turn it into a form error (Jenkins) or exit code 2 (command line).
 */
public class InvalidInputException extends RefusedException {

    private static final long serialVersionUID = 1L;

    private final String field;

    public InvalidInputException(String field, String message) {
        super(field + ": " + message);
        this.field = field;
    }

    @Override
    public boolean badInput() {
        return true;
    }

    /** The name of the parameter or option that holds the bad value, e.g. {@code branch}. */
    public String getField() {
        return field;
    }
}
