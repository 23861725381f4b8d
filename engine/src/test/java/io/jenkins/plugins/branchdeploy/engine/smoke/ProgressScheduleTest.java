package io.jenkins.plugins.branchdeploy.engine.smoke;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ProgressScheduleTest {

    private static final Duration INTERVAL = Duration.ofSeconds(10);
    private static final Duration LONGEST_ATTEMPT = Duration.ofSeconds(7);

    @Test
    void reportsAreNeverFurtherApartThanTheIntervalWhateverTheAttemptsTake() {
        Random random = new Random(42);
        for (int run = 0; run < 200; run++) {
            ProgressSchedule schedule = new ProgressSchedule(INTERVAL, LONGEST_ATTEMPT);
            List<Long> reports = new ArrayList<>();
            long now = 0;
            for (int attempt = 0; attempt < 100; attempt++) {
                now += (long) (random.nextDouble() * LONGEST_ATTEMPT.toNanos());
                if (schedule.due(now)) {
                    reports.add(now);
                }
            }
            assertThat(reports.get(0)).as("the first failed attempt is reported").isLessThanOrEqualTo(LONGEST_ATTEMPT.toNanos());
            for (int i = 1; i < reports.size(); i++) {
                assertThat(reports.get(i) - reports.get(i - 1)).isLessThanOrEqualTo(INTERVAL.toNanos());
            }
            assertThat(now - reports.get(reports.size() - 1)).isLessThanOrEqualTo(INTERVAL.toNanos());
        }
    }

    @Test
    void quickAttemptsAreNotEachReported() {
        ProgressSchedule schedule = new ProgressSchedule(INTERVAL, Duration.ofSeconds(1));
        long second = Duration.ofSeconds(1).toNanos();
        int reported = 0;
        for (int i = 1; i <= 60; i++) {
            reported += schedule.due(i * second) ? 1 : 0;
        }

        assertThat(reported).as("at 1 s, then each time 9 s have passed: 1, 10, 19, 28, 37, 46, 55").isEqualTo(7);
    }
}
