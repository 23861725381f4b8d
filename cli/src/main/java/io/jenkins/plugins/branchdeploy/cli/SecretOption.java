package io.jenkins.plugins.branchdeploy.cli;

import io.jenkins.plugins.branchdeploy.engine.InvalidInputException;
import io.jenkins.plugins.branchdeploy.engine.request.SecretEntry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * Reads {@code --secret NAME/KEY=env:VAR} and {@code --secret NAME/KEY=file:PATH}. The value
 * comes from the environment variable or the file, never from the command line. No message repeats
 * what follows {@code =}, nor an option without {@code =}: a shell that expanded {@code $PASSWORD}
 * by mistake would otherwise put the secret into the build log.
 */
final class SecretOption {

    private static final Pattern VARIABLE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private SecretOption() {}

    static SecretEntry parse(String spec, UnaryOperator<String> environment) {
        int eq = spec.indexOf('=');
        String target = eq < 0 ? spec : spec.substring(0, eq);
        int slash = target.indexOf('/');
        if (eq < 0) {
            throw new InvalidInputException("secret", "a --secret has no '='; write NAME/KEY=env:VAR or NAME/KEY=file:PATH, "
                    + "e.g. db/password=env:DB_PASSWORD");
        }
        if (slash <= 0 || slash == target.length() - 1) {
            throw new InvalidInputException("secret", "'" + target + "' is not NAME/KEY=env:VAR or NAME/KEY=file:PATH, "
                    + "e.g. db/password=env:DB_PASSWORD");
        }
        String name = target.substring(0, slash);
        String key = target.substring(slash + 1);
        String source = spec.substring(eq + 1);
        if (source.startsWith("env:")) {
            String variable = source.substring(4);
            if (!VARIABLE.matcher(variable).matches()) {
                throw new InvalidInputException("secret", target + ": env: takes the name of an environment variable "
                        + "(letters, digits, _); quote the option so that the shell does not expand it, e.g. 'env:DB_PASSWORD'");
            }
            String value = environment.apply(variable);
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
                throw new InvalidInputException("secret", target + ": cannot read the file given after file: "
                        + "(its path is not repeated here in case it holds a value); check the path and that it is readable");
            }
        }
        throw new InvalidInputException("secret", target + ": give the value as env:VAR or file:PATH, never on the command line");
    }
}
