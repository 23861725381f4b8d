package io.jenkins.plugins.branchdeploy.cli;

import java.time.Duration;

/**
 * Ends the selector threads of the JDK's HTTP clients, for a process about to exit. A selector
 * thread waits for network events inside native code, and at exit the JVM waits up to 300 ms for
 * each thread in native code to come back before it ends the process; Java 17's client has no
 * {@code close()} that would end the thread. So every command that talked to a cluster ended
 * 0.3 s after its work. An interrupted selector thread stops its client and returns.
 */
final class HttpSelectorThreads {

    /** How the JDK's client names its selector thread: {@code HttpClient-<n>-SelectorManager}. */
    static final String NAME_SUFFIX = "-SelectorManager";

    private static final Duration PATIENCE = Duration.ofSeconds(1);

    private HttpSelectorThreads() {}

    /** Interrupts every selector thread and waits a little for each to end; for the last thing before exiting. */
    static void stop() {
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (thread.getName().startsWith("HttpClient-") && thread.getName().endsWith(NAME_SUFFIX)) {
                thread.interrupt();
                try {
                    thread.join(PATIENCE.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }
}
