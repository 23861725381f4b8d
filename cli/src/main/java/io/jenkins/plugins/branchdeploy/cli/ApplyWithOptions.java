package io.jenkins.plugins.branchdeploy.cli;

import io.jenkins.plugins.branchdeploy.engine.deploy.ArgoCdInput;
import io.jenkins.plugins.branchdeploy.engine.request.ApplyWith;
import picocli.CommandLine.Option;

/** Who applies the manifests: the deploy itself, or Argo CD through an Application per environment. */
class ApplyWithOptions {

    @Option(names = "--apply-with", paramLabel = "direct|argocd", description = "Who applies the manifests: " + ApplyWith.DIRECT_NAME
            + " (the default: server-side apply) or " + ApplyWith.ARGOCD_NAME + " (an Argo CD Application per environment; the "
            + "namespace, quota, Secrets and database branch are still the deploy's).")
    String mode;

    @Option(names = "--argocd-namespace", paramLabel = "NAMESPACE", description = "With --apply-with argocd: the namespace Argo CD "
            + "watches for Applications (default: " + ApplyWith.ArgoCd.DEFAULT_NAMESPACE + ").")
    String namespace;

    @Option(names = "--argocd-project", paramLabel = "PROJECT", description = "With --apply-with argocd: the Argo CD project "
            + "(default: " + ApplyWith.ArgoCd.DEFAULT_PROJECT + ").")
    String project;

    @Option(names = "--repo-url", paramLabel = "URL", description = "With --apply-with argocd: the Git repository Argo CD reads "
            + "the manifests from.")
    String repoUrl;

    @Option(names = "--repo-path", paramLabel = "PATH", description = "With --apply-with argocd: the manifests' directory in that "
            + "repository (default: --manifests, when it is a relative path).")
    String repoPath;

    @Option(names = "--revision", paramLabel = "COMMIT|REF", description = "With --apply-with argocd: the commit, branch or tag "
            + "Argo CD syncs to (default: --commit).")
    String revision;

    @Option(names = "--argocd-destination", paramLabel = "URL|NAME", description = "With --apply-with argocd: the API server URL "
            + "of the environment's cluster, or its name in Argo CD (default: " + ApplyWith.ArgoCd.IN_CLUSTER + ").")
    String destination;

    ArgoCdInput argoCd() {
        return new ArgoCdInput(namespace, project, repoUrl, repoPath, revision, destination);
    }
}
