package io.jenkins.plugins.branchdeploy.engine.database;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.branchdeploy.engine.request.SecretEntry;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class DatabaseBranchTest {

    private final DatabaseBranch branch =
            new DatabaseBranch("db.internal", 5432, "shop__main", null, "shop__main", "Pa55word", "require", true);

    @Test
    void secretEntriesHoldTheUrlAndItsParts() {
        assertThat(branch.secretEntries()).containsExactly(
                new SecretEntry("database", "DATABASE_URL", "postgresql://shop__main:Pa55word@db.internal:5432/shop__main?sslmode=require"),
                new SecretEntry("database", "PGHOST", "db.internal"),
                new SecretEntry("database", "PGPORT", "5432"),
                new SecretEntry("database", "PGDATABASE", "shop__main"),
                new SecretEntry("database", "PGUSER", "shop__main"),
                new SecretEntry("database", "PGPASSWORD", "Pa55word"));
    }

    @Test
    void theUrlEscapesWhatAUrlCannotHoldAndParsesBack() {
        DatabaseBranch odd = new DatabaseBranch("db", 5432, "my db", "s", "u@x", "p:w/d?#%", null, true);
        AdminConnection parsed = AdminConnection.parse(odd.url());
        assertThat(parsed.database()).isEqualTo("my db");
        assertThat(parsed.user()).isEqualTo("u@x");
        assertThat(parsed.scrub("p:w/d?#%")).isEqualTo("****");
    }

    @Test
    void toStringNeverShowsThePassword() {
        assertThat(branch.toString()).isEqualTo("DatabaseBranch[shop__main@db.internal:5432/shop__main, created]")
                .doesNotContain("Pa55word");
        assertThat(branch.secretEntries().toString()).doesNotContain("Pa55word");
    }

    @Test
    void failuresAreNamedBySqlStateWithThePasswordScrubbed() {
        AdminConnection admin = AdminConnection.parse("postgresql://admin:s3cret@db:5432/postgres");

        assertThat(SqlFailure.of("copying seed database prod", new SQLException("could not extend file: No space left on device", "53100"), admin))
                .hasMessage("copying seed database prod failed: the database server is out of disk space"
                        + " (SQLSTATE 53100: could not extend file: No space left on device)");
        assertThat(SqlFailure.of("creating role x", new SQLException("permission denied to create role", "42501"), admin))
                .hasMessageContaining("permission denied; the admin role admin needs CREATEDB and CREATEROLE");
        assertThat(SqlFailure.of("connecting", new SQLException("password s3cret rejected\ndetail", "08001"), admin))
                .hasMessage("connecting failed: cannot reach the database server at db:5432 (SQLSTATE 08001: password **** rejected)")
                .cause().hasMessageNotContaining("s3cret");
    }
}
