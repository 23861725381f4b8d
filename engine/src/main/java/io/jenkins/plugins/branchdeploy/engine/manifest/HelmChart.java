package io.jenkins.plugins.branchdeploy.engine.manifest;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.TemplateCommand;
import io.jenkins.plugins.branchdeploy.engine.InvalidInputException;
import io.jenkins.plugins.branchdeploy.engine.request.SourceOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renders a Helm chart in-process with real Helm (helm-java), as {@code helm template} would for the
 * target cluster's Kubernetes version, hooks included (see {@link HookMarking}).
 *
 * <p>Dependencies must be vendored in the chart's {@code charts/} folder: nothing is downloaded.
 */
final class HelmChart {

    private static final Pattern SOURCE = Pattern.compile("(?m)^# Source: (.+)$");
    private static final Pattern MISSING_DEPENDENCY = Pattern.compile("missing in charts/ directory: (.+)");

    private final Path chart;
    private final String chartName;

    HelmChart(Path chart) {
        if (!Files.exists(chart)) {
            throw new InvalidInputException("manifests", chart + " does not exist; give the chart directory or packaged .tgz");
        }
        this.chart = chart;
        this.chartName = chart.getFileName().toString();
    }

    /**
     * @param release the release name ({@code .Release.Name})
     * @param namespace the release namespace ({@code .Release.Namespace})
     * @param kubeVersion the target cluster's version ({@code .Capabilities.KubeVersion}), e.g. {@code v1.31.2}
     * @return each rendered template, named by its {@code # Source:} path, e.g. {@code podinfo/templates/service.yaml}
     */
    List<ManifestText> render(String release, String namespace, SourceOptions options, Supplier<String> kubeVersion) {
        for (Path values : options.values()) {
            if (!Files.isRegularFile(values)) {
                throw new InvalidInputException("values", values + " does not exist; give an existing values file of chart " + chartName);
            }
        }
        // helm-java finds its native library through the context class loader, which in Jenkins is not the plugin's
        Thread thread = Thread.currentThread();
        ClassLoader context = thread.getContextClassLoader();
        thread.setContextClassLoader(HelmChart.class.getClassLoader());
        try (HookMarking marked = HookMarking.copy(chart)) {
            TemplateCommand template = new Helm(marked.chart()).template()
                    .withName(release)
                    .withNamespace(namespace)
                    .withKubeVersion(kubeVersion.get());
            options.values().forEach(template::withValuesFile);
            options.set().forEach(template::set);
            return split(HookMarking.unmark(template.call()));
        } catch (IllegalStateException e) {
            throw refusal(e.getMessage());
        } finally {
            thread.setContextClassLoader(context);
        }
    }

    private InvalidInputException refusal(String helmError) {
        String message = firstLine(helmError);
        Matcher missing = MISSING_DEPENDENCY.matcher(message);
        if (missing.find()) {
            return new InvalidInputException("manifests", "chart " + chartName + ": dependency " + missing.group(1).trim()
                    + " (Chart.yaml) is not in charts/; vendor it with `helm dependency build` and commit charts/, nothing is downloaded at deploy time");
        }
        return new InvalidInputException("manifests", "chart " + chartName + ": " + message);
    }

    /** One text per {@code # Source:} block, so that messages name the template. */
    private List<ManifestText> split(String rendered) {
        List<ManifestText> texts = new ArrayList<>();
        Matcher source = SOURCE.matcher(rendered);
        int start = -1;
        String name = null;
        while (source.find()) {
            if (name != null) {
                texts.add(new ManifestText(name, rendered.substring(start, source.start())));
            }
            name = source.group(1).trim();
            start = source.end();
        }
        if (name != null) {
            texts.add(new ManifestText(name, rendered.substring(start)));
        }
        return texts;
    }

    /** Helm's first line, without helm-java's advice to use a debug flag no user has. */
    private static String firstLine(String message) {
        if (message == null || message.isBlank()) {
            return "Helm failed without a message";
        }
        String line = message.strip().lines().findFirst().orElse("").strip();
        return line.replace("An error occurred while checking for chart dependencies. You may need to run `helm dependency build` to fetch missing dependencies: ", "");
    }
}
