package io.jenkins.plugins.branchdeploy.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.branchdeploy.engine.InvalidInputException;
import io.jenkins.plugins.branchdeploy.engine.deploy.Quota;
import io.jenkins.plugins.branchdeploy.engine.deploy.SecretEntry;
import java.time.Duration;
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
    void durationsAndQuotas() {
        assertThat(DurationOption.parse("ttl", "3d")).isEqualTo(Duration.ofDays(3));
        assertThat(DurationOption.parse("timeout", "1h30m")).isEqualTo(Duration.ofMinutes(90));
        assertThat(DurationOption.parse("timeout", "90s")).isEqualTo(Duration.ofSeconds(90));
        assertThatThrownBy(() -> DurationOption.parse("ttl", "3 days")).hasMessage("ttl: '3 days' is not a duration; write e.g. 90s, 5m, 1h30m or 3d");

        assertThat(QuotaOption.parse("cpu=4,memory=8Gi,pods=40")).isEqualTo(new Quota("4", "8Gi", 40));
        assertThat(QuotaOption.parse("pods=5")).isEqualTo(new Quota(Quota.DEFAULT.cpu(), Quota.DEFAULT.memory(), 5));
        assertThatThrownBy(() -> QuotaOption.parse("pods=many")).hasMessage("quota: pods 'many' is not a number; write e.g. pods=20");
    }
}
