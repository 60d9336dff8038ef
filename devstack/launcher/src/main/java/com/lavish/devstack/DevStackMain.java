package com.lavish.devstack;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import org.jboss.logging.Logger;

/**
 * The local run's infrastructure: {@code DevStackMain [--home DIR] [--env-file FILE] [--components LIST]}.
 * Starts what the environment does not provide, writes the settings for the services as a shell file of
 * {@code export} lines, and keeps running until it is stopped (Ctrl-C or SIGTERM), which stops the servers.
 * A second start while one runs exits with status 3; a start after a crash ends the orphans first.
 */
public final class DevStackMain {

    private static final Logger LOG = Logger.getLogger(DevStackMain.class);
    static final int ALREADY_RUNNING = 3;

    private DevStackMain() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> options = Options.parse(args, Set.of("home", "env-file", "components"));
        Path home = Path.of(options.getOrDefault("home", ".devstack")).toAbsolutePath();
        Path envFile = Path.of(
                        options.getOrDefault("env-file", home.resolve("env").toString()))
                .toAbsolutePath();
        Files.createDirectories(home);

        try (FileChannel lockChannel = FileChannel.open(
                        home.resolve("devstack.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock lock = lockChannel.tryLock()) {
            if (lock == null) {
                LOG.errorf("devstack already runs for %s; its settings are in %s", home, envFile);
                System.exit(ALREADY_RUNNING);
            }
            Files.deleteIfExists(envFile);
            DevStack stack = new DevStack(DevStack.Settings.localRun(home), System.getenv());
            CountDownLatch stopped = new CountDownLatch(1);
            Runtime.getRuntime()
                    .addShutdownHook(new Thread(
                            () -> {
                                stack.close();
                                stopped.countDown();
                            },
                            "devstack-stop"));
            stack.start(Component.parse(options.get("components")));
            writeEnvFile(envFile, stack.environmentVariables());
            LOG.infof("devstack ready; settings for the services in %s", envFile);
            stopped.await();
        }
    }

    private static void writeEnvFile(Path envFile, Map<String, String> variables) throws IOException {
        StringBuilder text = new StringBuilder("# written by devstack; source it to reach the local infrastructure\n");
        variables.forEach((name, value) -> text.append("export ")
                .append(name)
                .append("='")
                .append(value.replace("'", "'\\''"))
                .append("'\n"));
        Path partial = envFile.resolveSibling(envFile.getFileName() + ".partial");
        Files.writeString(partial, text);
        // the run script waits for the file: it must appear whole
        Files.move(partial, envFile, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
}
