package io.jenkins.plugins.branchdeploy.steps;

import hudson.AbortException;
import hudson.FilePath;
import io.jenkins.plugins.branchdeploy.engine.request.ManifestSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Workspace files the engine reads (the manifests, a smoke file, a schema script) as a path on this
 * (the controller's) file system. A remote workspace is copied to a temporary directory, removed on {@link #close()}.
 * Symbolic links are refused: copied from an agent they would point into the controller's files.
 */
final class WorkspaceManifests implements AutoCloseable {

    private final Path path;
    private final Path temporaryCopy;

    private WorkspaceManifests(Path path, Path temporaryCopy) {
        this.path = path;
        this.temporaryCopy = temporaryCopy;
    }

    /** @param relative the directory or file as the user wrote it, relative to the workspace */
    static WorkspaceManifests of(FilePath workspace, String relative) throws IOException, InterruptedException {
        return of(workspace, "manifests", relative);
    }

    /**
     * The manifests of a deploy. A Kustomize overlay usually builds on folders beside it
     * ({@code ../../bases}), so a remote workspace is copied whole (without {@code .git}) when the
     * manifests are an overlay; plain YAML and charts are copied alone.
     *
     * @param source the source the step names, or {@code null} to detect it
     */
    static WorkspaceManifests manifests(FilePath workspace, String relative, ManifestSource source) throws IOException, InterruptedException {
        FilePath manifests = workspace.child(relative);
        if (!manifests.isRemote() || !manifests.isDirectory() || !isOverlay(manifests, source)) {
            return of(workspace, relative);
        }
        Path copy = Files.createTempDirectory("branch-deploy-manifests");
        try {
            workspace.copyRecursiveTo("**/*", ".git/**", new FilePath(copy.toFile()));
            Path overlay = copy.resolve(relative).normalize();
            if (!overlay.startsWith(copy)) {
                throw new AbortException("manifests: '" + relative + "' lies outside the workspace; give a path inside it");
            }
            refuseLinks(copy, "manifests", relative);
            return new WorkspaceManifests(overlay, copy);
        } catch (IOException | InterruptedException | RuntimeException e) {
            new FilePath(copy.toFile()).deleteRecursive();
            throw e;
        }
    }

    private static boolean isOverlay(FilePath directory, ManifestSource source) throws IOException, InterruptedException {
        if (source != null) {
            return source == ManifestSource.KUSTOMIZE;
        }
        for (String file : ManifestSource.KUSTOMIZATION_FILES) {
            if (directory.child(file).exists()) {
                return true;
            }
        }
        return false;
    }

    /** As {@link #of(FilePath, String, String)}; without a path, one whose {@link #path()} is {@code null}. */
    static WorkspaceManifests optional(FilePath workspace, String field, String relative) throws IOException, InterruptedException {
        return relative == null ? new WorkspaceManifests(null, null) : of(workspace, field, relative);
    }

    /**
     * @param field the step parameter that names the file, for messages
     * @param relative the directory or file as the user wrote it, relative to the workspace
     */
    static WorkspaceManifests of(FilePath workspace, String field, String relative) throws IOException, InterruptedException {
        FilePath source = workspace.child(relative);
        if (!source.exists()) {
            throw new AbortException(field + ": '" + relative + "' does not exist in the workspace " + workspace.getRemote());
        }
        if (!source.isRemote()) {
            Path local = Path.of(source.getRemote());
            if (!local.toRealPath().startsWith(Path.of(workspace.getRemote()).toRealPath())) {
                throw new AbortException(field + ": '" + relative + "' lies outside the workspace; give a path inside it");
            }
            refuseLinks(local, field, relative);
            return new WorkspaceManifests(local, null);
        }
        Path copy = Files.createTempDirectory("branch-deploy-" + field);
        try {
            FilePath target = new FilePath(copy.toFile());
            Path path;
            if (source.isDirectory()) {
                source.copyRecursiveTo(target);
                path = copy;
            } else {
                source.copyTo(target.child(source.getName()));
                path = copy.resolve(source.getName());
            }
            refuseLinks(copy, field, relative);
            return new WorkspaceManifests(path, copy);
        } catch (IOException | InterruptedException | RuntimeException e) {
            new FilePath(copy.toFile()).deleteRecursive();
            throw e;
        }
    }

    Path path() {
        return path;
    }

    @Override
    public void close() throws IOException, InterruptedException {
        if (temporaryCopy != null) {
            new FilePath(temporaryCopy.toFile()).deleteRecursive();
        }
    }

    private static void refuseLinks(Path root, String field, String relative) throws IOException {
        Optional<Path> link;
        try (Stream<Path> files = Files.walk(root)) {
            link = files.filter(Files::isSymbolicLink).findFirst();
        }
        if (link.isPresent()) {
            throw new AbortException(field + ": '" + relative + "' contains the symbolic link '"
                    + root.relativize(link.get()) + "'; commit the file itself instead of a link");
        }
    }
}
