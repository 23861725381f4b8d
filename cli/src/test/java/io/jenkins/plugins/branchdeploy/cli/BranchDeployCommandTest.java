package io.jenkins.plugins.branchdeploy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BranchDeployCommandTest {

    @Test
    void aCommandLineStartingWithASubcommandReadsOnlyThatOne() {
        assertThat(BranchDeployCommand.commandLine(new String[] {"name", "--app", "a"}).getSubcommands()).containsOnlyKeys("name");
    }

    @Test
    void helpListsEverySubcommand() {
        CommandRun run = CommandRun.of("--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("sandbox", "name", "deploy", "teardown", "list", "cleanup", "extend", "wake", "scale-down",
                "diff", "metrics", "history");
    }

    @Test
    void anUnknownSubcommandIsBadInputNamingIt() {
        CommandRun run = CommandRun.of("deplyo", "--app", "a");

        assertThat(run.exitCode()).isEqualTo(BranchDeployCommand.BAD_INPUT);
        assertThat(run.err().strip()).startsWith("branch-deploy: Unmatched arguments from index 0: 'deplyo'").doesNotContain("\n");
    }
}
