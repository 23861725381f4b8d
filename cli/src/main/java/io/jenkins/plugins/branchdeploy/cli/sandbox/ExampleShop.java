package io.jenkins.plugins.branchdeploy.cli.sandbox;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The example app the sandbox deploys: the manifests of {@code docs/examples/shop} or the Helm chart
 * of {@code docs/examples/chart}, which the build packages into the jar, extracted into a temporary
 * directory so that the jar works from anywhere.
 */
public final class ExampleShop implements AutoCloseable {

    /** Where the build puts the manifests inside the jar (see cli/pom.xml). */
    static final String PACKAGED_AT = "examples/shop";
    /** Where the build puts the example chart inside the jar. */
    static final String CHART_PACKAGED_AT = "examples/chart";

    private final Path manifests;

    private ExampleShop(Path manifests) {
        this.manifests = manifests;
    }

    /** Extracts the packaged manifests into a new temporary directory, removed again by {@link #close()}. */
    public static ExampleShop extract() throws IOException {
        return extract(PACKAGED_AT);
    }

    /** Extracts the packaged example chart, as {@link #extract()} does the manifests. */
    public static ExampleShop extractChart() throws IOException {
        return extract(CHART_PACKAGED_AT);
    }

    private static ExampleShop extract(String packagedAt) throws IOException {
        Path target = Files.createTempDirectory("branch-deploy-example");
        Path codeSource = codeSource();
        if (Files.isDirectory(codeSource)) {
            copyYaml(codeSource.resolve(packagedAt), target);
        } else {
            try (FileSystem jar = FileSystems.newFileSystem(codeSource)) {
                copyYaml(jar.getPath(packagedAt), target);
            }
        }
        return new ExampleShop(target);
    }

    /** The directory of the extracted manifests. */
    public Path manifests() {
        return manifests;
    }

    @Override
    public void close() throws IOException {
        try (Stream<Path> files = Files.walk(manifests)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }

    /** The jar this class was loaded from, or its classes directory when run from a build. */
    private static Path codeSource() {
        try {
            return Path.of(ExampleShop.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot locate the branch-deploy jar: " + e.getMessage(), e);
        }
    }

    private static void copyYaml(Path source, Path target) throws IOException {
        if (!Files.isDirectory(source)) {
            throw new IllegalStateException("the example app is missing from the branch-deploy jar (" + source
                    + "); rebuild it with mvn -B package");
        }
        List<Path> files;
        try (Stream<Path> listing = Files.walk(source)) {
            files = listing.filter(Files::isRegularFile)
                    .filter(f -> f.getFileName().toString().endsWith(".yaml") || f.getFileName().toString().endsWith(".tpl")).toList();
        }
        for (Path file : files) {
            Path copy = target.resolve(source.relativize(file).toString());
            Files.createDirectories(copy.getParent());
            Files.copy(file, copy);
        }
    }
}
