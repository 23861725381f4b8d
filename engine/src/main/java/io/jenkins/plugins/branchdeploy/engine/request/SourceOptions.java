package io.jenkins.plugins.branchdeploy.engine.request;

import io.jenkins.plugins.branchdeploy.engine.InvalidInputException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How to render the manifests: the source (or {@code null} to detect it from the path), and a Helm
 * chart's values files and {@code --set} values.
 *
 * @param source the source, or {@code null} to {@linkplain ManifestSource#detect detect} it
 * @param values values files, applied in order (later ones win)
 * @param set single values, applied after the files, in order
 * @param helmTests whether to run the chart's Helm tests ({@code helm.sh/hook: test}) after the rollout
 */
public record SourceOptions(ManifestSource source, List<Path> values, Map<String, String> set, boolean helmTests) {

    /** Detect the source; no chart values, no Helm tests. */
    public static final SourceOptions DETECT = new SourceOptions(null, List.of(), Map.of(), false);

    public SourceOptions {
        values = values == null ? List.of() : List.copyOf(values);
        set = set == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(set));
    }

    /** Whether chart values or Helm tests were asked for, which only a Helm chart has. */
    public boolean hasChartOptions() {
        return !values.isEmpty() || !set.isEmpty() || helmTests;
    }

    /**
     * Parses one {@code KEY=VALUE} of {@code --set} (step {@code set}) into {@code into}.
     *
     * @throws InvalidInputException when there is no {@code =} or no key
     */
    public static void parseSet(String keyAndValue, Map<String, String> into) {
        int equals = keyAndValue == null ? -1 : keyAndValue.indexOf('=');
        if (equals <= 0) {
            throw new InvalidInputException("set", "'" + keyAndValue + "' is not KEY=VALUE; write e.g. replicaCount=2");
        }
        into.put(keyAndValue.substring(0, equals), keyAndValue.substring(equals + 1));
    }
}
