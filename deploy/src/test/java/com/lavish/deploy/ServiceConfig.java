package com.lavish.deploy;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A service's configuration as its application.properties (and the defaults of the shared modules it depends on)
 * declares it: its port, its Kafka channels, and the environment it needs in production.
 */
record ServiceConfig(String service, Properties properties) {

    /** Shared modules whose META-INF/microprofile-config.properties a service inherits when it depends on them. */
    private static final List<String> SHARED = List.of("event-consumer", "service-edge");

    private static final Pattern REQUIRED_ENV = Pattern.compile("\\$\\{([A-Z0-9_]+)}");
    private static final Pattern INCOMING = Pattern.compile("mp\\.messaging\\.incoming\\.([^.]+)\\.connector");

    /**
     * One Kafka channel a service consumes.
     *
     * @param deadLetterTopic where its records that cannot be applied go: {@code <topic>.dlq}, written by
     *                        event-consumer's pipeline (or the connector's own dead-letter strategy, where set)
     * @param offsetReset     where its consumers start on a partition the group has no offset for (auto.offset.reset:
     *                        the channel's, else the connector's, else Kafka's default, latest)
     */
    record Incoming(
            String channel, String topic, String group, int concurrency, String deadLetterTopic, String offsetReset) {}

    static ServiceConfig of(String service) {
        Path module = Suite.ROOT.resolve(service);
        Properties properties = new Properties();
        String pom = Suite.read(module.resolve("pom.xml"));
        for (String shared : SHARED) {
            if (pom.contains("<artifactId>" + shared + "</artifactId>")) {
                load(
                        properties,
                        Suite.ROOT.resolve(shared + "/src/main/resources/META-INF/microprofile-config.properties"));
            }
        }
        load(properties, module.resolve("src/main/resources/application.properties"));
        return new ServiceConfig(service, properties);
    }

    /** Whether the service consumes through event-consumer's pipeline (its defaults are in these properties). */
    private boolean usesEventConsumer() {
        return properties.containsKey("event-consumer.pipeline.schema");
    }

    int httpPort() {
        return Integer.parseInt(properties.getProperty("quarkus.http.port"));
    }

    /** The port of /q/health, /q/metrics and /q/openapi; none (0) when they share the HTTP port. */
    int managementPort() {
        return Boolean.parseBoolean(properties.getProperty("quarkus.management.enabled"))
                ? Integer.parseInt(properties.getProperty("quarkus.management.port", "9000"))
                : 0;
    }

    List<Incoming> incoming() {
        List<Incoming> channels = new ArrayList<>();
        for (String key : new TreeSet<>(properties.stringPropertyNames())) {
            Matcher m = INCOMING.matcher(key);
            if (m.matches() && "smallrye-kafka".equals(properties.getProperty(key))) {
                String prefix = "mp.messaging.incoming." + m.group(1) + ".";
                String topic = properties.getProperty(prefix + "topic", m.group(1));
                channels.add(new Incoming(
                        m.group(1),
                        topic,
                        properties.getProperty(prefix + "group.id", properties.getProperty("quarkus.application.name")),
                        Integer.parseInt(properties.getProperty(prefix + "concurrency", "1")),
                        properties.getProperty(
                                prefix + "dead-letter-queue.topic",
                                usesEventConsumer() ? com.lavish.events.Topics.deadLetterOf(topic) : null),
                        properties.getProperty(
                                prefix + "auto.offset.reset",
                                properties.getProperty(
                                        "mp.messaging.connector.smallrye-kafka.auto.offset.reset", "latest"))));
            }
        }
        return channels;
    }

    /** The topics whose dead letters the admin lists and replays (event-consumer.dead-letters.topics). */
    List<String> deadLetterAdminTopics() {
        String topics = properties.getProperty("event-consumer.dead-letters.topics", "");
        return topics.isBlank() ? List.of() : List.of(topics.split(","));
    }

    /**
     * The environment production must supply: every {@code ${NAME}} without a default, and every setting that only
     * the %dev profile gives a value (the local run's value stands in for the operator's), by its environment name.
     */
    Set<String> requiredEnvironment() {
        Set<String> names = new TreeSet<>();
        for (String key : properties.stringPropertyNames()) {
            String value = properties.getProperty(key);
            if (!key.startsWith("%")) {
                Matcher m = REQUIRED_ENV.matcher(value);
                while (m.find()) {
                    names.add(m.group(1));
                }
            } else if (key.startsWith("%dev.") && !properties.containsKey(key.substring("%dev.".length()))) {
                names.add(environmentName(key.substring("%dev.".length())));
            }
        }
        return names;
    }

    /** MicroProfile Config's environment name of a property: non-alphanumerics to _, upper case. */
    static String environmentName(String property) {
        return property.replaceAll("[^A-Za-z0-9]", "_").toUpperCase();
    }

    private static void load(Properties properties, Path file) {
        try {
            properties.load(new StringReader(Files.readString(file)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
