package io.jenkins.plugins.branchdeploy.engine.history;

import io.jenkins.plugins.branchdeploy.engine.InvalidInputException;
import java.time.Instant;
import java.util.Optional;

/**
 * Someone opening an environment's review link.
 *
 * @param user who, as the front end knows them (a Jenkins user id, {@code --user}), or {@code null} when anonymous
 * @param at when
 */
public record ReviewOpen(String user, Instant at) {

    public ReviewOpen {
        if (at == null) {
            throw new InvalidInputException("at", "an open needs the time it happened");
        }
        user = user == null || user.isBlank() ? null : user.trim();
    }

    public Optional<String> signedInUser() {
        return Optional.ofNullable(user);
    }
}
