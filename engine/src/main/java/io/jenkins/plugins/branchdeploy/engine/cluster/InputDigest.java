package io.jenkins.plugins.branchdeploy.engine.cluster;

import io.jenkins.plugins.branchdeploy.engine.ContentDigest;
import io.jenkins.plugins.branchdeploy.engine.manifest.ManifestRenderer;
import io.jenkins.plugins.branchdeploy.engine.naming.EnvironmentNames;
import io.jenkins.plugins.branchdeploy.engine.request.ApplyWith;
import io.jenkins.plugins.branchdeploy.engine.request.DeployRequest;
import io.jenkins.plugins.branchdeploy.engine.request.SecretEntry;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;

/**
 * A digest of everything a deploy of plain YAML is given: the manifest files' names and bytes, every
 * component of the request (through its nested records, so that a component added later is covered
 * too) but the run that deploys and the secret values, the environment's names and domain, and the
 * build of the engine. Equal digests mean a redeploy renders, shapes and fingerprints exactly what the
 * recorded deploy did. A chart (rendered for the cluster's version), an overlay (whose bases may lie
 * anywhere) and an Argo CD hand-off have none. Like the fingerprint, it never covers a secret value.
 */
final class InputDigest {

    /**
     * Left out: the run that deploys, which the fingerprint leaves out too (an unchanged redeploy keeps
     * the one recorded); the manifests' path, whose files are covered by name and content instead.
     */
    private static final Set<String> LEFT_OUT = Set.of("DeployRequest.deployedBy", "DeployRequest.manifests");

    private InputDigest() {}

    /**
     * The digest of the request's manifests as rendering reads them, to take before rendering them;
     * {@code null} when they are not plain YAML.
     */
    static String ofManifests(DeployRequest request) {
        return request.manifests() == null ? null
                : ManifestRenderer.plainYamlDigest(request.manifests(), request.source()).orElse(null);
    }

    /**
     * The digest of {@code request} deployed as {@code names}; empty when its manifests are not plain
     * YAML or Argo CD applies them.
     *
     * @param manifests the request's {@link #ofManifests}, or {@code null}
     */
    static Optional<String> of(String manifests, DeployRequest request, EnvironmentNames names, String domain) {
        if (manifests == null || !(request.applyWith() instanceof ApplyWith.Direct)) {
            return Optional.empty();
        }
        return Optional.of(new ContentDigest()
                .add("engine " + EngineBuild.STAMP)
                .add("manifests " + manifests)
                .add("names " + canonical(names))
                .add("domain " + canonical(domain))
                .add("request " + canonical(request))
                .value());
    }

    /** The same text for equal values in any process: records by component, maps by key, strings with their length. */
    static String canonical(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof String text) {
            return text.length() + ":" + text;
        }
        if (value instanceof SecretEntry secret) {
            return "secret " + canonical(secret.secretName()) + " " + canonical(secret.key());
        }
        if (value instanceof Record record) {
            StringBuilder text = new StringBuilder(record.getClass().getSimpleName()).append('{');
            for (RecordComponent component : record.getClass().getRecordComponents()) {
                if (!LEFT_OUT.contains(record.getClass().getSimpleName() + "." + component.getName())) {
                    text.append(component.getName()).append('=').append(canonical(read(record, component))).append(';');
                }
            }
            return text.append('}').toString();
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, String> sorted = new TreeMap<>();
            map.forEach((key, entry) -> sorted.put(canonical(key), canonical(entry)));
            return sorted.toString();
        }
        if (value instanceof Collection<?> items) {
            return items.stream().map(InputDigest::canonical).toList().toString();
        }
        if (value instanceof Number || value instanceof Boolean || value instanceof Enum<?> || value instanceof Duration
                || value instanceof Instant || value instanceof Path) {
            return value.toString();
        }
        throw new IllegalStateException("InputDigest has no canonical text for " + value.getClass().getName() + "; give it one");
    }

    private static Object read(Record record, RecordComponent component) {
        try {
            return component.getAccessor().invoke(record);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + component + " of " + record.getClass().getName(), e);
        }
    }

    /** Which build of the engine this is: its version and build time, written by the Maven build. */
    private static final class EngineBuild {

        static final String STAMP = read();

        private static String read() {
            Properties properties = new Properties();
            try (InputStream in = InputDigest.class.getResourceAsStream("build.properties")) {
                if (in == null) {
                    throw new IllegalStateException("build.properties is missing; build with Maven");
                }
                properties.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return properties.getProperty("build");
        }
    }
}
