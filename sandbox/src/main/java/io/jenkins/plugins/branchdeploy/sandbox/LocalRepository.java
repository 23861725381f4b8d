package io.jenkins.plugins.branchdeploy.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * A {@code file://} repository as the sandbox's {@link ArgoCdController} reads it: the objects of the
 * YAML files under a path of a directory on this machine, in file order.
 */
final class LocalRepository {

    private static final YAMLMapper YAML = new YAMLMapper();

    private LocalRepository() {}

    /** The objects as JSON, or {@code null} when {@code repoUrl} is not a readable {@code file://} directory. */
    static List<String> objects(String repoUrl, String path) {
        if (!repoUrl.startsWith("file:")) {
            return null;
        }
        Path directory = Path.of(URI.create(repoUrl)).resolve(path).normalize();
        if (!Files.isDirectory(directory)) {
            return null;
        }
        List<String> objects = new ArrayList<>();
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml")).sorted().toList()) {
                try (MappingIterator<JsonNode> documents = YAML.readValues(YAML.createParser(file.toFile()), JsonNode.class)) {
                    documents.forEachRemaining(d -> {
                        if (d.isObject() && d.has("kind")) {
                            objects.add(SandboxJson.write(d));
                        }
                    });
                }
            }
        } catch (IOException e) {
            return null;
        }
        return objects;
    }
}
