package io.jenkins.plugins.branchdeploy.engine.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.branchdeploy.engine.InvalidInputException;
import io.jenkins.plugins.branchdeploy.engine.branch.BranchRef;
import io.jenkins.plugins.branchdeploy.engine.request.ApplyWith;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code --apply-with} and the Argo CD hand-off's fields, as both front ends hand them to the engine. */
class ApplyWithInputTest {

    private static final String REPO = "https://github.com/acme/shop.git";
    private static final String COMMIT = "4f2a9c1e0b7d3a5f6e8c9b0a1d2e3f4a5b6c7d8e";
    private static final BranchRef BRANCH = BranchRef.of("shop", "feature/cart").withCommit(COMMIT);

    @Test
    void directIsTheDefault() {
        assertThat(input().applyWith(null, null, null, null).request().applyWith()).isEqualTo(ApplyWith.DIRECT);
        assertThat(input().applyWith(" ", ArgoCdInput.NONE, "deploy", null).request().applyWith().name()).isEqualTo("direct");
    }

    @Test
    void argoCdTakesItsDefaultsTheCommitAndTheManifestsAsThePath() {
        ApplyWith applyWith = input().applyWith("argocd", new ArgoCdInput(null, " ", REPO, null, null, null), "./deploy/shop/", null).request().applyWith();

        assertThat(applyWith).isEqualTo(new ApplyWith.ArgoCd("argocd", "default", REPO, "deploy/shop", COMMIT,
                "https://kubernetes.default.svc", List.of()));
    }

    @Test
    void argoCdKeepsWhatIsTyped() {
        ApplyWith applyWith = input().applyWith("ArgoCD", new ArgoCdInput("gitops", "previews", "git@github.com:acme/shop.git",
                "charts/shop", "release/2.4", "staging"), "ignored", List.of("charts/shop/values-preview.yaml")).request().applyWith();

        assertThat(applyWith).isEqualTo(new ApplyWith.ArgoCd("gitops", "previews", "git@github.com:acme/shop.git", "charts/shop",
                "release/2.4", "staging", List.of("values-preview.yaml")));
        assertThat(((ApplyWith.ArgoCd) applyWith).destinationIsServer()).isFalse();
    }

    @Test
    void argoCdWithoutARepositoryUrlIsRefused() {
        assertThatThrownBy(() -> input().applyWith("argocd", ArgoCdInput.NONE, "deploy", null))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("repoUrl: Argo CD reads the manifests from Git")
                .satisfies(e -> assertThat(((InvalidInputException) e).badInput()).isTrue());
    }

    @Test
    void aRevisionThatIsNeitherACommitNorARefIsRefused() {
        for (String revision : new String[] {"feature..cart", "-x", "a b", "main.lock", "refs/heads/", "x~1", "@"}) {
            assertThatThrownBy(() -> input().applyWith("argocd", new ArgoCdInput(null, null, REPO, "deploy", revision, null), null, null))
                    .as(revision)
                    .hasMessageStartingWith("revision: '" + revision.trim() + "' is neither a commit");
        }
        assertThat(input().applyWith("argocd", new ArgoCdInput(null, null, REPO, "deploy", "v1.2.0", null), null, null).request().applyWith())
                .extracting(a -> ((ApplyWith.ArgoCd) a).revision()).isEqualTo("v1.2.0");
    }

    @Test
    void anAbsoluteManifestsPathNeedsARepositoryPath() {
        assertThatThrownBy(() -> input().applyWith("argocd", new ArgoCdInput(null, null, REPO, null, null, null), "/work/shop/deploy", null))
                .hasMessageStartingWith("repoPath: give the manifests' directory in " + REPO);
        assertThatThrownBy(() -> input().applyWith("argocd", new ArgoCdInput(null, null, REPO, null, null, null), "../shop/deploy", null))
                .hasMessageEndingWith("; ../shop/deploy is not a path inside the repository");
    }

    @Test
    void otherModesAndArgoCdFieldsWithDirectAreRefused() {
        assertThatThrownBy(() -> input().applyWith("flux", ArgoCdInput.NONE, null, null))
                .hasMessage("applyWith: 'flux' is neither direct nor argocd");
        assertThatThrownBy(() -> input().applyWith("direct", new ArgoCdInput(null, null, REPO, null, null, null), null, null))
                .hasMessageStartingWith("repoUrl: applies to the Argo CD hand-off only");
        assertThatThrownBy(() -> input().applyWith("argocd", new ArgoCdInput("Argo CD", null, REPO, "deploy", null, null), null, null))
                .hasMessageStartingWith("argocdNamespace: 'Argo CD' is not a Kubernetes name");
        assertThatThrownBy(() -> input().applyWith("argocd", new ArgoCdInput(null, null, "shop", "deploy", null, null), null, null))
                .hasMessageStartingWith("repoUrl: 'shop' is not a Git repository URL");
    }

    private static DeployInput input() {
        return new DeployInput(BRANCH, Path.of("deploy"));
    }
}
