package io.jenkins.plugins.branchdeploy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.branchdeploy.engine.branch.BranchRef;
import io.jenkins.plugins.branchdeploy.engine.naming.NamingPolicy;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** --webhooks on deploy, and webhooks route and list, against the sandbox. */
class WebhookCommandsTest {

    private static final String PAYMENTS = "../engine/src/test/resources/manifests/payments";
    private static final String HOST = "hooks--shop.preview.example.dev";

    private final ObjectMapper json = new ObjectMapper();
    private final String cart = NamingPolicy.withDefaults("preview.example.dev").names(BranchRef.of("shop", "feature/cart")).environment();
    @RegisterExtension
    final SandboxKubeconfig sandbox = new SandboxKubeconfig();

    @TempDir
    Path dir;

    @Test
    void deployPrintsTheWebhookUrlAndRouteMovesTheDefaultThatListShows() throws IOException {
        CommandRun deployed = deploy("feature/cart", "--webhooks", "payments:http", "--route-via", "gateway:gateways/preview");
        assertThat(deployed.exitCode()).as(deployed.err()).isZero();
        assertThat(deployed.out()).contains("  webhooks: https://" + HOST + "/" + cart + "\n");
        assertThat(deploy("main", "--webhooks", "payments:8080", "--route-via", "gateway:gateways/preview", "--output", "json").out())
                .contains("\"webhookUrl\" : \"https://" + HOST + "/main\"");

        CommandRun routed = webhooks("route", "--app", "shop", "--branch", "feature/cart");
        assertThat(routed.exitCode()).as(routed.err()).isZero();
        assertThat(routed.out().strip()).isEqualTo("Webhooks to https://" + HOST + "/ go to shop-" + cart + " (https://" + HOST + "/" + cart + ")");

        CommandRun text = webhooks("list", "--app", "shop");
        assertThat(text.out()).startsWith("Webhook host of shop: " + HOST + "\n  default: " + cart + " (shop-" + cart + ")\n")
                .contains("  main  https://" + HOST + "/main  -> payments:8080  ready\n");
        JsonNode listed = json.readTree(webhooks("list", "--app", "shop", "--output", "json").out());
        assertThat(listed.get("host").asText()).isEqualTo(HOST);
        assertThat(listed.get("default").asText()).isEqualTo(cart);
        assertThat(listed.get("routes")).hasSize(2);
        assertThat(listed.get("routes").get(0).get("gateway").asText()).isEqualTo("gateways/preview");
    }

    @Test
    void badInputExitsWithTwoOnOneLineAndChangesNothing() {
        assertBadInput(deploy("feature/cart", "--webhooks", "web:8080"),
                "branch-deploy: webhooks: the manifests have no Service 'web'; send them to one of payments");
        assertBadInput(deploy("feature/cart", "--webhooks", "payments:8080", "--webhook-host-template", "hooks.{branch}.{domain}"),
                "branch-deploy: --webhook-host-template: 'hooks.{branch}.{domain}' has {branch}; a webhook host is one per app");
        assertBadInput(deploy("feature/cart", "--webhooks", "payments:8080", "--webhook-host-template", "hooks_{app}.{domain}"),
                "branch-deploy: --webhook-host-template: 'hooks_{app}.{domain}' makes 'hooks_app.example.dev', which is not a host name");
        assertBadInput(webhooks("route", "--app", "shop", "--change", "42"),
                "branch-deploy: branch: there is no environment of app shop for pull request #42 (namespace shop-pr-42)");
        assertThat(sandbox.cluster().requests().writes()).isEmpty();
    }

    private static void assertBadInput(CommandRun run, String errorStart) {
        assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
        assertThat(run.err().strip()).startsWith(errorStart).doesNotContain("\n");
    }

    private CommandRun deploy(String branch, String... extra) {
        List<String> args = new ArrayList<>(List.of("deploy", "--kubeconfig", sandbox.kubeconfig(), "--installation-id", "laptop",
                "--app", "shop", "--branch", branch, "--manifests", PAYMENTS, "--domain", "preview.example.dev",
                "--timeout", "30s", "--state-dir", dir.resolve("state").toString()));
        args.addAll(List.of(extra));
        return CommandRun.of(args.toArray(String[]::new));
    }

    private CommandRun webhooks(String... args) {
        List<String> all = new ArrayList<>(List.of("webhooks", args[0], "--kubeconfig", sandbox.kubeconfig(), "--installation-id", "laptop"));
        all.addAll(List.of(args).subList(1, args.length));
        return CommandRun.of(all.toArray(String[]::new));
    }
}
