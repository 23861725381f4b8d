package io.jenkins.plugins.branchdeploy.engine.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.branchdeploy.engine.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeployHistoryJsonTest {

    @Test
    void aFullHistoryRoundTripsAsCompactJsonThatFitsAnAnnotation() {
        DeployHistory history = DeployHistory.empty();
        for (int i = 1; i <= 50; i++) {
            history = history.record(DeployHistoryTest.deploy(i, i % 3 != 0));
        }

        String json = DeployHistoryJson.write(history);

        assertThat(DeployHistoryJson.read(json, DeployHistory.DEFAULT_LIMIT)).isEqualTo(history);
        assertThat(json).doesNotContain("\n", "\": ", ", \"").startsWith("{\"v\":1,");
        // an annotation may hold 256 KiB across all of a namespace's annotations
        assertThat(json.getBytes(StandardCharsets.UTF_8).length).isLessThan(16 * 1024);
    }

    @Test
    void optionalFieldsStayAbsent() {
        DeployHistory history = DeployHistory.empty().record(new DeployRecord(null, DeployHistoryTest.OPENED, null, true, null, null));

        String json = DeployHistoryJson.write(history);

        assertThat(json).doesNotContain("commit", "reason", "url", "null");
        assertThat(DeployHistoryJson.read(json, 5)).isEqualTo(history.withLimit(5));
    }

    @Test
    void readingWithASmallerLimitKeepsTheNewest() {
        DeployHistory history = DeployHistory.empty().record(DeployHistoryTest.deploy(1, true)).record(DeployHistoryTest.deploy(2, false));

        DeployHistory read = DeployHistoryJson.read(DeployHistoryJson.write(history), 1);

        assertThat(read.entries()).extracting(DeployRecord::commit).containsExactly("c2");
        assertThat(read.firstDeployAt()).isEqualTo(history.firstDeployAt());
    }

    @Test
    void nothingStoredIsAnEmptyHistory() {
        assertThat(DeployHistoryJson.read(null, 20)).isEqualTo(DeployHistory.empty());
        assertThat(DeployHistoryJson.read("  ", 20).entries()).isEmpty();
    }

    @Test
    void somethingElseIsRefusedWithoutEchoingIt() {
        for (String stored : List.of("{not json", "[1,2]", "{\"v\":2,\"deploys\":[]}",
                "{\"v\":1,\"deploys\":[{\"at\":\"yesterday\"}]}", "{\"v\":1,\"deploys\":[{\"ok\":true}]}")) {
            assertThatThrownBy(() -> DeployHistoryJson.read(stored, 20))
                    .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.getField()).isEqualTo("history"))
                    .message().doesNotContain(stored);
        }
    }
}
