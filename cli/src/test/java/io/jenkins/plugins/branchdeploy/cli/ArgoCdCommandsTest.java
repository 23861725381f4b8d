package io.jenkins.plugins.branchdeploy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.jenkins.plugins.branchdeploy.engine.branch.BranchRef;
import io.jenkins.plugins.branchdeploy.engine.naming.EnvironmentNames;
import io.jenkins.plugins.branchdeploy.engine.naming.NamingPolicy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code deploy --apply-with argocd} and its flags, then list and teardown, against the sandbox's stand-in for Argo CD. */
class ArgoCdCommandsTest {

    private static final String REPO = "https://github.com/acme/shop.git";
    private static final Path APP = Path.of("../engine/src/test/resources/argocd/deploy");

    private final EnvironmentNames names = NamingPolicy.withDefaults("preview.example.dev").names(BranchRef.of("shop", "feature/cart"));
    @RegisterExtension
    final SandboxKubeconfig sandbox = new SandboxKubeconfig();

    @TempDir
    Path dir;

    @Test
    void argoCdAppliesTheEnvironmentListShowsItAndTeardownRemovesTheApplicationFirst() throws IOException {
        sandbox.cluster().installArgoCd("argocd").publish(REPO, "deploy",
                List.of(Files.readString(APP.resolve("web.yaml")), Files.readString(APP.resolve("service.yaml"))));

        CommandRun deploy = deploy("--apply-with", "argocd", "--repo-url", REPO, "--repo-path", "deploy");
        assertThat(deploy.exitCode()).as(deploy.err()).isZero();
        assertThat(deploy.err()).contains("Handed " + names.namespace() + " to Argo CD: Application argocd/" + names.namespace()
                + " syncs " + REPO + " deploy at 4f2a9c1");
        assertThat(application()).isNotNull();

        CommandRun list = CommandRun.of("list", "--kubeconfig", sandbox.kubeconfig(), "--installation-id", "laptop");
        assertThat(list.out()).contains(names.namespace()).contains("ready");

        CommandRun teardown = CommandRun.of("teardown", "--kubeconfig", sandbox.kubeconfig(), "--installation-id", "laptop",
                "--app", "shop", "--branch", "feature/cart");
        assertThat(teardown.exitCode()).as(teardown.err()).isZero();
        assertThat(teardown.err()).contains("Argo CD removed Application argocd/" + names.namespace() + " and its resources");
        assertThat(application()).isNull();
    }

    @Test
    void theSandboxsArgoCdAppliesAFileRepository() {
        sandbox.cluster().installArgoCd("argocd");
        Path repository = APP.getParent().toAbsolutePath().normalize();

        CommandRun deploy = deploy("--apply-with", "argocd", "--repo-url", repository.toUri().toString(), "--repo-path", "deploy");

        assertThat(deploy.exitCode()).as(deploy.err()).isZero();
        assertThat(sandbox.client().apps().deployments().inNamespace(names.namespace()).withName("web").get()).isNotNull();
    }

    @Test
    void badArgoCdInputExitsWithTwoOnOneLineAndWritesNothing() {
        assertBadInput(deploy("--apply-with", "argocd"), "branch-deploy: --repo-url: Argo CD reads the manifests from Git");
        assertBadInput(deploy("--apply-with", "argocd", "--repo-url", REPO, "--repo-path", "deploy", "--revision", "feature..cart"),
                "branch-deploy: revision: 'feature..cart' is neither a commit (7 to 40 hex digits) nor a branch or tag name");
        assertBadInput(deploy("--apply-with", "flux"), "branch-deploy: --apply-with: 'flux' is neither direct nor argocd");
        assertBadInput(deploy("--repo-url", REPO), "branch-deploy: --repo-url: applies to the Argo CD hand-off only");
        assertThat(sandbox.cluster().requests().count()).isZero();

        assertBadInput(deploy("--apply-with", "argocd", "--repo-url", REPO),
                "branch-deploy: --repo-path: give the manifests' directory in " + REPO + "; " + APP
                        + " is not a path inside the repository");
        assertThat(sandbox.cluster().requests().count()).isZero();

        CommandRun noArgoCd = deploy("--apply-with", "argocd", "--repo-url", REPO, "--repo-path", "deploy");
        assertThat(noArgoCd.exitCode()).isEqualTo(2);
        assertThat(noArgoCd.err().strip().lines().reduce((first, last) -> last)).hasValue("branch-deploy: --argocd-namespace: the cluster "
                + "has no Argo CD Application kind (argoproj.io/v1alpha1); install Argo CD, or apply with direct");
        assertThat(sandbox.cluster().requests().writes()).isEmpty();
    }

    private GenericKubernetesResource application() {
        return sandbox.client().genericKubernetesResources("argoproj.io/v1alpha1", "Application").inNamespace("argocd")
                .withName(names.namespace()).get();
    }

    private static void assertBadInput(CommandRun run, String errorStart) {
        assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
        assertThat(run.err().strip()).startsWith(errorStart).doesNotContain("\n");
    }

    private CommandRun deploy(String... extra) {
        List<String> args = new ArrayList<>(List.of("deploy", "--kubeconfig", sandbox.kubeconfig(), "--installation-id", "laptop",
                "--app", "shop", "--branch", "feature/cart", "--commit", "4f2a9c1", "--manifests", APP.toString(),
                "--domain", "preview.example.dev", "--timeout", "30s", "--state-dir", dir.resolve("state").toString()));
        args.addAll(List.of(extra));
        return CommandRun.of(args.toArray(String[]::new));
    }
}
