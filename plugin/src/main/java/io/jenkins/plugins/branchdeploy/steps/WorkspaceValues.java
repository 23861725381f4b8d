package io.jenkins.plugins.branchdeploy.steps;

import hudson.FilePath;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A Helm chart's values files from the workspace, as paths the engine reads (see {@link WorkspaceManifests}). */
final class WorkspaceValues implements AutoCloseable {

    private final List<WorkspaceManifests> files;

    private WorkspaceValues(List<WorkspaceManifests> files) {
        this.files = files;
    }

    /** @param relative the values files as the user wrote them, relative to the workspace, in order */
    static WorkspaceValues of(FilePath workspace, List<String> relative) throws IOException, InterruptedException {
        List<WorkspaceManifests> files = new ArrayList<>();
        try {
            for (String file : relative) {
                files.add(WorkspaceManifests.of(workspace, "values", file));
            }
            return new WorkspaceValues(files);
        } catch (IOException | InterruptedException | RuntimeException e) {
            new WorkspaceValues(files).close();
            throw e;
        }
    }

    List<Path> paths() {
        return files.stream().map(WorkspaceManifests::path).toList();
    }

    @Override
    public void close() throws IOException, InterruptedException {
        for (WorkspaceManifests file : files) {
            file.close();
        }
    }
}
