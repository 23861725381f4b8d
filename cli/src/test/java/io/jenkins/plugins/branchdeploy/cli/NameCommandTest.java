package io.jenkins.plugins.branchdeploy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class NameCommandTest {

    @Test
    void printsNamesAsJson() throws Exception {
        CommandRun run = CommandRun.of("name", "--app", "yourapp", "--branch", "feature-auth", "--domain", "example.dev", "--output", "json");

        assertThat(run.exitCode()).isZero();
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertThat(json.get("environment").asText()).isEqualTo("feature-auth");
        assertThat(json.get("namespace").asText()).isEqualTo("yourapp-feature-auth");
        assertThat(json.get("host").asText()).isEqualTo("feature-auth--yourapp.example.dev");
        assertThat(json.get("url").asText()).isEqualTo("https://feature-auth--yourapp.example.dev");
        assertThat(json.get("helmRelease").asText()).isEqualTo("yourapp-feature-auth");
    }

    @Test
    void pullRequestAndTemplatesAsText() {
        CommandRun run = CommandRun.of("name", "--app", "shop", "--branch", "feature/x", "--change", "42",
                "--domain", "preview.example.com", "--namespace-template", "preview-{branch}", "--host-template", "{branch}.{app}.{domain}");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("environment  pr-42").contains("namespace    preview-pr-42").contains("host         pr-42.shop.preview.example.com");
    }

    @Test
    void badInputIsExitCodeTwoWithOneLineNamingTheField() {
        CommandRun run = CommandRun.of("name", "--app", "yourapp", "--branch", "///");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err().strip()).startsWith("branch-deploy: branch: '///' has no letter or digit").doesNotContain("\n");
    }

    @Test
    void badChangeNumberAndMissingOptionAreBadInput() {
        assertThat(CommandRun.of("name", "--app", "a", "--branch", "b", "--change", "abc").err()).contains("change: 'abc' is not a pull request number");
        CommandRun missing = CommandRun.of("name", "--app", "a");
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err().strip()).contains("--branch").doesNotContain("\n");
    }
}
