package io.jenkins.plugins.branchdeploy.engine.history;

import io.jenkins.plugins.branchdeploy.engine.InvalidInputException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.UnaryOperator;

/**
 * Keeps the counters in one small JSON file. A write goes to a temporary file in the same folder
 * that then replaces the old one in a single move, so a crash never leaves half a file; updates
 * hold a lock on a sibling {@code .lock} file, so a Jenkins controller and command-line runs on
 * the same machine do not lose each other's counts.
 */
public final class FileMetricsStore implements MetricsStore {

    private static final ConcurrentMap<Path, Object> IN_PROCESS_LOCKS = new ConcurrentHashMap<>();

    private final Path file;
    private final Path lockFile;

    /** @param file e.g. {@code $JENKINS_HOME/branch-deploy/metrics.json}; its folder is created when needed */
    public FileMetricsStore(Path file) {
        this.file = Objects.requireNonNull(file, "file").toAbsolutePath();
        this.lockFile = this.file.resolveSibling(this.file.getFileName() + ".lock");
    }

    @Override
    public InstallationCounters read() {
        if (!Files.exists(file)) {
            return InstallationCounters.NONE;
        }
        try {
            return InstallationCountersJson.read(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read metrics file " + file, e);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("metrics-file", file + " is not a metrics file (" + e.getMessage()
                    + "); move it aside to start counting afresh");
        }
    }

    @Override
    public InstallationCounters update(UnaryOperator<InstallationCounters> change) {
        // a file lock guards against other processes only; threads of this one queue up here first
        synchronized (IN_PROCESS_LOCKS.computeIfAbsent(file, f -> new Object())) {
            try {
                Files.createDirectories(file.getParent());
                try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
                    channel.lock(); // held until the channel closes
                    InstallationCounters next = change.apply(read());
                    write(InstallationCountersJson.write(next));
                    return next;
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot update metrics file " + file, e);
            }
        }
    }

    private void write(String json) throws IOException {
        Path temporary = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
        try {
            Files.writeString(temporary, json);
            try {
                Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    @Override
    public String toString() {
        return "metrics in " + file;
    }
}
