package io.jenkins.plugins.branchdeploy.engine.deploy;

/**
 * What a user typed for the Argo CD hand-off ({@code --apply-with argocd}, step {@code applyWith: 'argocd'}),
 * as typed: {@code null} or blank is "not given". {@link DeployInput#applyWith} checks it and fills in
 * the defaults of {@code request.ApplyWith.ArgoCd}.
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
}
