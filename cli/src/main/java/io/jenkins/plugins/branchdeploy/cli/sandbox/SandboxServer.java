package io.jenkins.plugins.branchdeploy.cli.sandbox;

import io.jenkins.plugins.branchdeploy.engine.InvalidInputException;
import io.jenkins.plugins.branchdeploy.engine.request.ApplyWith;
import io.jenkins.plugins.branchdeploy.sandbox.SandboxCluster;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code branch-deploy sandbox --serve}: keeps a sandbox Kubernetes API up and writes a kubeconfig
 * for it, so that every other command can be tried against it. Runs until Ctrl-C or SIGTERM (or a
 * given lifetime, or an interrupt), then stops the API server and removes the kubeconfig. Its
 * stand-in for Argo CD applies {@code file://} repositories of this machine.
 */
public final class SandboxServer {

    /**
     * How every kubeconfig the sandbox writes starts, followed by the process that serves it: how it
     * knows it may replace one (the sandbox of that process is gone).
     */
    static final String KUBECONFIG_HEADER = "# Written by branch-deploy sandbox --serve, process ";

    private static final Pattern OWNER = Pattern.compile(Pattern.quote(KUBECONFIG_HEADER) + "(\\d+)");

    private final Path kubeconfig;
    private final PrintWriter out;
    private final CountDownLatch stopRequested = new CountDownLatch(1);
    private final AtomicBoolean stopped = new AtomicBoolean();
    private final CountDownLatch stopDone = new CountDownLatch(1);
    private SandboxCluster cluster;
    private String written;

    /**
     * @param kubeconfig the file to write; an existing file is replaced only if a sandbox that has
     *     stopped wrote it
     * @throws InvalidInputException when the file exists and is someone's own kubeconfig, or a running
     *     sandbox's
     */
    public SandboxServer(Path kubeconfig, PrintWriter out) {
        if (Files.exists(kubeconfig)) {
            long owner = ownerOf(kubeconfig);
            if (owner < 0) {
                throw new InvalidInputException("kubeconfig", kubeconfig + " exists and the sandbox did not write it; "
                        + "give a new file, e.g. --kubeconfig sandbox.kubeconfig");
            }
            if (ProcessHandle.of(owner).map(ProcessHandle::isAlive).orElse(false)) {
                throw new InvalidInputException("kubeconfig", kubeconfig + " belongs to the sandbox running as process " + owner
                        + "; use that one, stop it (kill " + owner + "), or give another file, e.g. --kubeconfig sandbox2.kubeconfig");
            }
        }
        this.kubeconfig = kubeconfig;
        this.out = out;
    }

    /**
     * Serves until the process is stopped, {@code lifetime} has passed, or this thread is interrupted.
     *
     * @param lifetime how long to serve at most, or {@code null} for as long as the process runs
     */
    public void serve(Duration lifetime) throws IOException {
        cluster = SandboxCluster.start();
        cluster.installArgoCd(ApplyWith.ArgoCd.DEFAULT_NAMESPACE); // for --apply-with argocd --repo-url file://...
        Thread onShutdown = new Thread(this::stop, "branch-deploy sandbox shutdown");
        Runtime.getRuntime().addShutdownHook(onShutdown);
        boolean interrupted = false;
        try {
            writeKubeconfig();
            printInstructions();
            interrupted = !awaitStop(lifetime);
        } finally {
            stop();
            try {
                Runtime.getRuntime().removeShutdownHook(onShutdown);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running or has run: it stopped the sandbox
            }
        }
        if (interrupted) {
            // stopping the API server waits for its threads, so the interrupt is passed on only now
            Thread.currentThread().interrupt();
        }
    }

    /** Writes the whole file under another name first, so that no one reads half a kubeconfig. */
    private void writeKubeconfig() throws IOException {
        Path absolute = kubeconfig.toAbsolutePath();
        Path partial = Files.createTempFile(absolute.getParent(), ".sandbox", ".kubeconfig");
        written = KUBECONFIG_HEADER + ProcessHandle.current().pid() + "; removed when it stops.\n" + cluster.kubeconfig();
        Files.writeString(partial, written);
        Files.move(partial, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Waits for a stop request or the end of the lifetime; {@code false} when interrupted instead. */
    private boolean awaitStop(Duration lifetime) {
        try {
            if (lifetime == null) {
                stopRequested.await();
            } else {
                stopRequested.await(lifetime.toMillis(), TimeUnit.MILLISECONDS);
            }
            return true;
        } catch (InterruptedException e) {
            return false;
        }
    }

    private void printInstructions() {
        String config = " --kubeconfig " + kubeconfig;
        out.println(SandboxWalkthrough.SIMULATED);
        out.println("API server  " + cluster.url());
        out.println("Kubeconfig  " + kubeconfig.toAbsolutePath() + " (context sandbox)");
        out.println();
        out.println("Try it from another terminal, in the project directory:");
        out.println("  export SHOP_DB_PASSWORD=any-password");
        out.println("  java -jar cli/target/branch-deploy.jar deploy" + config + " --app shop --branch feature/cart \\");
        out.println("      --manifests docs/examples/shop --domain preview.example.dev --var IMAGE_TAG=1.4.2 \\");
        out.println("      --secret shop-db/password=env:SHOP_DB_PASSWORD");
        out.println("  java -jar cli/target/branch-deploy.jar list" + config);
        out.println("  java -jar cli/target/branch-deploy.jar teardown" + config + " --app shop --branch feature/cart");
        out.println();
        out.println("Stop it with Ctrl-C (or kill " + ProcessHandle.current().pid() + "); the kubeconfig is removed then.");
        out.flush();
    }

    /**
     * Stops the API server and removes the kubeconfig if it still holds what this sandbox wrote; once,
     * whichever of the shutdown hook or {@link #serve} comes first.
     */
    private void stop() {
        stopRequested.countDown();
        if (cluster == null) {
            return;
        }
        if (!stopped.compareAndSet(false, true)) {
            // the shutdown hook must not return before the other thread's stop is done: the JVM
            // halts when the hooks have run, and would cut that stop off halfway
            awaitStopDone();
            return;
        }
        try {
            cluster.close();
            if (stillOurs()) {
                Files.deleteIfExists(kubeconfig);
                out.println("Sandbox stopped; removed " + kubeconfig);
            } else {
                out.println("Sandbox stopped; left " + kubeconfig + ", which someone else has written since");
            }
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            stopDone.countDown();
        }
    }

    private void awaitStopDone() {
        boolean interrupted = false;
        while (true) {
            try {
                stopDone.await();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private boolean stillOurs() {
        try {
            return written != null && Files.isRegularFile(kubeconfig) && Files.readString(kubeconfig).equals(written);
        } catch (IOException e) {
            return false;
        }
    }

    /** The process of the sandbox that wrote the file, or -1 when no sandbox wrote it. */
    private static long ownerOf(Path file) {
        try {
            Matcher owner = OWNER.matcher(Files.isRegularFile(file) ? Files.readString(file) : "");
            return owner.lookingAt() ? Long.parseLong(owner.group(1)) : -1;
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
    }
}
