package io.jenkins.plugins.branchdeploy.engine.database;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.branchdeploy.engine.InvalidInputException;
import io.jenkins.plugins.branchdeploy.engine.branch.BranchRef;
import io.jenkins.plugins.branchdeploy.engine.naming.EnvironmentNames;
import io.jenkins.plugins.branchdeploy.engine.naming.NamingPolicy;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class DatabaseNameTest {

    /** Needs no quoting in psql, and PostgreSQL folds nothing in it. */
    private static final Pattern PLAIN_IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]*");

    private static final NamingPolicy NAMING = NamingPolicy.withDefaults("example.dev");

    private static String name(String app, String branch) {
        return DatabaseName.of(NAMING.names(BranchRef.of(app, branch)));
    }

    @Test
    void joinsAppAndEnvironmentIntoAPlainIdentifier() {
        assertThat(name("shop", "main")).isEqualTo("shop__main");
        assertThat(name("web-api", "feature/auth")).isEqualTo("web_api__feature_auth_j371xi");
    }

    @Test
    void appsAndEnvironmentsThatWouldRunTogetherStayApart() {
        assertThat(name("a-b", "c")).isNotEqualTo(name("a", "b-c"));
    }

    @Test
    void namesThatWouldTakePostgresqlsReservedPrefixStartWithAnUnderscore() {
        assertThat(name("pg", "main")).isEqualTo("_pg__main");
        assertThat(name("pg-admin", "main")).isEqualTo("_pg_admin__main");
        assertThat(name("pgadmin", "main")).isEqualTo("pgadmin__main");
    }

    @Test
    void longNamesAreShortenedToSixtyThreeBytesKeepingAStableHash() {
        String longest = name("a".repeat(NamingPolicy.MAX_APP), "feature/" + "x".repeat(200));
        assertThat(longest).hasSize(DatabaseName.MAX_BYTES).startsWith("a".repeat(40) + "__feature_xxx").matches(".*_[a-z0-9]{6}");
        assertThat(name("a".repeat(NamingPolicy.MAX_APP), "feature/" + "x".repeat(200))).isEqualTo(longest);
        assertThat(name("a".repeat(NamingPolicy.MAX_APP), "feature/" + "x".repeat(201))).isNotEqualTo(longest);
    }

    @Test
    void everyEnvironmentOfManyAppsGetsItsOwnValidName() {
        Random random = new Random(20261126L);
        String[] apps = {"shop", "pg", "pg-admin", "a-b", "a", "web-api", "x".repeat(NamingPolicy.MAX_APP), "a-b-c-d-e-f-g"};
        String alphabet = "abc-_/.Xé1 ";
        Map<String, EnvironmentNames> byName = new HashMap<>();
        for (int i = 0; i < 20_000; i++) {
            String app = apps[random.nextInt(apps.length)];
            StringBuilder branch = new StringBuilder("b");
            int length = random.nextInt(random.nextBoolean() ? 8 : 120);
            for (int c = 0; c < length; c++) {
                branch.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            EnvironmentNames names;
            try {
                names = NAMING.names(BranchRef.of(app, branch.toString()));
            } catch (InvalidInputException e) {
                continue;
            }
            String name = DatabaseName.of(names);
            assertThat(name.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(DatabaseName.MAX_BYTES);
            assertThat(name).matches(PLAIN_IDENTIFIER).doesNotStartWith("pg_");
            EnvironmentNames previous = byName.putIfAbsent(name, names);
            if (previous != null) {
                assertThat(previous.app() + "/" + previous.environment()).as(name)
                        .isEqualTo(names.app() + "/" + names.environment());
            }
        }
        assertThat(byName).hasSizeGreaterThan(5_000);
    }

    @Test
    void identifiersAreQuotedWithInnerQuotesDoubled() {
        assertThat(SqlText.identifier("shop__main")).isEqualTo("\"shop__main\"");
        assertThat(SqlText.identifier("Seed \"prod\"")).isEqualTo("\"Seed \"\"prod\"\"\"");
        assertThat(SqlText.literal("it's")).isEqualTo("'it''s'");
    }
}
