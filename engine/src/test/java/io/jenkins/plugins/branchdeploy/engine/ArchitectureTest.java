package io.jenkins.plugins.branchdeploy.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The engine must run without Jenkins and without the command line: it imports neither. */
class ArchitectureTest {

    private static final Pattern FORBIDDEN = Pattern.compile(
            "^\\s*import\\s+(static\\s+)?(hudson|jenkins|org\\.jenkinsci|org\\.kohsuke\\.stapler|picocli)\\.",
            Pattern.MULTILINE);

    @Test
    void engineImportsNothingFromJenkinsStaplerOrPicocli() throws IOException {
        Path sources = Path.of("src/main/java");
        List<String> offenders;
        try (Stream<Path> files = Files.walk(sources)) {
            offenders = files.filter(p -> p.toString().endsWith(".java"))
                    .filter(ArchitectureTest::importsForbidden)
                    .map(Path::toString)
                    .toList();
        }
        assertThat(sources).isDirectory();
        assertThat(offenders).isEmpty();
    }

    @Test
    void theCheckRecognisesAForbiddenImport() {
        assertThat(FORBIDDEN.matcher("package x;\nimport hudson.model.Run;\n").find()).isTrue();
        assertThat(FORBIDDEN.matcher("import static picocli.CommandLine.Option;").find()).isTrue();
        assertThat(FORBIDDEN.matcher("import io.fabric8.kubernetes.api.model.Pod;").find()).isFalse();
    }

    private static boolean importsForbidden(Path file) {
        try {
            return FORBIDDEN.matcher(Files.readString(file)).find();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + file, e);
        }
    }
}
