package io.jenkins.plugins.branchdeploy.engine.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.jenkins.plugins.branchdeploy.engine.InvalidInputException;
import io.jenkins.plugins.branchdeploy.engine.request.ManifestSource;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Builds a Kustomize overlay with {@code kubectl kustomize} or, without kubectl, {@code kustomize build},
 * whichever the {@code PATH} has first in that order.
 */
final class KustomizeBuild {

    private static final YAMLMapper YAML = new YAMLMapper();
    private static final Pattern LOGGED_ERROR = Pattern.compile("\"command failed\" err=\"(.*)\"$");
    private static final Pattern UNREADABLE_RESOURCE = Pattern.compile("accumulating resources from '([^']+)'");

    private final Map<String, String> environment;

    /** @param environment the process environment, whose {@code PATH} is searched */
    KustomizeBuild(Map<String, String> environment) {
        this.environment = environment;
    }

    /** The overlay's kustomization file, or {@code null} when the directory has none. */
    static Path kustomization(Path directory) {
        return ManifestSource.KUSTOMIZATION_FILES.stream().map(directory::resolve).filter(Files::isRegularFile).findFirst().orElse(null);
    }

    /** The {@code namespace:} the overlay sets for all its objects, or {@code null}. */
    static String namespace(Path overlay) {
        Path file = kustomization(overlay);
        if (file == null) {
            return null;
        }
        try {
            String namespace = YAML.readTree(file.toFile()).path("namespace").asText("");
            return namespace.isBlank() ? null : namespace;
        } catch (IOException e) {
            return null;
        }
    }

    /** The overlay's objects as one YAML stream. */
    ManifestText build(Path overlay) {
        if (!Files.isDirectory(overlay) || kustomization(overlay) == null) {
            throw new InvalidInputException("manifests", overlay + " has no kustomization.yaml; give the directory of a Kustomize overlay");
        }
        List<String> command = command(overlay);
        String name = overlay.getFileName() + "/" + kustomization(overlay).getFileName();
        try {
            Process process = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
            CompletableFuture<String> errors = CompletableFuture.supplyAsync(() -> read(process.getErrorStream()));
            String output = read(process.getInputStream());
            int exit = process.waitFor();
            if (exit != 0) {
                throw new InvalidInputException("manifests", "overlay " + overlay.getFileName() + ": " + message(errors.join(), name));
            }
            return new ManifestText(name, output);
        } catch (IOException e) {
            throw new InvalidInputException("manifests", "cannot run " + command.get(0) + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InvalidInputException("manifests", "building overlay " + overlay.getFileName() + " was interrupted");
        }
    }

    private List<String> command(Path overlay) {
        String path = overlay.toAbsolutePath().toString();
        Path kubectl = onPath("kubectl");
        if (kubectl != null) {
            return List.of(kubectl.toString(), "kustomize", path);
        }
        Path kustomize = onPath("kustomize");
        if (kustomize != null) {
            return List.of(kustomize.toString(), "build", path);
        }
        throw new InvalidInputException("manifests", "building a Kustomize overlay needs kubectl or kustomize on the PATH; "
                + "install kubectl (Debian: apt-get install kubectl) or kustomize");
    }

    private Path onPath(String program) {
        String path = environment.getOrDefault("PATH", "");
        for (String directory : path.split(File.pathSeparator)) {
            if (!directory.isEmpty()) {
                Path candidate = Path.of(directory, program);
                if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                    return candidate;
                }
            }
        }
        return null;
    }

    private static String read(java.io.InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    /**
     * Kustomize's own message without its {@code error:} or kubectl's log prefix; a resource that
     * cannot be read is named with the reason only, not Kustomize's nested retries.
     */
    static String message(String errors, String kustomization) {
        String line = errors.strip().lines().findFirst().orElse("kustomize failed without a message").strip();
        Matcher logged = LOGGED_ERROR.matcher(line);
        if (logged.find()) {
            line = logged.group(1).replace("\\\"", "\"");
        }
        if (line.startsWith("error: ")) {
            line = line.substring("error: ".length());
        }
        Matcher resource = UNREADABLE_RESOURCE.matcher(line);
        if (resource.find()) {
            return kustomization + ": resource '" + resource.group(1) + "' cannot be built: " + line.substring(line.lastIndexOf(": ") + 2);
        }
        return line;
    }
}
