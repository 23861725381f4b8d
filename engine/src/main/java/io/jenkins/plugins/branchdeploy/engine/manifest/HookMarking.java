package io.jenkins.plugins.branchdeploy.engine.manifest;

import io.jenkins.plugins.branchdeploy.engine.InvalidInputException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A temporary copy of a chart whose templates write {@value #MARK} where they wrote
 * {@code helm.sh/hook}, so that Helm renders hook resources with the others instead of leaving them
 * out (helm-java's {@code template} returns the release manifest only, without hooks). The rendered
 * text gets its {@code helm.sh/hook} annotations back from {@link #unmark(String)}.
 *
 * <p>Packaged charts ({@code .tgz}), the chart's own and vendored subcharts in {@code charts/}, are
 * unpacked into the copy. Deleted on {@link #close()}.
 */
final class HookMarking implements AutoCloseable {

    static final String HOOK = "helm.sh/hook";
    static final String MARK = "branch-deploy.io/rendered-helm-hook";

    private final Path directory;
    private final Path chart;

    private HookMarking(Path directory, Path chart) {
        this.directory = directory;
        this.chart = chart;
    }

    static HookMarking copy(Path chart) {
        Path directory = null;
        try {
            directory = Files.createTempDirectory("branch-deploy-chart");
            Path copy;
            if (Files.isDirectory(chart)) {
                copy = directory.resolve(chart.getFileName().toString());
                copyTree(chart, copy);
            } else {
                copy = PackagedChart.unpack(chart, directory);
            }
            unpackSubcharts(copy);
            markTemplates(copy);
            return new HookMarking(directory, copy);
        } catch (IOException | UncheckedIOException e) {
            delete(directory);
            throw new InvalidInputException("manifests", "cannot read chart " + chart.getFileName() + ": " + e.getMessage());
        } catch (RuntimeException e) {
            delete(directory);
            throw e;
        }
    }

    /** The marked chart directory to render. */
    Path chart() {
        return chart;
    }

    static String unmark(String rendered) {
        return rendered.replace(MARK, HOOK);
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path source : walk.toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else if (Files.isRegularFile(source)) {
                    Files.copy(source, target);
                }
            }
        }
    }

    private static void unpackSubcharts(Path chart) throws IOException {
        Path charts = chart.resolve("charts");
        if (!Files.isDirectory(charts)) {
            return;
        }
        List<Path> entries;
        try (Stream<Path> list = Files.list(charts)) {
            entries = list.toList();
        }
        for (Path entry : entries) {
            if (Files.isRegularFile(entry) && entry.getFileName().toString().endsWith(".tgz")) {
                Path unpacked = PackagedChart.unpack(entry, Files.createTempDirectory(charts, "packaged"));
                Files.delete(entry);
                unpackSubcharts(unpacked);
            } else if (Files.isDirectory(entry)) {
                unpackSubcharts(entry);
            }
        }
    }

    private static void markTemplates(Path chart) throws IOException {
        try (Stream<Path> walk = Files.walk(chart)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                if (isTemplate(chart.relativize(file))) {
                    String text = Files.readString(file, StandardCharsets.UTF_8);
                    if (text.contains(HOOK)) {
                        Files.writeString(file, text.replace(HOOK, MARK), StandardCharsets.UTF_8);
                    }
                }
            }
        }
    }

    private static boolean isTemplate(Path relative) {
        for (Path part : relative) {
            if (part.toString().equals("templates")) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void close() {
        delete(directory);
    }

    private static void delete(Path directory) {
        if (directory == null) {
            return;
        }
        try (Stream<Path> walk = Files.walk(directory)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException | UncheckedIOException e) {
            // a temporary directory left behind is harmless
        }
    }
}
