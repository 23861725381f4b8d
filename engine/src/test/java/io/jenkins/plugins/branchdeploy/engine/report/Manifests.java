package io.jenkins.plugins.branchdeploy.engine.report;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesList;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Reads the real manifests under {@code src/test/resources/manifests} the way fabric8 parses them. */
final class Manifests {

    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();
    private static final Path ROOT = Path.of("src/test/resources/manifests");

    private Manifests() {}

    /** Every document of every YAML file under {@code manifests/folder}, in path order. */
    static List<HasMetadata> load(String folder) {
        List<HasMetadata> resources = new ArrayList<>();
        try (Stream<Path> files = Files.walk(ROOT.resolve(folder))) {
            for (Path file : files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
                resources.addAll(parse(file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return resources;
    }

    @SuppressWarnings("unchecked")
    private static List<HasMetadata> parse(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            Object parsed = SERIALIZATION.unmarshal(in);
            if (parsed instanceof List<?> list) {
                return (List<HasMetadata>) list;
            }
            if (parsed instanceof KubernetesList list) {
                return list.getItems();
            }
            return List.of((HasMetadata) parsed);
        }
    }
}
