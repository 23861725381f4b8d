package io.jenkins.plugins.branchdeploy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.branchdeploy.engine.cluster.ClusterContract;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** open, and the review metrics it feeds, as a user runs them against the sandbox API server. */
class ReviewLinkCommandsTest {

    private static final String INSTALLATION = "laptop";

    private final ObjectMapper json = new ObjectMapper();
    @RegisterExtension
    final SandboxKubeconfig sandbox = new SandboxKubeconfig();

    @TempDir
    Path dir;

    @Test
    void openRecordsWhoOpenedAndPrintsTheUrlAndAMergedReviewedPullRequestCounts() throws Exception {
        CommandRun deploy = run(deploy("feature/cart", "7", "--change-opened-at", "2026-03-02T10:15:00Z",
                "--change-author", "alice"));
        assertThat(deploy.exitCode()).as(deploy.err()).isZero();

        CommandRun open = run(cluster("open", "--app", "shop", "--change", "7", "--user", "bob", "--state-dir", state()));

        assertThat(open.exitCode()).as(open.err()).isZero();
        assertThat(open.out()).isEqualTo("https://pr-7--shop.preview.example.dev\n");
        assertThat(sandbox.client().namespaces().withLabel(ClusterContract.APP, "shop").list().getItems().get(0).getMetadata()
                .getAnnotations().get(ClusterContract.OPENS))
                .contains("\"by\":\"bob\"");
        assertThat(run(cluster("open", "--app", "shop", "--change", "7", "--state-dir", state())).exitCode())
                .as("an anonymous open").isZero();
        Path merged = Files.writeString(dir.resolve("live.json"), "{\"apps\": {\"shop\": {\"branches\": [\"main\"], "
                + "\"changes\": {\"7\": \"merged\"}}}}");
        assertThat(run(cluster("cleanup", "--live", merged.toString(), "--max-teardown-percent", "100", "--state-dir", state()))
                .exitCode()).isZero();

        JsonNode metrics = json.readTree(run(cluster("metrics", "--state-dir", state())).out());
        assertThat(metrics.at("/apps/shop/reviewedLiveShare").asDouble()).isEqualTo(1.0);
        assertThat(metrics.at("/apps/shop/prOpenToLiveSeconds/median").isNumber()).isTrue();
        assertThat(metrics.at("/apps/shop/prOpenToLiveSeconds/median").asDouble())
                .as("opened in March 2026, so long before this deploy").isGreaterThan(0);
        assertThat(run(cluster("metrics", "--state-dir", state(), "--output", "prometheus")).out())
                .contains("branch_deploy_reviewed_live_share{app=\"shop\"} 1.0\n");
    }

    @Test
    void badInputIsRefusedWithExitCodeTwoAndNothingWritten() {
        CommandRun noChange = run(deploy("feature/cart", null, "--change-author", "alice"));
        assertThat(noChange.exitCode()).isEqualTo(2);
        assertThat(noChange.err()).contains("change-author: belongs to a pull request; give its number (--change) too");
        CommandRun badTime = run(deploy("feature/cart", "7", "--change-opened-at", "yesterday"));
        assertThat(badTime.exitCode()).isEqualTo(2);
        assertThat(badTime.err()).contains("change-opened-at: 'yesterday' is not an ISO-8601 time");

        CommandRun absent = run(cluster("open", "--app", "shop", "--branch", "feature/none", "--state-dir", state()));
        assertThat(absent.exitCode()).isEqualTo(2);
        assertThat(absent.err()).contains("branch: there is no environment of app shop for branch feature/none");
        assertThat(run(cluster("open", "--app", "shop", "--state-dir", state())).exitCode()).as("neither --branch nor --change")
                .isEqualTo(2);
        assertThat(sandbox.client().namespaces().withLabel(ClusterContract.APP, "shop").list().getItems()).isEmpty();
    }

    private String[] deploy(String branch, String change, String... extra) {
        List<String> args = new ArrayList<>(List.of("deploy", "--kubeconfig", sandbox.kubeconfig(), "--installation-id", INSTALLATION,
                "--app", "shop", "--branch", branch, "--commit", "4f2a9c1", "--manifests", "../docs/examples/shop",
                "--domain", "preview.example.dev", "--var", "IMAGE_TAG=1.4.2", "--secret", "shop-db/password=env:HOME",
                "--state-dir", state()));
        if (change != null) {
            args.addAll(List.of("--change", change));
        }
        args.addAll(List.of(extra));
        return args.toArray(String[]::new);
    }

    private String state() {
        return dir.resolve("state").toString();
    }

    private String[] cluster(String command, String... options) {
        List<String> args = new ArrayList<>(List.of(command, "--kubeconfig", sandbox.kubeconfig(), "--installation-id", INSTALLATION));
        args.addAll(List.of(options));
        return args.toArray(String[]::new);
    }

    private static CommandRun run(String... args) {
        return CommandRun.of(args);
    }
}
