package io.jenkins.plugins.branchdeploy.engine.manifest;

import io.jenkins.plugins.branchdeploy.engine.InvalidInputException;
import io.jenkins.plugins.branchdeploy.engine.branch.BranchRef;
import io.jenkins.plugins.branchdeploy.engine.naming.EnvironmentNames;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The values of {@code ${VAR}} placeholders in manifests: the built-in {@code BRANCH},
 * {@code ENVIRONMENT}, {@code NAMESPACE}, {@code HOST}, {@code URL}, {@code COMMIT} and, with
 * webhooks, {@code WEBHOOK_URL}, and the user's own variables. A user variable may not redefine a built-in one.
 */
public final class ManifestVariables {

    public static final Set<String> BUILT_IN = Set.of("BRANCH", "ENVIRONMENT", "NAMESPACE", "HOST", "URL", "COMMIT", "WEBHOOK_URL");

    static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private final Map<String, String> values;

    private ManifestVariables(Map<String, String> values) {
        this.values = Collections.unmodifiableMap(values);
    }

    /**
     * The variables of one environment.
     *
     * @param user the user's variables; names are letters, digits and underscores
     */
    public static ManifestVariables forEnvironment(BranchRef branch, EnvironmentNames names, Map<String, String> user) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("BRANCH", branch.branch());
        values.put("ENVIRONMENT", names.environment());
        values.put("NAMESPACE", names.namespace());
        values.put("HOST", names.host());
        values.put("URL", names.url());
        if (branch.commit() != null) {
            values.put("COMMIT", branch.commit());
        }
        user.forEach((name, value) -> {
            if (name == null || !NAME.matcher(name).matches()) {
                throw new InvalidInputException("variables", "'" + name
                        + "' is not a variable name; use letters, digits and underscores, e.g. IMAGE_TAG=1.2");
            }
            if (BUILT_IN.contains(name)) {
                throw new InvalidInputException("variables", name + " is built in and cannot be redefined; choose another name");
            }
            if (value == null) {
                throw new InvalidInputException("variables", name + " has no value; write " + name + "=VALUE");
            }
            values.put(name, value);
        });
        return new ManifestVariables(values);
    }

    /** These variables and {@code WEBHOOK_URL}, the environment's webhook base URL; {@code null} leaves it undefined. */
    public ManifestVariables withWebhookUrl(String url) {
        if (url == null) {
            return this;
        }
        Map<String, String> more = new LinkedHashMap<>(values);
        more.put("WEBHOOK_URL", url);
        return new ManifestVariables(more);
    }

    /** The value of a variable, or empty when it is not defined. */
    public Optional<String> value(String name) {
        return Optional.ofNullable(values.get(name));
    }

    /** The names of the user's own variables, in the order given. */
    public List<String> userNames() {
        return values.keySet().stream().filter(name -> !BUILT_IN.contains(name)).toList();
    }

    /** Every defined variable and its value. */
    public Map<String, String> asMap() {
        return values;
    }
}
