package io.jenkins.plugins.branchdeploy.engine.manifest;

import io.jenkins.plugins.branchdeploy.engine.ContentDigest;
import io.jenkins.plugins.branchdeploy.engine.InvalidInputException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** The manifest files of a deploy: one file, or every YAML and JSON file under a directory, in path order. */
final class ManifestFiles {

    private ManifestFiles() {}

    static List<Path> under(Path manifests) {
        if (manifests == null) {
            throw new InvalidInputException("manifests", "is not set; give the directory or file of Kubernetes manifests");
        }
        if (Files.isRegularFile(manifests)) {
            return List.of(manifests);
        }
        if (!Files.isDirectory(manifests)) {
            throw new InvalidInputException("manifests", manifests + " does not exist; give the directory or file of Kubernetes manifests");
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(manifests)) {
            files = walk.filter(Files::isRegularFile)
                    .filter(p -> !isHidden(manifests.relativize(p)))
                    .filter(ManifestFiles::isManifest)
                    .sorted(Comparator.comparing(p -> manifests.relativize(p).toString()))
                    .toList();
        } catch (IOException | UncheckedIOException e) {
            throw new InvalidInputException("manifests", "cannot read " + manifests + ": " + e.getMessage());
        }
        if (files.isEmpty()) {
            throw new InvalidInputException("manifests", manifests + " holds no .yaml, .yml or .json file; give the directory of the app's Kubernetes manifests");
        }
        return files;
    }

    /** A digest of each file's name and bytes, in the order {@link #under} lists them. */
    static String digest(Path manifests) {
        ContentDigest digest = new ContentDigest();
        for (Path file : under(manifests)) {
            String name = displayName(manifests, file);
            try {
                digest.add(name).add(Files.readAllBytes(file));
            } catch (IOException e) {
                throw new InvalidInputException("manifests", "cannot read " + name + ": " + e.getMessage());
            }
        }
        return digest.value();
    }

    /** How a file is named in messages: relative to the manifests directory. */
    static String displayName(Path manifests, Path file) {
        return (Files.isDirectory(manifests) ? manifests.relativize(file) : file.getFileName()).toString().replace('\\', '/');
    }

    private static boolean isManifest(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(".yaml") || name.endsWith(".yml") || name.endsWith(".json");
    }

    private static boolean isHidden(Path relative) {
        for (Path part : relative) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }
}
