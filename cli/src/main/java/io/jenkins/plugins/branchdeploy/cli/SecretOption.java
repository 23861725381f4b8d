package io.jenkins.plugins.branchdeploy.cli;

import io.jenkins.plugins.branchdeploy.engine.InvalidInputException;
import io.jenkins.plugins.branchdeploy.engine.deploy.SecretEntry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.UnaryOperator;

/**
 * Reads {@code --secret NAME/KEY=env:VAR} and {@code --secret NAME/KEY=file:PATH}. The value
 * comes from the environment variable or the file, never from the command line, and no message
 * repeats what follows {@code =}.
 */
final class SecretOption {

    private SecretOption() {}

    static SecretEntry parse(String spec, UnaryOperator<String> environment) {
        int eq = spec.indexOf('=');
        String target = eq < 0 ? spec : spec.substring(0, eq);
        int slash = target.indexOf('/');
        if (eq < 0 || slash <= 0 || slash == target.length() - 1) {
            throw new InvalidInputException("secret", "'" + target + "' is not NAME/KEY=env:VAR or NAME/KEY=file:PATH, "
                    + "e.g. db/password=env:DB_PASSWORD");
        }
        String name = target.substring(0, slash);
        String key = target.substring(slash + 1);
        String source = spec.substring(eq + 1);
        if (source.startsWith("env:")) {
            String variable = source.substring(4);
            String value = variable.isEmpty() ? null : environment.apply(variable);
            if (value == null) {
                throw new InvalidInputException("secret", target + ": environment variable '" + variable + "' is not set");
            }
            return new SecretEntry(name, key, value);
        }
        if (source.startsWith("file:")) {
            Path file = Path.of(source.substring(5));
            try {
                return new SecretEntry(name, key, Files.readString(file, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new InvalidInputException("secret", target + ": cannot read file " + file);
            }
        }
        throw new InvalidInputException("secret", target + ": give the value as env:VAR or file:PATH, never on the command line");
    }
}
