package com.lavish.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Remembers which process serves a data directory, so a start after a crash (when the JVM that owned the
 * process died without stopping it) first ends the orphan instead of failing on a busy port or a locked directory.
 */
final class PidFile {

    private static final Logger LOG = Logger.getLogger(PidFile.class);

    private final Path file;

    PidFile(Path file) {
        this.file = file;
    }

    void write(long pid) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, Long.toString(pid));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void delete() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.debugf("could not delete %s: %s", file, e.getMessage());
        }
    }

    /** Ends the process the file names, if it still runs and was started for {@code marker} (a data directory). */
    void endOrphan(String marker) {
        endOrphan(marker, false);
    }

    /** As {@link #endOrphan(String)}; {@code forcibly} ends it at once, as a crash would. */
    void endOrphan(String marker, boolean forcibly) {
        Optional<ProcessHandle> orphan = readPid()
                .flatMap(ProcessHandle::of)
                .filter(ProcessHandle::isAlive)
                .filter(p -> commandLine(p).contains(marker));
        orphan.ifPresent(p -> {
            LOG.warnf("ending process %d (%s)", p.pid(), marker);
            if (forcibly) {
                p.destroyForcibly();
            } else {
                p.destroy();
            }
            try {
                p.onExit().get(Duration.ofSeconds(20).toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
            } catch (Exception e) {
                p.destroyForcibly();
            }
        });
        delete();
    }

    private Optional<Long> readPid() {
        try {
            // the first line: Postgres's postmaster.pid has more lines after it
            return Files.exists(file)
                    ? Optional.of(Long.parseLong(Files.readAllLines(file).get(0).trim()))
                    : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The full command line: /proc on Linux, since ProcessHandle.Info truncates it there. */
    private static String commandLine(ProcessHandle process) {
        try {
            return Files.readString(Path.of("/proc", Long.toString(process.pid()), "cmdline"))
                    .replace('\0', ' ');
        } catch (IOException e) {
            return process.info().commandLine().orElse("");
        }
    }
}
