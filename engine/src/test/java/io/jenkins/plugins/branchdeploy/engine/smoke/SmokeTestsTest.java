package io.jenkins.plugins.branchdeploy.engine.smoke;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.branchdeploy.engine.InvalidInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SmokeTestsTest {

    @Test
    void readsEveryFieldAndFillsTheDefaults() {
        var checks = SmokeTests.parse("smoke.yaml", """
                - path: /healthz
                - name: search
                  path: /api/search?q=shoes
                  method: post
                  expectStatus: 201
                  bodyContains: results
                  bodyMatches: '"count":\\s*\\d+'
                  maxLatency: 500ms
                  advisory: true
                - {path: /a, maxLatency: 2s}
                - {path: /b, maxLatency: 1m}
                """);

        assertThat(checks).containsExactly(
                new SmokeCheck("GET /healthz", "GET", "/healthz", 200, null, null, null, false),
                new SmokeCheck("search", "POST", "/api/search?q=shoes", 201, "results", "\"count\":\\s*\\d+",
                        Duration.ofMillis(500), true),
                new SmokeCheck("GET /a", "GET", "/a", 200, null, null, Duration.ofSeconds(2), false),
                new SmokeCheck("GET /b", "GET", "/b", 200, null, null, Duration.ofMinutes(1), false));
    }

    @Test
    void theDocumentedExampleIsValid() {
        assertThat(SmokeTests.read(Path.of("../docs/examples/smoke.yaml"))).isNotEmpty();
    }

    static Stream<Arguments> mistakes() {
        return Stream.of(
                Arguments.of("- {name: api, path: /x, expectStatus: ok}", "check 1 (api), field expectStatus"),
                Arguments.of("- {name: api, path: /x, expectStatus: 700}", "check 1 (api), field expectStatus"),
                Arguments.of("- {path: /ok}\n- {name: b, path: healthz}", "check 2 (b), field path"),
                Arguments.of("- {name: c, path: //elsewhere.example/x}", "check 1 (c), field path"),
                Arguments.of("- {name: d}", "check 1 (d), field path"),
                Arguments.of("- {name: e, path: /x, method: FETCH}", "check 1 (e), field method"),
                Arguments.of("- {name: f, path: /x, bodyMatches: '(unclosed'}", "check 1 (f), field bodyMatches"),
                Arguments.of("- {name: g, path: /x, maxLatency: fast}", "check 1 (g), field maxLatency"),
                Arguments.of("- {name: h, path: /x, advisory: maybe}", "check 1 (h), field advisory"),
                Arguments.of("- {name: i, path: /x, expectedStatus: 200}", "check 1 (i), field expectedStatus: is not a check field"),
                Arguments.of("- {name: j, path: [/x]}", "check 1 (j), field path"),
                Arguments.of("- just a string", "check 1 must be a mapping"),
                Arguments.of("path: /healthz", "must be a YAML list of checks"));
    }

    @ParameterizedTest
    @MethodSource("mistakes")
    void aMistakeNamesTheFileTheCheckAndTheField(String yaml, String expected) {
        assertThatThrownBy(() -> SmokeTests.parse("ci/smoke.yaml", yaml))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.getField()).isEqualTo("smoke"))
                .hasMessageStartingWith("smoke: ci/smoke.yaml")
                .hasMessageContaining(expected);
    }

    @Test
    void brokenYamlNamesTheFileAndLine(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("smoke.yaml");
        Files.writeString(file, "- path: /healthz\n- {name: x, path: /a\n");

        assertThatThrownBy(() -> SmokeTests.read(file))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining(file + " is not valid YAML at line");
    }

    @Test
    void aMissingFileIsNamed(@TempDir Path dir) {
        assertThatThrownBy(() -> SmokeTests.read(dir.resolve("nope.yaml")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("nope.yaml does not exist");
    }
}
