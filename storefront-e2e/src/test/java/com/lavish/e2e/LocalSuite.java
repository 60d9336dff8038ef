package com.lavish.e2e;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The local run, started once for every test class that extends with it: {@code deploy/local/run.sh --no-demo}, the
 * way a person starts the suite (real PostgreSQL, Redis and Kafka, every service, the API gateway on 8080 and
 * shopify-fake's storefront on 8090), with its state under {@code target/devstack}, fresh each run. Session tokens live 20 s here, so
 * a test sees one expire. Stopped (SIGTERM, which run.sh turns into a stop of everything it started) when the tests
 * end. Its output is in {@code target/local-suite.log}. {@code -De2e.running-suite=true} uses a suite already running
 * instead (started as above, with {@code STOREFRONT_SESSION_LIFETIME=20s}), for a quick round while changing a page.
 */
public final class LocalSuite implements BeforeAllCallback {

    /** What a session token lives in this run (customer-service's storefront.session.lifetime). */
    static final Duration TOKEN_LIFETIME = Duration.ofSeconds(20);

    private static final Duration START_TIMEOUT = Duration.ofMinutes(6);

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getRoot()
                .getStore(ExtensionContext.Namespace.GLOBAL)
                .computeIfAbsent(Running.class, key -> Running.start(), Running.class);
    }

    /** The running suite; JUnit closes it after the last test. */
    static final class Running implements AutoCloseable {

        private final Process process;

        private Running(Process process) {
            this.process = process;
        }

        static Running start() {
            if (Boolean.getBoolean("e2e.running-suite")) {
                // -De2e.running-suite=true: a suite a person started with run.sh (token lifetime 20 s, say) is used
                return new Running(null);
            }
            Path module = Path.of("").toAbsolutePath();
            Path root = module.getParent();
            Path target = module.resolve("target");
            for (String artifact : List.of(
                    "shopify-fake/target/shopify-fake.classpath",
                    "devstack/launcher/target/devstack.classpath",
                    "customer-service/target/quarkus-app/quarkus-run.jar")) {
                if (!Files.exists(root.resolve(artifact))) {
                    throw new IllegalStateException(artifact + " is missing: build the suite first (./mvnw install "
                            + "-DskipTests), or run these tests within ./mvnw verify");
                }
            }
            for (int port : new int[] {8080, 8090}) {
                if (listening(port)) {
                    throw new IllegalStateException("port " + port + " is taken: another run of the suite? These tests "
                            + "start their own; stop it first");
                }
            }
            try {
                Files.createDirectories(target);
                // a fresh database each run: Shopify's fake starts empty and hands out the same ids again, which a
                // database kept from an earlier run already holds for other records
                deleteRecursively(target.resolve("devstack"));
                Path log = target.resolve("local-suite.log");
                ProcessBuilder builder = new ProcessBuilder("bash", "deploy/local/run.sh", "--no-demo")
                        .directory(root.toFile())
                        .redirectErrorStream(true)
                        .redirectOutput(log.toFile());
                builder.environment()
                        .put("DEVSTACK_HOME", target.resolve("devstack").toString());
                builder.environment().put("STOREFRONT_SESSION_LIFETIME", TOKEN_LIFETIME.toSeconds() + "s");
                Process process = builder.start();
                Running running = new Running(process);
                Instant deadline = Instant.now().plus(START_TIMEOUT);
                while (!Files.readString(log).contains("The suite runs")) {
                    if (!process.isAlive() || Instant.now().isAfter(deadline)) {
                        running.close();
                        throw new IllegalStateException("the local suite did not start; see " + log + " and "
                                + target.resolve("devstack/logs"));
                    }
                    Thread.sleep(500);
                }
                return running;
            } catch (IOException e) {
                throw new IllegalStateException("cannot start the local suite: " + e.getMessage(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while the local suite started", e);
            }
        }

        @Override
        public void close() {
            if (process == null) {
                return;
            }
            process.destroy();
            try {
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    process.descendants().forEach(ProcessHandle::destroyForcibly);
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
        }

        private static void deleteRecursively(Path folder) throws IOException {
            if (Files.exists(folder)) {
                try (var paths = Files.walk(folder)) {
                    for (Path path :
                            paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                        Files.delete(path);
                    }
                }
            }
        }

        private static boolean listening(int port) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return true;
            } catch (IOException e) {
                return false;
            }
        }
    }
}
