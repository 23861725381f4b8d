package io.jenkins.plugins.branchdeploy.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;

/**
 * How many commits {@code HEAD} of a Git checkout is behind its target branch, counted by {@code git}
 * itself: {@code git rev-list --count HEAD..origin/TARGET}, or {@code HEAD..TARGET} when there is no
 * such remote-tracking branch. Empty when the directory is no checkout, {@code git} is missing or the
 * target is unknown: drift is then simply not reported.
 */
final class GitDrift {

    /** Generous: a count walks local history only. */
    private static final long PATIENCE_SECONDS = 60;

    private GitDrift() {}

    static OptionalInt commitsBehind(Path checkout, String target) {
        if (!"true".equals(git(checkout, "rev-parse", "--is-inside-work-tree"))) {
            return OptionalInt.empty();
        }
        for (String ref : List.of("origin/" + target, target)) {
            String count = git(checkout, "rev-list", "--count", "HEAD.." + ref, "--");
            if (count != null && count.matches("\\d+")) {
                return OptionalInt.of(Integer.parseInt(count));
            }
        }
        return OptionalInt.empty();
    }

    /** The first line git prints, or {@code null} when it fails. */
    private static String git(Path checkout, String... args) {
        List<String> command = new ArrayList<>(List.of("git", "-C", checkout.toString()));
        command.addAll(List.of(args));
        try {
            Process git = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String out = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (!git.waitFor(PATIENCE_SECONDS, TimeUnit.SECONDS)) {
                git.destroyForcibly();
                return null;
            }
            return git.exitValue() == 0 ? out.lines().findFirst().orElse("") : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
