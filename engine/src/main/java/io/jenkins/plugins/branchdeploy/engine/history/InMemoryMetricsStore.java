package io.jenkins.plugins.branchdeploy.engine.history;

import java.util.function.UnaryOperator;

/** Counters that live as long as this object: for runs whose counts need not outlive them, like the sandbox. */
public final class InMemoryMetricsStore implements MetricsStore {

    private InstallationCounters counters = InstallationCounters.NONE;

    @Override
    public synchronized InstallationCounters read() {
        return counters;
    }

    @Override
    public synchronized InstallationCounters update(UnaryOperator<InstallationCounters> change) {
        counters = change.apply(counters);
        return counters;
    }

    @Override
    public String toString() {
        return "metrics in memory";
    }
}
