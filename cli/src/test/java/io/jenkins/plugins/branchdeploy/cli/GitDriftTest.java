package io.jenkins.plugins.branchdeploy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.branchdeploy.engine.branch.BranchRef;
import io.jenkins.plugins.branchdeploy.engine.report.Drift;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Drift counted with real git in a real checkout when --commits-behind is not given. */
class GitDriftTest {

    private static final BranchRef CART = BranchRef.of("shop", "feature/cart");

    @TempDir
    Path dir;

    @Test
    void aBranchTwoCommitsBehindMainIsTwoBehindAndGivenBehindWins() throws Exception {
        Path checkout = Files.createDirectory(dir.resolve("shop"));
        git(checkout, "init", "-q", "-b", "main");
        commit(checkout, "first");
        git(checkout, "branch", "feature/cart");
        commit(checkout, "second");
        commit(checkout, "third");
        git(checkout, "checkout", "-q", "feature/cart");
        DriftOptions options = new DriftOptions();
        options.threshold = 1;
        options.checkout = checkout;

        Drift counted = options.drift(CART);

        assertThat(counted.target()).isEqualTo("main");
        assertThat(counted.commitsBehind()).isEqualTo(2);
        assertThat(counted.exceeded()).isTrue();
        options.commitsBehind = 0;
        assertThat(options.drift(CART).commitsBehind()).isZero();
    }

    @Test
    void outsideACheckoutOrWithAnUnknownTargetThereIsNoDrift() throws Exception {
        DriftOptions options = new DriftOptions();
        options.checkout = Files.createDirectory(dir.resolve("plain"));
        assertThat(options.drift(CART)).isNull();

        git(options.checkout, "init", "-q", "-b", "trunk");
        commit(options.checkout, "first");
        assertThat(options.drift(CART)).as("no branch main here").isNull();
    }

    private static void commit(Path checkout, String message) throws Exception {
        git(checkout, "-c", "user.name=Test", "-c", "user.email=test@example.dev", "commit", "-q", "--allow-empty", "-m", message);
    }

    private static void git(Path checkout, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("git", "-C", checkout.toString()));
        command.addAll(List.of(args));
        Process git = new ProcessBuilder(command).inheritIO().start();
        assertThat(git.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(git.exitValue()).as(String.join(" ", command)).isZero();
    }
}
