package com.lavish.devstack;

import com.lavish.devstack.kafka.ParentWatchingKafka;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.jboss.logging.Logger;

/**
 * One Apache Kafka node in KRaft mode (broker and controller), in a JVM of its own on Kafka's own jars, so that
 * its Scala and Jackson never meet a Quarkus classpath. The broker JVM halts when the JVM that started it dies.
 */
public final class KafkaBroker implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(KafkaBroker.class);
    private static final String CLUSTER_ID = "bGF2aXNoLWRldnN0YWNrAA";
    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(90);

    private final int port;
    private final int controllerPort;
    private final Path directory;
    private final PidFile pidFile;
    private Process process;

    KafkaBroker(int port, int controllerPort, Path directory) {
        this.port = port;
        this.controllerPort = controllerPort;
        this.directory = directory;
        this.pidFile = new PidFile(directory.resolve("kafka.pid"));
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    /** Starts the broker (formatting its log directory the first time) and waits until it answers. */
    public synchronized void start() {
        if (process != null && process.isAlive()) {
            return;
        }
        try {
            Files.createDirectories(directory);
            pidFile.endOrphan(directory.toString());
            Path config = writeConfig();
            Path logs = directory.resolve("logs");
            if (!Files.exists(logs.resolve("meta.properties"))) {
                run(
                        List.of(
                                "format",
                                "--cluster-id",
                                CLUSTER_ID,
                                "--config",
                                config.toString(),
                                "--ignore-formatted"),
                        "kafka.tools.StorageTool",
                        Duration.ofSeconds(60));
            }
            process = java(List.of(config.toString()), "kafka.Kafka", true).start();
            pidFile.write(process.pid());
            awaitReady();
        } catch (IOException e) {
            throw new UncheckedIOException("Kafka did not start on port " + port, e);
        }
    }

    /**
     * Ends the broker at once, as a crash would: for tests of what happens while Kafka is away. It also ends a
     * broker this JVM started through another class loader, which its pid file names.
     */
    public synchronized void kill() {
        if (process != null) {
            process.destroyForcibly();
            waitFor(process);
            process = null;
        } else {
            pidFile.endOrphan(directory.toString(), true);
        }
    }

    @Override
    public synchronized void close() {
        if (process != null) {
            process.destroy();
            if (!waitFor(process)) {
                process.destroyForcibly();
                waitFor(process);
            }
            process = null;
            pidFile.delete();
        }
    }

    /** Creates the topics that do not exist yet; those that do are left as they are. */
    public static void createTopics(String bootstrapServers, List<String> topics, int partitions) {
        try (Admin admin = Admin.create(adminConfig(bootstrapServers))) {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> missing = topics.stream()
                    .filter(t -> !existing.contains(t))
                    .map(t -> new NewTopic(t, partitions, (short) 1))
                    .collect(Collectors.toList());
            if (!missing.isEmpty()) {
                admin.createTopics(missing).all().get(60, TimeUnit.SECONDS);
                LOG.infof("created %d topics with %d partitions on %s", missing.size(), partitions, bootstrapServers);
            }
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof org.apache.kafka.common.errors.TopicExistsException)) {
                throw new IllegalStateException("could not create topics on " + bootstrapServers, e.getCause());
            }
        } catch (Exception e) {
            throw new IllegalStateException("could not create topics on " + bootstrapServers, e);
        }
    }

    private void awaitReady() {
        Instant deadline = Instant.now().plus(STARTUP_TIMEOUT);
        try (Admin admin = Admin.create(adminConfig(bootstrapServers()))) {
            while (true) {
                if (!process.isAlive()) {
                    throw new IllegalStateException(
                            "Kafka exited with " + process.exitValue() + "; see " + directory.resolve("kafka.log"));
                }
                try {
                    admin.describeCluster().nodes().get(2, TimeUnit.SECONDS);
                    return;
                } catch (Exception notYet) {
                    if (Instant.now().isAfter(deadline)) {
                        throw new IllegalStateException("Kafka did not answer within " + STARTUP_TIMEOUT, notYet);
                    }
                }
            }
        }
    }

    private static Map<String, Object> adminConfig(String bootstrapServers) {
        return Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG,
                5000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
                10000,
                AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG,
                500);
    }

    private Path writeConfig() throws IOException {
        Properties p = new Properties();
        p.setProperty("process.roles", "broker,controller");
        p.setProperty("node.id", "1");
        p.setProperty("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        p.setProperty("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        p.setProperty("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        p.setProperty("controller.listener.names", "CONTROLLER");
        p.setProperty("inter.broker.listener.name", "PLAINTEXT");
        p.setProperty("listener.security.protocol.map", "CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT");
        p.setProperty("log.dirs", directory.resolve("logs").toString());
        p.setProperty("offsets.topic.replication.factor", "1");
        p.setProperty("offsets.topic.num.partitions", "5");
        p.setProperty("transaction.state.log.replication.factor", "1");
        p.setProperty("transaction.state.log.min.isr", "1");
        p.setProperty("share.coordinator.state.topic.replication.factor", "1");
        p.setProperty("share.coordinator.state.topic.min.isr", "1");
        p.setProperty("group.initial.rebalance.delay.ms", "0");
        // topics are created up front from the event contract; a typo must fail, not invent a topic
        p.setProperty("auto.create.topics.enable", "false");
        Path config = directory.resolve("server.properties");
        try (var out = Files.newBufferedWriter(config, StandardCharsets.UTF_8)) {
            p.store(out, "written by devstack");
        }
        Files.writeString(directory.resolve("log4j2.properties"), """
                rootLogger.level = INFO
                rootLogger.appenderRef.stdout.ref = STDOUT
                appender.stdout.type = Console
                appender.stdout.name = STDOUT
                appender.stdout.layout.type = PatternLayout
                appender.stdout.layout.pattern = [%d] %p %m (%c)%n
                logger.kafka.name = kafka
                logger.kafka.level = WARN
                logger.apache.name = org.apache.kafka
                logger.apache.level = WARN
                """);
        return config;
    }

    private void run(List<String> args, String mainClass, Duration timeout) throws IOException {
        Process tool = java(args, mainClass, false).start();
        try {
            if (!tool.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS) || tool.exitValue() != 0) {
                tool.destroyForcibly();
                throw new IllegalStateException(mainClass + " failed; see " + directory.resolve("kafka.log"));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * A JVM for the broker or for one of Kafka's tools. A tool runs for a second and compiles with C1 only, which
     * starts fastest; the broker runs for hours and gets the optimising compiler too, as a production broker does, so
     * that the CPU it takes from the services beside it on a small machine is what its work costs.
     */
    private ProcessBuilder java(List<String> args, String mainClass, boolean broker) {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(
                java,
                "-Xms64m",
                "-Xmx512m",
                "-XX:+UseSerialGC",
                broker ? "-XX:+TieredCompilation" : "-XX:TieredStopAtLevel=1",
                "-Djava.awt.headless=true",
                "-Dlog4j2.configurationFile=" + directory.resolve("log4j2.properties"),
                "-Ddevstack.parent.pid=" + ProcessHandle.current().pid(),
                "-Ddevstack.kafka.main=" + mainClass,
                "-Ddevstack.dir=" + directory,
                "-cp",
                brokerClasspath(),
                ParentWatchingKafka.class.getName()));
        command.addAll(args);
        return new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(
                        directory.resolve("kafka.log").toFile()));
    }

    /** Kafka's jars, as the kafka-runtime module resolved them, and the launcher class that watches this JVM. */
    private static String brokerClasspath() {
        try (InputStream in = KafkaBroker.class.getResourceAsStream("/devstack/kafka-broker.classpath")) {
            if (in == null) {
                throw new IllegalStateException("devstack-kafka-runtime is not on the classpath");
            }
            String jars = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
            String launcher = Path.of(ParentWatchingKafka.class
                            .getProtectionDomain()
                            .getCodeSource()
                            .getLocation()
                            .toURI())
                    .toString();
            return launcher + java.io.File.pathSeparator + jars;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean waitFor(Process p) {
        try {
            return p.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
