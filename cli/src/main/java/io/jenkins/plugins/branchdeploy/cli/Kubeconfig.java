package io.jenkins.plugins.branchdeploy.cli;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.kubernetes.client.Config;
import io.jenkins.plugins.branchdeploy.engine.InvalidInputException;
import io.jenkins.plugins.branchdeploy.engine.cluster.BranchEnvironments;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Which cluster a command talks to, found and checked before its first request: the kubeconfig
 * named by {@code --kubeconfig}, else {@code $KUBECONFIG}, else {@code ~/.kube/config}, else the
 * service account of the pod the command runs in. A file that is not valid YAML, a context that is
 * not in it and no cluster at all are bad input; messages name the file and line but never repeat
 * the file's content, which holds credentials.
 */
final class Kubeconfig {

    static final String FIELD = "kubeconfig";
    static final String CONTEXT_FIELD = "context";
    /** Where Kubernetes mounts a pod's service account token. */
    static final Path SERVICE_ACCOUNT_TOKEN = Path.of(Config.KUBERNETES_SERVICE_ACCOUNT_TOKEN_PATH);

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    static {
        BranchEnvironments.readKubeconfigsLazily(); // a command connects once, just after it started
    }

    private final Function<String, String> environment;
    private final Path home;
    private final Path serviceAccountToken;

    /**
     * @param environment the process environment, e.g. {@code System::getenv}
     * @param home the user's home directory
     * @param serviceAccountToken the token file that shows the command runs inside a cluster
     */
    Kubeconfig(Function<String, String> environment, Path home, Path serviceAccountToken) {
        this.environment = environment;
        this.home = home;
        this.serviceAccountToken = serviceAccountToken;
    }

    /** As the command runs: its environment, home directory and the service account mount. */
    static Kubeconfig ofThisProcess() {
        String home = System.getenv("HOME");
        return new Kubeconfig(System::getenv, Path.of(home != null ? home : System.getProperty("user.home")), SERVICE_ACCOUNT_TOKEN);
    }

    /**
     * The client configuration for {@code context} (the current context when {@code null}).
     *
     * @param file {@code --kubeconfig}, or {@code null}
     * @throws InvalidInputException when there is no kubeconfig and no service account, when a file is
     *         missing or malformed, or when the context is not in it
     */
    Config config(Path file, String context) {
        List<Path> files = files(file);
        if (files.isEmpty()) {
            return inCluster(context);
        }
        Set<String> contexts = new LinkedHashSet<>();
        String current = null;
        for (Path each : files) {
            JsonNode root = read(each);
            root.path("contexts").forEach(c -> contexts.add(c.path("name").asText()));
            if (current == null && root.hasNonNull("current-context") && !root.get("current-context").asText().isEmpty()) {
                current = root.get("current-context").asText();
            }
        }
        String described = files.size() == 1 ? files.get(0).toString() : files.toString();
        if (context != null && !contexts.contains(context)) {
            throw new InvalidInputException(CONTEXT_FIELD, "there is no context '" + context + "' in " + described
                    + "; the contexts there are: " + listed(contexts));
        }
        if (context == null && (current == null || !contexts.contains(current))) {
            throw new InvalidInputException(FIELD, described + (current == null ? " names no current context"
                    : " names current context '" + current + "', which it does not define")
                    + "; give --context, one of: " + listed(contexts));
        }
        try {
            return files.size() == 1 ? Config.fromKubeconfig(context, files.get(0).toFile()) : Config.autoConfigure(context);
        } catch (RuntimeException e) {
            // the client's message may quote the file: say only which file
            throw new InvalidInputException(FIELD, described + " cannot be read as a kubeconfig; check it with "
                    + "'kubectl config view', or give another file with --kubeconfig");
        }
    }

    private List<Path> files(Path flag) {
        if (flag != null) {
            if (!Files.isRegularFile(flag)) {
                throw new InvalidInputException(FIELD, flag + " does not exist; give the path of a kubeconfig file");
            }
            return List.of(flag);
        }
        String variable = environment.apply("KUBECONFIG");
        if (variable != null && !variable.isBlank()) {
            List<Path> named = new ArrayList<>();
            for (String each : variable.split(File.pathSeparator)) {
                if (!each.isBlank() && Files.isRegularFile(Path.of(each))) {
                    named.add(Path.of(each));
                }
            }
            if (named.isEmpty()) {
                throw new InvalidInputException(FIELD, "$KUBECONFIG is '" + variable + "', and no such file exists; "
                        + "fix it, unset it or give --kubeconfig FILE");
            }
            return named;
        }
        Path fallback = home.resolve(".kube").resolve("config");
        return Files.isRegularFile(fallback) ? List.of(fallback) : List.of();
    }

    private Config inCluster(String context) {
        boolean insideACluster = environment.apply("KUBERNETES_SERVICE_HOST") != null && Files.isRegularFile(serviceAccountToken);
        if (!insideACluster) {
            throw new InvalidInputException(FIELD, "no kubeconfig (no --kubeconfig, no $KUBECONFIG, no "
                    + home.resolve(".kube").resolve("config") + ") and not running inside a cluster; give --kubeconfig FILE");
        }
        if (context != null) {
            throw new InvalidInputException(CONTEXT_FIELD, "there is no kubeconfig to take context '" + context
                    + "' from, only this pod's service account; give --kubeconfig FILE or leave out --context");
        }
        return Config.autoConfigure(null);
    }

    private static JsonNode read(Path file) {
        JsonNode root;
        try {
            root = YAML.readTree(file.toFile());
        } catch (JsonProcessingException e) {
            // the parser's message quotes the text around the error: give only the line
            JsonLocation at = e.getLocation();
            throw new InvalidInputException(FIELD, file + (at != null && at.getLineNr() > 0 ? " line " + at.getLineNr() : "")
                    + " is not valid YAML; fix the file, or give another with --kubeconfig");
        } catch (IOException e) {
            throw new InvalidInputException(FIELD, file + " cannot be read (" + e.getClass().getSimpleName()
                    + "); check its permissions, or give another file with --kubeconfig");
        }
        if (root == null || !root.isObject() || !(root.path("contexts").isArray() || root.path("contexts").isMissingNode() || root.path("contexts").isNull())) {
            throw new InvalidInputException(FIELD, file + " is not a kubeconfig (a YAML mapping with clusters, users and "
                    + "contexts); give a kubeconfig file with --kubeconfig");
        }
        return root;
    }

    private static String listed(Set<String> contexts) {
        return contexts.isEmpty() ? "(none)" : String.join(", ", contexts);
    }
}
