package io.jenkins.plugins.branchdeploy.engine.lifecycle;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The one gate every teardown of an installation passes, whoever asks for it: dry run lets none
 * through, the {@link BurstBrake} holds those past its window and remembers them for cleanup to
 * retry. One gate serves one cluster of an installation on one controller (or one command-line
 * run), so that all paths share its window; the gates of an installation's other clusters share it
 * too ({@link #sharingWindow}), each keeping its own held teardowns, since a namespace name is unique
 * only within its cluster.
 */
public final class TeardownGate {

    private final Clock clock;
    private final TeardownWindow window;
    private final Object lock;
    private final Map<String, HeldTeardown> held = new LinkedHashMap<>();

    public TeardownGate(Clock clock) {
        this(Objects.requireNonNull(clock, "clock"), new TeardownWindow(), new Object());
    }

    private TeardownGate(Clock clock, TeardownWindow window, Object lock) {
        this.clock = clock;
        this.window = window;
        this.lock = lock;
    }

    /** A gate for another cluster: its own held teardowns, this gate's burst window. */
    public TeardownGate sharingWindow() {
        return new TeardownGate(clock, window, lock);
    }

    /**
     * Asks to tear down the environment in {@code namespace}.
     *
     * @param policy its dry run and burst brake
     * @return whether to go ahead; a granted teardown must be reported back with {@link #finished}
     */
    public Admission admit(String namespace, TeardownCause cause, String reason, CleanupPolicy policy) {
        synchronized (lock) {
            if (policy.dryRun()) {
                return new Admission.DryRun("dry run: would teardown " + namespace + ": " + reason);
            }
            Instant now = clock.instant();
            if (!window.take(now, policy.burstBrake())) {
                HeldTeardown hold = held.computeIfAbsent(namespace,
                        n -> new HeldTeardown(n, cause, reason, now, policy.burstBrake().description()));
                return new Admission.Held(hold);
            }
            return new Admission.Granted(namespace, now);
        }
    }

    /**
     * Reports a granted teardown's end; it is no longer held.
     *
     * @param deleted whether it deleted an environment; one that found nothing gives its place in the window back
     */
    public void finished(Admission.Granted granted, boolean deleted) {
        synchronized (lock) {
            held.remove(granted.namespace());
            if (!deleted) {
                window.giveBack(granted.at());
            }
        }
    }

    /** Forgets a held teardown that is no longer wanted (the environment is gone, or its branch is live again). */
    public void forget(String namespace) {
        synchronized (lock) {
            held.remove(namespace);
        }
    }

    /** Forgets the held teardowns of every namespace but {@code namespaces}. */
    public void keepOnly(Collection<String> namespaces) {
        synchronized (lock) {
            held.keySet().retainAll(namespaces);
        }
    }

    /** The teardowns held now, oldest first. */
    public List<HeldTeardown> held() {
        synchronized (lock) {
            return new ArrayList<>(held.values());
        }
    }

    public Optional<HeldTeardown> held(String namespace) {
        synchronized (lock) {
            return Optional.ofNullable(held.get(namespace));
        }
    }

    /** How many teardowns the window of {@code brake} counts now. */
    public int recentTeardowns(BurstBrake brake) {
        synchronized (lock) {
            return window.size(clock.instant(), brake);
        }
    }

    /** When {@code brake} admits a teardown again; now when it has room, {@link Instant#MAX} when it admits none. */
    public Instant roomAt(BurstBrake brake) {
        synchronized (lock) {
            return window.roomAt(clock.instant(), brake);
        }
    }

    /** What the gate said to one teardown. */
    public sealed interface Admission {

        /** Go ahead; report the end with {@link TeardownGate#finished}. */
        record Granted(String namespace, Instant at) implements Admission {}

        /** Dry run: tear down nothing. */
        record DryRun(String message) implements Admission {}

        /** The burst brake held it; cleanup retries it. */
        record Held(HeldTeardown teardown) implements Admission {}
    }
}
