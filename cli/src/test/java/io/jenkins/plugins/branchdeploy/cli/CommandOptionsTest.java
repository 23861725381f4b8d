package io.jenkins.plugins.branchdeploy.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.branchdeploy.engine.InvalidInputException;
import io.jenkins.plugins.branchdeploy.engine.request.Quota;
import io.jenkins.plugins.branchdeploy.engine.request.SecretEntry;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CommandOptionsTest {

    @Test
    void secretsComeFromTheEnvironmentWithoutEverEchoingTheValue() {
        SecretEntry entry = SecretOption.parse("db/password=env:DB_PASSWORD", Map.of("DB_PASSWORD", "hunter2")::get);
        assertThat(entry.secretName()).isEqualTo("db");
        assertThat(entry.key()).isEqualTo("password");
        assertThat(entry.value()).isEqualTo("hunter2");

        assertThatThrownBy(() -> SecretOption.parse("password=hunter2", Map.<String, String>of()::get))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("secret: 'password' is not NAME/KEY=env:VAR or NAME/KEY=file:PATH, e.g. db/password=env:DB_PASSWORD");
    }

    @Test
    void aValueTheShellExpandedByMistakeIsNeverEchoed() {
        // --secret db/password=env:$DB_PASSWORD, --secret db/password=file:$DB_PASSWORD, --secret "$DB_PASSWORD"
        for (String spec : List.of("db/password=env:s3cr3t-Val!", "db/password=file:s3cr3t-Val!", "s3cr3t-Val!")) {
            assertThatThrownBy(() -> SecretOption.parse(spec, Map.<String, String>of()::get))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageStartingWith("secret: ")
                    .message().doesNotContain("s3cr3t");
        }
        assertThatThrownBy(() -> SecretOption.parse("db/password=env:s3cr3t-Val!", Map.<String, String>of()::get))
                .hasMessageContaining("quote the option so that the shell does not expand it");
    }

    @Test
    void durationsAndQuotas() {
        assertThat(Quota.DEFAULT.with("quota", "cpu=4,memory=8Gi,pods=40")).isEqualTo(new Quota("4", "8Gi", 40));
        assertThat(Quota.DEFAULT.with("quota", "pods=5")).isEqualTo(new Quota(Quota.DEFAULT.cpu(), Quota.DEFAULT.memory(), 5));
        assertThatThrownBy(() -> Quota.DEFAULT.with("quota", "pods=many")).hasMessageStartingWith("quota: pods 'many' is not a positive whole number");
    }

    @Test
    void versionIsTheProjectVersion() {
        CommandRun version = CommandRun.of("--version");
        assertThat(version.exitCode()).isZero();
        assertThat(version.out().strip()).matches("branch-deploy \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?");
    }

    @Test
    void helpTextsSayWhatEachCommandTakesAndShows() {
        assertThat(CommandRun.of("name", "--help").out()).contains("--app=APP").contains("--branch=BRANCH").doesNotContain("<app>");
        String teardown = CommandRun.of("teardown", "--help").out();
        assertThat(teardown).contains("Also drop the environment's database branch").doesNotContain("Database state of the environment's own");
        assertThat(CommandRun.of("deploy", "--help").out()).contains("--seed-connections=block|terminate")
                .contains("--seed-wait=DURATION").contains("--database-host=HOST[:PORT]");
        assertThat(CommandRun.of("diff", "--help").out()).contains("--commit=SHA").contains("--source-namespace=NAMESPACE")
                .contains("--var=NAME=VALUE");
        assertThat(CommandRun.of("list", "--help").out()).contains("--output json adds the commit");
    }

    @Test
    void aMalformedVarNamesTheOptionOnce() {
        CommandRun run = CommandRun.of("diff", "--app", "shop", "--branch", "main", "--var", "TAG");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("option '--var'").doesNotContain("option option");
    }
}
