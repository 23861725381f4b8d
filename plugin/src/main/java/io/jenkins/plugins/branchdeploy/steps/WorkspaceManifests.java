package io.jenkins.plugins.branchdeploy.steps;

import hudson.AbortException;
import hudson.FilePath;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The manifests of a workspace as a path on this (the controller's) file system, where the engine
 * reads them. A remote workspace is copied to a temporary directory, removed on {@link #close()}.
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
        FilePath source = workspace.child(relative);
        if (!source.exists()) {
            throw new AbortException("manifests: '" + relative + "' does not exist in the workspace " + workspace.getRemote());
        }
        if (!source.isRemote()) {
            Path local = Path.of(source.getRemote());
            if (!local.toRealPath().startsWith(Path.of(workspace.getRemote()).toRealPath())) {
                throw new AbortException("manifests: '" + relative + "' lies outside the workspace; give a path inside it");
            }
            refuseLinks(local, relative);
            return new WorkspaceManifests(local, null);
        }
        Path copy = Files.createTempDirectory("branch-deploy-manifests");
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
            refuseLinks(copy, relative);
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

    private static void refuseLinks(Path root, String relative) throws IOException {
        Optional<Path> link;
        try (Stream<Path> files = Files.walk(root)) {
            link = files.filter(Files::isSymbolicLink).findFirst();
        }
        if (link.isPresent()) {
            throw new AbortException("manifests: '" + relative + "' contains the symbolic link '"
                    + root.relativize(link.get()) + "'; commit the file itself instead of a link");
        }
    }
}
