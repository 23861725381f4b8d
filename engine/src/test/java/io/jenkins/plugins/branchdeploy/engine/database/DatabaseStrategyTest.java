package io.jenkins.plugins.branchdeploy.engine.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.branchdeploy.engine.InvalidInputException;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class DatabaseStrategyTest {

    @Test
    void templateNamesTheSeedExactlyAndBlocksByDefault() {
        assertThat(DatabaseStrategy.parse("template:Shop Seed")).isEqualTo(
                new DatabaseStrategy.Template("Shop Seed", SeedConnections.BLOCK, DatabaseStrategy.DEFAULT_SEED_WAIT));
    }

    @Test
    void schemaNamesTheScript() {
        assertThat(DatabaseStrategy.parse("schema:db/seed.sql")).isEqualTo(new DatabaseStrategy.Schema(Path.of("db/seed.sql")));
    }

    @Test
    void seedConnectionsAndWaitCanBeChanged() {
        DatabaseStrategy.Template template = ((DatabaseStrategy.Template) DatabaseStrategy.parse("template:seed"))
                .withSeedConnections(SeedConnections.parse(" Terminate ")).withSeedWait(Duration.ofSeconds(5));
        assertThat(template.seedConnections()).isEqualTo(SeedConnections.TERMINATE);
        assertThat(template.seedWait()).hasSeconds(5);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {" ", "template", "template:", "schema:", "schema", "copy:seed", "TEMPLATE:seed",
        "template:seed_with_a_name_that_is_longer_than_postgresql_allows_for_any_identifier"})
    void badFormsNameTheDatabaseFieldAndTheFix(String spec) {
        assertThatThrownBy(() -> DatabaseStrategy.parse(spec))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.getField()).isEqualTo("database"))
                .hasMessageStartingWith("database: ")
                .hasMessageMatching("(?s).*(template:SEED|schema:PATH|63 bytes).*");
    }

    @Test
    void unknownSeedConnectionOptionsAreRefused() {
        assertThatThrownBy(() -> SeedConnections.parse("kill"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.getField()).isEqualTo("seedConnections"))
                .hasMessageContaining("block").hasMessageContaining("terminate");
    }
}
