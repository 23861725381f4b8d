package io.jenkins.plugins.branchdeploy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Secret values that look like ordinary words, and a multi-line one, through deploy (text and
 * JSON), a redeploy, a failed deploy, bad secret options, list and teardown: none of them shows on
 * standard output or standard error, nor in any file the commands leave besides the secret files.
 */
class SecretsOutputTest {

    private static final String WORD = "marmalade";
    private static final String MULTI_LINE = "-----BEGIN PRIVATE KEY-----\nquokka-lantern-47\nzephyr tangerine\n-----END PRIVATE KEY-----\n";

    @RegisterExtension
    final SandboxKubeconfig sandbox = new SandboxKubeconfig();
    private Path secrets;

    @TempDir
    Path dir;

    @BeforeEach
    void start() throws IOException {
        secrets = Files.createDirectories(dir.resolve("secrets"));
        Files.writeString(secrets.resolve("password"), WORD);
        Files.writeString(secrets.resolve("key.pem"), MULTI_LINE);
    }

    @Test
    void noSecretValueShowsOnTheTerminalOrInFiles() throws IOException {
        List<CommandRun> runs = new ArrayList<>();
        runs.add(CommandRun.of(deploy("--output", "json")));
        runs.add(CommandRun.of(deploy()));
        sandbox.cluster().workloads().neverReady("catalog");
        runs.add(CommandRun.of(deploy("--var", "IMAGE_TAG=1.5.0", "--timeout", "1s")));
        runs.add(CommandRun.of(deploy("--var", "IMAGE_TAG=1.5.0", "--timeout", "1s", "--output", "json")));
        runs.add(CommandRun.of(deployWithSecret("shop-db/password=" + WORD)));
        runs.add(CommandRun.of(deployWithSecret("shop-db/password=env:BRANCH_DEPLOY_TEST_UNSET_VARIABLE")));
        runs.add(CommandRun.of("list", "--kubeconfig", sandbox.kubeconfig(), "--installation-id", "laptop", "--output", "json"));
        runs.add(CommandRun.of("teardown", "--kubeconfig", sandbox.kubeconfig(), "--installation-id", "laptop", "--app", "shop", "--branch", "feature/cart"));

        assertThat(runs.get(0).exitCode()).as(runs.get(0).err()).isZero();
        assertThat(runs.get(2).exitCode()).as("the deploy that times out fails").isEqualTo(BranchDeployCommand.FAILED);
        assertThat(runs.get(4).exitCode()).as("a value on the command line is refused").isNotZero();
        assertThat(runs.get(7).exitCode()).isZero();
        List<String> seen = new ArrayList<>();
        runs.forEach(run -> {
            seen.add(run.out());
            seen.add(run.err());
        });
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.filter(f -> Files.isRegularFile(f) && !f.startsWith(secrets)).toList()) {
                seen.add(Files.readString(file));
            }
        }
        for (String needle : needles()) {
            assertThat(seen).as("nothing shows %s", needle).noneSatisfy(text -> assertThat(text).contains(needle));
        }
    }

    /** Every value, every line of the multi-line one, and their base64 forms. */
    private static List<String> needles() {
        return Stream.of(WORD, MULTI_LINE, "quokka-lantern-47", "zephyr tangerine")
                .flatMap(v -> Stream.of(v, Base64.getEncoder().encodeToString(v.getBytes(StandardCharsets.UTF_8))))
                .toList();
    }

    private String[] deploy(String... extra) {
        return deployWithSecret("shop-db/password=file:" + secrets.resolve("password"), extra);
    }

    private String[] deployWithSecret(String passwordSecret, String... extra) {
        List<String> args = new ArrayList<>(List.of("deploy", "--kubeconfig", sandbox.kubeconfig(), "--installation-id", "laptop",
                "--app", "shop", "--branch", "feature/cart", "--manifests", "../docs/examples/shop", "--domain", "preview.example.dev",
                "--var", "IMAGE_TAG=1.4.2", "--secret", passwordSecret, "--secret", "signing/key.pem=file:" + secrets.resolve("key.pem")));
        args.addAll(List.of(extra));
        return args.toArray(String[]::new);
    }
}
