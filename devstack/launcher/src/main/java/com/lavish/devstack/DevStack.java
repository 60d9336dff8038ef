package com.lavish.devstack;

import com.lavish.events.Topics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * The suite's infrastructure: embedded Postgres, Redis, Kafka and a mail server (GreenMail) by default, or the real
 * servers the environment names ({@code KAFKA_BOOTSTRAP_SERVERS}, {@code QUARKUS_DATASOURCE_*},
 * {@code QUARKUS_REDIS_HOSTS}, {@code QUARKUS_MAILER_HOST}). Either way every topic of the event contract,
 * dead-letter topics included, exists once it has started.
 */
public final class DevStack implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(DevStack.class);
    /** The sender of the local run's mail: a domain of no one's (.test is reserved, RFC 2606), so no reply leaves. */
    static final String LOCAL_SENDER = "Lavish Library <hello@lavish-library.test>";

    private final Settings settings;
    private final Map<String, String> environment;
    private final Map<Component, AutoCloseable> started = new EnumMap<>(Component.class);
    /** What this instance started itself, and so stops. */
    private final Set<Component> owned = EnumSet.noneOf(Component.class);

    private PostgresServer postgres;
    private RedisServer redis;
    private KafkaBroker kafka;
    private MailServer mail;

    /**
     * @param home         where the servers keep their data
     * @param keepData     keep data across starts (the local run) or start clean (tests)
     * @param partitions   partitions per topic: consumers scale up to this many replicas
     * @param adoptRunning a server already listening on its port was started by this JVM for these settings
     *                     (through another class loader): use it rather than start a second one
     */
    public record Settings(
            Path home,
            boolean keepData,
            int postgresPort,
            int redisPort,
            int kafkaPort,
            int kafkaControllerPort,
            int smtpPort,
            int imapPort,
            int partitions,
            boolean adoptRunning) {

        /** Fixed ports and data kept under {@code home}: what the local run uses. */
        public static Settings localRun(Path home) {
            return new Settings(home, true, 15432, 16379, 19092, 19093, 2525, 3143, 6, false);
        }

        /** Free ports and a fresh temporary directory: what each test JVM uses. */
        public static Settings tests() {
            try {
                return new Settings(
                        Files.createTempDirectory("devstack-"),
                        false,
                        FreePort.pick(),
                        FreePort.pick(),
                        FreePort.pick(),
                        FreePort.pick(),
                        FreePort.pick(),
                        FreePort.pick(),
                        3,
                        false);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    public DevStack(Settings settings, Map<String, String> environment) {
        this.settings = settings;
        this.environment = Map.copyOf(environment);
    }

    /** Starts the components not yet started that the environment does not already provide. */
    public synchronized DevStack start(Set<Component> components) {
        for (Component component : components) {
            if (started.containsKey(component) || component.configuredIn(environment)) {
                continue;
            }
            long begin = System.nanoTime();
            boolean adopt = settings.adoptRunning() && FreePort.isListening(portOf(component));
            AutoCloseable server = switch (component) {
                case POSTGRES ->
                    postgres = new PostgresServer(
                            settings.postgresPort(), settings.home().resolve("postgres"), settings.keepData());
                case REDIS ->
                    redis = new RedisServer(
                            settings.redisPort(), settings.home().resolve("redis"), settings.keepData());
                case KAFKA ->
                    kafka = new KafkaBroker(
                            settings.kafkaPort(),
                            settings.kafkaControllerPort(),
                            settings.home().resolve("kafka"));
                case MAIL -> mail = new MailServer(settings.smtpPort(), settings.imapPort());
            };
            started.put(component, server);
            if (adopt) {
                continue; // its starter stops it
            }
            switch (component) {
                case POSTGRES -> postgres.start();
                case REDIS -> redis.start();
                case KAFKA -> kafka.start();
                case MAIL -> mail.start();
            }
            owned.add(component);
            LOG.infof("devstack: %s up in %d ms", component, (System.nanoTime() - begin) / 1_000_000);
        }
        if (components.contains(Component.KAFKA)) {
            KafkaBroker.createTopics(kafkaBootstrapServers(), Topics.allWithDeadLetters(), settings.partitions());
        }
        return this;
    }

    private int portOf(Component component) {
        return switch (component) {
            case POSTGRES -> settings.postgresPort();
            case REDIS -> settings.redisPort();
            case KAFKA -> settings.kafkaPort();
            case MAIL -> settings.smtpPort();
        };
    }

    public String kafkaBootstrapServers() {
        return kafka != null ? kafka.bootstrapServers() : environment.get("KAFKA_BOOTSTRAP_SERVERS");
    }

    /** The embedded broker, when devstack runs one: tests kill and restart it. */
    public Optional<KafkaBroker> embeddedKafka() {
        return Optional.ofNullable(kafka);
    }

    /** The embedded database, when devstack runs one: tests stop, start and freeze it. */
    public Optional<PostgresServer> embeddedPostgres() {
        return Optional.ofNullable(postgres);
    }

    /** The embedded mail server, when devstack runs one: where its mailboxes are read over IMAP. */
    public Optional<MailServer> embeddedMail() {
        return Optional.ofNullable(mail);
    }

    static IllegalStateException noEmbeddedKafka() {
        return new IllegalStateException("KAFKA_BOOTSTRAP_SERVERS names a real broker: devstack runs none to stop");
    }

    /** Configuration for a Quarkus service, by property name, for what devstack started itself. */
    public synchronized Map<String, String> quarkusConfig() {
        Map<String, String> config = new LinkedHashMap<>();
        if (postgres != null) {
            config.putAll(postgres.quarkusConfig());
        }
        if (redis != null) {
            config.put("quarkus.redis.hosts", redis.hosts());
        }
        if (kafka != null) {
            config.put("kafka.bootstrap.servers", kafka.bootstrapServers());
        }
        if (mail != null) {
            config.put("quarkus.mailer.host", mail.host());
            config.put("quarkus.mailer.port", Integer.toString(mail.smtpPort()));
        }
        return Collections.unmodifiableMap(config);
    }

    /** The same configuration as environment variables, for services started as processes by the local run. */
    public synchronized Map<String, String> environmentVariables() {
        Map<String, String> variables = new LinkedHashMap<>();
        quarkusConfig()
                .forEach((property, value) -> variables.put(
                        property.toUpperCase(java.util.Locale.ROOT)
                                .replace('.', '_')
                                .replace('-', '_'),
                        value));
        if (mail != null) {
            // the local run's sender; a service's tests keep their own, and a real server comes with its operator's
            variables.put("QUARKUS_MAILER_FROM", LOCAL_SENDER);
            // the services run in Quarkus' production profile, where the mailer sends; said anyway, so a local
            // run never keeps its mail in a mock mailbox that nobody reads
            variables.put("QUARKUS_MAILER_MOCK", "false");
            // for people and the demo: where the mailboxes are read (login and password: the recipient's address)
            variables.put("DEVSTACK_IMAP_URL", "imap://" + mail.host() + ":" + mail.imapPort());
        }
        return variables;
    }

    @Override
    public synchronized void close() {
        // reverse order of start: consumers of Kafka and Postgres go first in real life, the servers last
        owned.stream().sorted(Collections.reverseOrder()).forEach(c -> {
            try {
                started.get(c).close();
            } catch (Exception e) {
                LOG.warnf("devstack: %s did not stop cleanly: %s", c, e.getMessage());
            }
        });
        owned.clear();
        started.clear();
    }
}
