package io.jenkins.plugins.branchdeploy.review;

import io.jenkins.plugins.branchdeploy.engine.history.ChangeLedger;
import io.jenkins.plugins.branchdeploy.engine.history.MetricsStore;
import io.jenkins.plugins.branchdeploy.engine.history.ReviewMetrics;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The review metrics as last read from the metrics store, read again at most every
 * {@link #FRESH_FOR}: a scrape reads a dozen gauges, and each would otherwise read the file.
 */
final class ReviewMetricsSnapshot {

    static final Duration FRESH_FOR = Duration.ofSeconds(30);

    private final Supplier<MetricsStore> store;
    private final Clock clock;
    private final Consumer<String> newApp;
    private final Set<String> knownApps = new HashSet<>();
    private ReviewMetrics installation = ReviewMetrics.of(List.of());
    private Map<String, ReviewMetrics> byApp = Map.of();
    private Instant readAt;

    /** @param newApp told of each app the first time a reading finds it */
    ReviewMetricsSnapshot(Supplier<MetricsStore> store, Clock clock, Consumer<String> newApp) {
        this.store = store;
        this.clock = clock;
        this.newApp = newApp;
    }

    synchronized ReviewMetrics installation() {
        refresh();
        return installation;
    }

    /** An app's figures; none counted (yet) when the app is unknown. */
    synchronized ReviewMetrics app(String app) {
        refresh();
        return byApp.getOrDefault(app, ReviewMetrics.of(List.of()));
    }

    /** Reads the store now, whatever the age of the last reading. */
    synchronized void refreshNow() {
        ChangeLedger ledger = store.get().read().changes();
        installation = ReviewMetrics.of(ledger.changes());
        byApp = ReviewMetrics.byApp(ledger);
        readAt = clock.instant();
        for (String app : byApp.keySet()) {
            if (knownApps.add(app)) {
                newApp.accept(app);
            }
        }
    }

    private void refresh() {
        if (readAt == null || !clock.instant().isBefore(readAt.plus(FRESH_FOR))) {
            refreshNow();
        }
    }
}
