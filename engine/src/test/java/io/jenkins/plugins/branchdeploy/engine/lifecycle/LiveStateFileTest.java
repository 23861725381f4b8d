package io.jenkins.plugins.branchdeploy.engine.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.branchdeploy.engine.InvalidInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LiveStateFileTest {

    @TempDir
    Path dir;

    private Path write(String json) throws IOException {
        return Files.writeString(dir.resolve("live.json"), json);
    }

    @Test
    void readsBranchesAndPullRequestStatesOfScannedApps() throws IOException {
        Path file = write("""
                {"apps": {
                  "shop": {"branches": ["main", "feature/x"], "changes": {"42": "open", "41": "merged", "40": "closed"}},
                  "Web API": {"branches": [], "changes": {}}
                }}
                """);

        ScmState state = LiveStateFile.read(file);

        assertThat(state.app("shop")).isEqualTo(new AppScan.Scanned(Set.of("main", "feature/x"),
                Map.of(42, ChangeState.OPEN, 41, ChangeState.MERGED, 40, ChangeState.CLOSED)));
        assertThat(state.app("web-api")).as("matched by the app slug the label holds")
                .isEqualTo(new AppScan.Scanned(Set.of(), Map.of()));
    }

    @Test
    void appsNotInTheFileAreUnknownAndTheReasonNamesTheFile() throws IOException {
        Path file = write("{\"apps\": {}}");

        assertThat(LiveStateFile.read(file).app("shop")).isEqualTo(new AppScan.Unknown("not in the live-state file " + file));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "{\"apps\": {\"shop\": {\"branches\": [], \"changes\": {\"41\": \"gone\"}}}} | $.apps.shop.changes.41: \"gone\" is not a pull request state; use \"open\", \"closed\" or \"merged\"",
        "{\"apps\": {\"shop\": {\"branches\": [], \"changes\": {\"41\": 1}}}} | $.apps.shop.changes.41: 1 is not a pull request state",
        "{\"apps\": {\"shop\": {\"branches\": [], \"changes\": {\"PR-41\": \"open\"}}}} | $.apps.shop.changes.PR-41: 'PR-41' is not a pull request number",
        "{\"apps\": {\"shop\": {\"branches\": [], \"changes\": {\"0\": \"open\"}}}} | $.apps.shop.changes.0: '0' is not a pull request number",
        "{\"apps\": {\"shop\": {\"branches\": [], \"changes\": {\"-4\": \"open\"}}}} | $.apps.shop.changes.-4: '-4' is not a pull request number",
        "{\"apps\": {\"shop\": {\"changes\": {}}}} | $.apps.shop.branches: must list every live branch",
        "{\"apps\": {\"shop\": {\"branches\": \"main\", \"changes\": {}}}} | $.apps.shop.branches: must list every live branch",
        "{\"apps\": {\"shop\": {\"branches\": [\"main\", 7], \"changes\": {}}}} | $.apps.shop.branches[1]: must be a branch name as a non-empty string, got 7",
        "{\"apps\": {\"shop\": {\"branches\": [\"\"], \"changes\": {}}}} | $.apps.shop.branches[0]: must be a branch name",
        "{\"apps\": {\"shop\": {\"branches\": []}}} | $.apps.shop.changes: is missing; it must be the state of every pull request",
        "{\"apps\": {\"my.shop\": {\"branches\": [], \"changes\": []}}} | $.apps[\"my.shop\"].changes: is array; it must be",
        "{\"apps\": {\"shop\": {\"branches\": [], \"changes\": {}, \"branch\": []}}} | $.apps.shop.branch: is not a known key; use branches and changes",
        "{\"apps\": {\"shop\": []}} | $.apps.shop: is array; it must be an object",
        "{\"app\": {}} | $.app: is not a known key; use apps",
        "{} | $.apps: is missing",
        "[] | $: must be an object",
        "{\"apps\": {\"Shop\": {\"branches\": [], \"changes\": {}}, \"shop\": {\"branches\": [], \"changes\": {}}}} | $.apps.shop: 'Shop' and 'shop' are the same app shop",
        "{\"apps\": {\"!!!\": {\"branches\": [], \"changes\": {}}}} | $.apps[\"!!!\"]: '!!!' has no letter or digit",
    })
    void badInputNamesTheFileAndTheJsonPath(String json, String message) throws IOException {
        Path file = write(json);

        assertThatThrownBy(() -> LiveStateFile.read(file))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith(file + " " + message);
    }

    @Test
    void duplicateKeysAreRefusedNotSilentlyOverwritten() throws IOException {
        Path file = write("{\"apps\": {\"shop\": {\"branches\": [], \"changes\": {\"41\": \"open\", \"41\": \"merged\"}}}}");

        assertThatThrownBy(() -> LiveStateFile.read(file))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith(file + ": is not valid JSON at line 1")
                .hasMessageContaining("Duplicate field '41'");
    }

    @Test
    void malformedJsonNamesLineAndColumn() throws IOException {
        Path file = write("{\"apps\": {\n  \"shop\": {\"branches\": [\"main\",]}\n}}");

        assertThatThrownBy(() -> LiveStateFile.read(file))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith(file + ": is not valid JSON at line 2, column ");
    }

    @Test
    void missingFileIsBadInput() {
        Path file = dir.resolve("absent.json");

        assertThatThrownBy(() -> LiveStateFile.read(file))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage(file + ": no such file; give the path of the live-state JSON file");
    }
}
