package io.jenkins.plugins.branchdeploy.engine.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.branchdeploy.engine.InvalidInputException;
import io.jenkins.plugins.branchdeploy.engine.lifecycle.TeardownCause;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileMetricsStoreTest {

    @TempDir
    Path home;

    @Test
    void nothingStoredYetCountsNothing() {
        assertThat(new FileMetricsStore(home.resolve("branch-deploy/metrics.json")).read()).isEqualTo(InstallationCounters.NONE);
    }

    @Test
    void countsSurviveANewStoreOnTheSameFile() {
        Path file = home.resolve("branch-deploy/metrics.json");
        MetricsStore store = new FileMetricsStore(file);
        store.recordDeploy(true);
        store.recordDeploy(false);
        store.recordTeardown(TeardownCause.CHANGE_CLOSED);
        store.recordTeardown(TeardownCause.CHANGE_CLOSED);
        store.recordTeardown(TeardownCause.TTL_EXPIRED);
        store.recordTimeToLiveUrl(Duration.ofSeconds(95));

        InstallationCounters counters = new FileMetricsStore(file).read();

        assertThat(counters.deploys()).isEqualTo(2);
        assertThat(counters.failures()).isEqualTo(1);
        assertThat(counters.teardownsByCause()).containsExactly(
                java.util.Map.entry("change-closed", 2L), java.util.Map.entry("ttl-expired", 1L));
        assertThat(counters.recentTimesToLiveUrl()).containsExactly(Duration.ofSeconds(95));
        assertThat(counters).isEqualTo(store.read());
    }

    @Test
    void concurrentUpdatesLoseNoCountAndLeaveNoTemporaryFile() throws Exception {
        Path file = home.resolve("metrics.json");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> runs = Stream.of(new FileMetricsStore(file), new FileMetricsStore(file))
                    .flatMap(store -> Stream.of(store, store))
                    .<Future<?>>map(store -> pool.submit(() -> {
                        for (int i = 0; i < 25; i++) {
                            store.recordDeploy(i % 5 != 0);
                        }
                    }))
                    .toList();
            for (Future<?> run : runs) {
                run.get();
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(new FileMetricsStore(file).read().deploys()).isEqualTo(100);
        assertThat(new FileMetricsStore(file).read().failures()).isEqualTo(20);
        try (Stream<Path> left = Files.list(home)) {
            assertThat(left.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("metrics.json", "metrics.json.lock");
        }
    }

    @Test
    void aFileThatIsNotOursIsRefusedByName() throws IOException {
        Path file = home.resolve("metrics.json");
        Files.writeString(file, "deploys=3");

        assertThatThrownBy(() -> new FileMetricsStore(file).read())
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.getField()).isEqualTo("metrics-file"))
                .hasMessageContaining(file.toString());
        assertThat(Files.readString(file)).as("left alone").isEqualTo("deploys=3");
    }

    @Test
    void onlyTheRecentTimesToLiveUrlAreKeptButAllAreCounted() {
        InstallationCounters counters = InstallationCounters.NONE;
        for (int i = 1; i <= InstallationCounters.RECENT_LIMIT + 5; i++) {
            counters = counters.withTimeToLiveUrl(Duration.ofSeconds(i));
        }

        assertThat(counters.timesToLiveUrl()).isEqualTo(InstallationCounters.RECENT_LIMIT + 5);
        assertThat(counters.recentTimesToLiveUrl()).hasSize(InstallationCounters.RECENT_LIMIT)
                .startsWith(Duration.ofSeconds(6)).endsWith(Duration.ofSeconds(InstallationCounters.RECENT_LIMIT + 5));
        long n = InstallationCounters.RECENT_LIMIT + 5;
        assertThat(counters.totalTimeToLiveUrl()).isEqualTo(Duration.ofSeconds(n * (n + 1) / 2));
    }
}
