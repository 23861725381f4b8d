package io.jenkins.plugins.branchdeploy.engine.manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.branchdeploy.engine.InvalidInputException;
import io.jenkins.plugins.branchdeploy.engine.request.ManifestSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KustomizeBuildTest {

    @TempDir
    Path dir;

    @Test
    void withoutKubectlOrKustomizeOnThePathItSaysWhatToInstall() throws IOException {
        Path overlay = Files.createDirectories(dir.resolve("dev"));
        Files.writeString(overlay.resolve("kustomization.yaml"), "resources: []\n");

        assertThatThrownBy(() -> new KustomizeBuild(Map.of("PATH", dir.toString())).build(overlay))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("manifests: building a Kustomize overlay needs kubectl or kustomize on the PATH; "
                        + "install kubectl (Debian: apt-get install kubectl) or kustomize");
    }

    @Test
    void kubectlsLoggedErrorBecomesKustomizesOwnMessage() {
        String logged = "E1207 04:04:31.027752   11062 run.go:72] \"command failed\" err=\"accumulating resources: "
                + "accumulation err='accumulating resources from '../../bases/backend': evalsymlink failure on "
                + "'/tmp/bases/backend' : lstat /tmp/bases/backend: no such file or directory': must build at directory: "
                + "not a valid directory: lstat /tmp/bases/backend: no such file or directory\"";

        assertThat(KustomizeBuild.message(logged, "dev/kustomization.yaml"))
                .isEqualTo("dev/kustomization.yaml: resource '../../bases/backend' cannot be built: no such file or directory");
        assertThat(KustomizeBuild.message("error: invalid Kustomization: json: unknown field \"resourcez\"\n", "dev/kustomization.yaml"))
                .isEqualTo("invalid Kustomization: json: unknown field \"resourcez\"");
    }

    @Test
    void detectsTheSourceFromWhatThePathHolds() throws IOException {
        Path chart = Files.createDirectories(dir.resolve("chart"));
        Files.writeString(chart.resolve("Chart.yaml"), "name: x\n");
        Path overlay = Files.createDirectories(dir.resolve("overlay"));
        Files.writeString(overlay.resolve("kustomization.yaml"), "resources: []\n");

        assertThat(ManifestSource.detect(chart)).isEqualTo(ManifestSource.HELM);
        assertThat(ManifestSource.detect(dir.resolve("shop-0.1.0.tgz"))).isEqualTo(ManifestSource.HELM);
        assertThat(ManifestSource.detect(overlay)).isEqualTo(ManifestSource.KUSTOMIZE);
        assertThat(ManifestSource.detect(dir)).isEqualTo(ManifestSource.YAML);
        assertThat(ManifestSource.named("Helm")).isEqualTo(ManifestSource.HELM);
        assertThat(ManifestSource.named("")).isNull();
    }
}
