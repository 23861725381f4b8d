package io.jenkins.plugins.branchdeploy.engine.request;

import io.jenkins.plugins.branchdeploy.engine.InvalidInputException;
import java.util.Objects;

/**
 * One secret value to put into the environment: Kubernetes Secret {@code secretName}, key
 * {@code key}. The value never appears in {@link #toString()}, logs, reports or errors.
 */
public final class SecretEntry {

    private final String secretName;
    private final String key;
    private final String value;

    public SecretEntry(String secretName, String key, String value) {
        if (secretName == null || secretName.isBlank()) {
            throw new InvalidInputException("secrets", "a secret has no name; write NAME/KEY, e.g. db/password");
        }
        if (key == null || key.isBlank()) {
            throw new InvalidInputException("secrets", "secret '" + secretName + "' has no key; write NAME/KEY, e.g. db/password");
        }
        this.secretName = secretName;
        this.key = key;
        this.value = Objects.requireNonNull(value, "value");
    }

    public String secretName() {
        return secretName;
    }

    public String key() {
        return key;
    }

    /** The secret value itself: hand it only to the Kubernetes API. */
    public String value() {
        return value;
    }

    @Override
    public String toString() {
        return secretName + "/" + key + "=****";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SecretEntry other
                && secretName.equals(other.secretName) && key.equals(other.key) && value.equals(other.value);
    }

    @Override
    public int hashCode() {
        return Objects.hash(secretName, key, value);
    }
}
