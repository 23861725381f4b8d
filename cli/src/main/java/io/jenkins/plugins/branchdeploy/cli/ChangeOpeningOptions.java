package io.jenkins.plugins.branchdeploy.cli;

import io.jenkins.plugins.branchdeploy.engine.InvalidInputException;
import io.jenkins.plugins.branchdeploy.engine.branch.BranchRef;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import picocli.CommandLine.Option;

/** When and by whom a pull request was opened, for the review metrics. */
public class ChangeOpeningOptions {

    @Option(names = "--change-opened-at", paramLabel = "ISO-8601",
            description = "When the pull request was opened, e.g. 2026-03-02T10:15:00Z; without it, its first deploy counts as its opening.")
    String openedAt;

    @Option(names = "--change-author", paramLabel = "LOGIN",
            description = "Who opened the pull request; opens of its environment by anyone else count as reviews.")
    String author;

    /** {@code branch} with the pull request's opening time and author, when given. */
    BranchRef apply(BranchRef branch) {
        if (openedAt == null && author == null) {
            return branch;
        }
        String flag = openedAt != null ? "change-opened-at" : "change-author";
        return branch.withChange(branch.changeRequest().orElseThrow(() -> new InvalidInputException(flag,
                "belongs to a pull request; give its number with --change too")).withOpening(instant(), author));
    }

    private Instant instant() {
        try {
            return openedAt == null ? null : Instant.parse(openedAt);
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("change-opened-at", "'" + openedAt
                    + "' is not an ISO-8601 time; use e.g. 2026-03-02T10:15:00Z");
        }
    }
}
