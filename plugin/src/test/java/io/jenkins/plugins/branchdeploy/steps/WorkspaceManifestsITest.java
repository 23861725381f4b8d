package io.jenkins.plugins.branchdeploy.steps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hudson.AbortException;
import hudson.FilePath;
import hudson.model.TaskListener;
import hudson.slaves.DumbSlave;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

@WithJenkins
class WorkspaceManifestsITest {

    @TempDir
    Path local;

    @Test
    void localWorkspaceIsReadInPlace(JenkinsRule r) throws Exception {
        FilePath workspace = new FilePath(local.toFile());
        workspace.child("k8s/app.yaml").write("kind: ConfigMap\n", "UTF-8");

        try (WorkspaceManifests manifests = WorkspaceManifests.of(workspace, "k8s")) {
            assertThat(manifests.path()).isEqualTo(local.resolve("k8s"));
        }
        assertThat(local.resolve("k8s/app.yaml")).as("the workspace is left alone").exists();
    }

    @Test
    void remoteWorkspaceIsCopiedAndTheCopyRemoved(JenkinsRule r) throws Exception {
        DumbSlave agent = r.createOnlineSlave();
        FilePath workspace = agent.getRootPath().child("workspace/shop");
        workspace.child("k8s/app.yaml").write("kind: ConfigMap\n", "UTF-8");
        workspace.child("k8s/nested/db.yaml").write("kind: Service\n", "UTF-8");

        Path copy;
        try (WorkspaceManifests manifests = WorkspaceManifests.of(workspace, "k8s")) {
            copy = manifests.path();
            assertThat(Files.readString(copy.resolve("app.yaml"), StandardCharsets.UTF_8)).isEqualTo("kind: ConfigMap\n");
            assertThat(Files.readString(copy.resolve("nested/db.yaml"), StandardCharsets.UTF_8)).isEqualTo("kind: Service\n");
        }
        assertThat(copy).doesNotExist();
    }

    @Test
    void remoteSingleFileIsCopied(JenkinsRule r) throws Exception {
        DumbSlave agent = r.createOnlineSlave();
        FilePath workspace = agent.getRootPath().child("workspace/single");
        workspace.child("deploy.yaml").write("kind: ConfigMap\n", "UTF-8");

        try (WorkspaceManifests manifests = WorkspaceManifests.of(workspace, "deploy.yaml")) {
            assertThat(manifests.path().getFileName()).hasToString("deploy.yaml");
            assertThat(Files.readString(manifests.path(), StandardCharsets.UTF_8)).isEqualTo("kind: ConfigMap\n");
        }
    }

    @Test
    void symbolicLinksFromAnAgentAreRefused(JenkinsRule r) throws Exception {
        DumbSlave agent = r.createOnlineSlave();
        FilePath workspace = agent.getRootPath().child("workspace/links");
        workspace.child("k8s/app.yaml").write("kind: ConfigMap\n", "UTF-8");
        workspace.child("k8s/stolen.yaml").symlinkTo(r.jenkins.getRootDir().getAbsolutePath() + "/config.xml", TaskListener.NULL);

        assertThatThrownBy(() -> WorkspaceManifests.of(workspace, "k8s"))
                .isInstanceOf(AbortException.class)
                .hasMessageContaining("symbolic link 'stolen.yaml'");
    }

    @Test
    void localPathsOutsideTheWorkspaceAndLinksAreRefused(JenkinsRule r) throws Exception {
        Path workspaceDir = Files.createDirectories(local.resolve("ws"));
        Files.writeString(Files.createDirectories(local.resolve("elsewhere")).resolve("app.yaml"), "kind: ConfigMap\n");
        FilePath workspace = new FilePath(workspaceDir.toFile());

        assertThatThrownBy(() -> WorkspaceManifests.of(workspace, "../elsewhere"))
                .isInstanceOf(AbortException.class)
                .hasMessageContaining("outside the workspace");

        Files.createSymbolicLink(Files.createDirectories(workspaceDir.resolve("k8s")).resolve("app.yaml"),
                local.resolve("elsewhere/app.yaml"));
        assertThatThrownBy(() -> WorkspaceManifests.of(workspace, "k8s"))
                .isInstanceOf(AbortException.class)
                .hasMessageContaining("symbolic link 'app.yaml'");
    }

    @Test
    void missingManifestsNameThePath(JenkinsRule r) {
        FilePath workspace = new FilePath(local.toFile());

        assertThatThrownBy(() -> WorkspaceManifests.of(workspace, "k8s"))
                .isInstanceOf(AbortException.class)
                .hasMessageStartingWith("manifests: 'k8s' does not exist in the workspace");
    }
}
