package io.jenkins.plugins.branchdeploy.engine.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.branchdeploy.engine.InvalidInputException;
import io.jenkins.plugins.branchdeploy.engine.ProgressListener;
import java.sql.SQLException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AdminConnectionTest {

    @Test
    void parsesAPostgresqlUrlWithAPercentEncodedPassword() {
        AdminConnection admin = AdminConnection.parse("postgresql://admin:p%40ss%3Aw%2Frd@db.example.dev:6543/branches?sslmode=require");

        assertThat(admin.host()).isEqualTo("db.example.dev");
        assertThat(admin.port()).isEqualTo(6543);
        assertThat(admin.database()).isEqualTo("branches");
        assertThat(admin.user()).isEqualTo("admin");
        assertThat(admin.sslMode()).isEqualTo("require");
        assertThat(admin.scrub("login with p@ss:w/rd or p%40ss%3Aw%2Frd")).isEqualTo("login with **** or ****");
    }

    @Test
    void defaultsLikeLibpq() {
        AdminConnection admin = AdminConnection.parse("postgres://admin@localhost");
        assertThat(admin.port()).isEqualTo(5432);
        assertThat(admin.database()).isEqualTo("admin");
    }

    @Test
    void parsesAJdbcUrlWithCredentialsInTheQuery() {
        AdminConnection admin = AdminConnection.parse("jdbc:postgresql://127.0.0.1:5433/postgres?user=admin&password=s3cret");
        assertThat(admin.user()).isEqualTo("admin");
        assertThat(admin.toString()).isEqualTo("postgresql://admin@127.0.0.1:5433/postgres");
    }

    @Test
    void toStringNeverShowsThePassword() {
        AdminConnection admin = AdminConnection.parse("postgresql://admin:s3cret@db:5432/postgres");
        assertThat(admin.toString()).isEqualTo("postgresql://admin@db:5432/postgres").doesNotContain("s3cret");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "mysql://admin:s3cret@db/x", "postgresql://admin:s3cret@/x", "postgresql://:s3cret@db/x",
        "postgresql://admin:s3cret#x@db/x", "postgresql://admin:s3cret%zz@db/x", "postgresql://admin:s3cret@db:99999/x"})
    void badUrlsNameTheFieldAndNeverEchoThePassword(String url) {
        assertThatThrownBy(() -> AdminConnection.parse(url))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.getField()).isEqualTo("databaseAdmin"))
                .hasMessageNotContaining("s3cret");
    }

    @Test
    @EnabledIfEnvironmentVariable(named = PostgresServer.VARIABLE, matches = ".+", disabledReason = PostgresServer.ABSENT)
    void aRefusedLoginIsExplainedWithoutThePassword() {
        AdminConnection server = PostgresServer.admin();
        String password = "wrong-" + PostgresServer.unique("");
        AdminConnection wrong = new AdminConnection(server.host(), server.port(), server.database(), server.user(), password, Map.of());

        assertThatThrownBy(() -> new DatabaseBranches(wrong).drop(PostgresServer.environment("shop", "main"), ProgressListener.SILENT))
                .isInstanceOf(DatabaseBranchException.class)
                .hasMessageContaining("refused the admin login of " + server.user())
                .hasMessageNotContaining(password)
                .cause().isInstanceOf(SQLException.class).hasMessageNotContaining(password);
    }
}
