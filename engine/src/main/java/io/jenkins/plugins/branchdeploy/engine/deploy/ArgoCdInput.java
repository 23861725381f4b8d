package io.jenkins.plugins.branchdeploy.engine.deploy;

import io.jenkins.plugins.branchdeploy.engine.InvalidInputException;
import io.jenkins.plugins.branchdeploy.engine.request.ApplyWith;
import java.util.List;

/**
 * What a user typed for the Argo CD hand-off ({@code --apply-with argocd}, step {@code applyWith: 'argocd'}),
 * as typed: {@code null} or blank is "not given". {@link #applyWith} checks it and fills in the
 * defaults of {@link ApplyWith.ArgoCd}.
 *
 * @param namespace the namespace Argo CD watches for Applications
 * @param project the Argo CD project
 * @param repoUrl the Git repository Argo CD reads
 * @param repoPath the manifests' directory in it
 * @param revision the commit, branch or tag Argo CD syncs to
 * @param destination the API server URL of the environment's cluster, or the name Argo CD knows it by
 */
public record ArgoCdInput(String namespace, String project, String repoUrl, String repoPath, String revision, String destination) {

    /** Nothing typed. */
    public static final ArgoCdInput NONE = new ArgoCdInput(null, null, null, null, null, null);

    /**
     * Who applies the manifests.
     *
     * @param mode {@code direct} (the default when blank) or {@code argocd}
     * @param manifestsAsTyped the manifests as the user typed them, relative to the repository's root: the
     *     default of the repository path; or {@code null}
     * @param valuesAsTyped a chart's values files as the user typed them, relative to the repository's root; or {@code null}
     * @param commit the commit deployed, the default revision
     * @throws InvalidInputException naming the field, as {@link ApplyWith.ArgoCd#of} does, or the Argo CD field
     *     typed for a direct apply
     */
    ApplyWith applyWith(String mode, String manifestsAsTyped, List<String> valuesAsTyped, String commit) {
        if (!ApplyWith.isArgoCd(mode)) {
            String stray = given(repoUrl) ? "repoUrl" : given(repoPath) ? "repoPath" : given(revision) ? "revision" : null;
            if (stray != null) {
                throw new InvalidInputException(stray, "applies to the Argo CD hand-off only; apply with " + ApplyWith.ARGOCD_NAME + ", or leave it out");
            }
            return ApplyWith.DIRECT;
        }
        return ApplyWith.ArgoCd.of(namespace, project, repoUrl, repoPath, manifestsAsTyped, valuesAsTyped, revision, commit, destination);
    }

    private static boolean given(String text) {
        return text != null && !text.isBlank();
    }
}
