package com.lavish.devstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lavish.events.Topics;
import jakarta.mail.Folder;
import jakarta.mail.Session;
import jakarta.mail.Store;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DevStackTest {

    static DevStack stack;

    @BeforeAll
    static void start() {
        stack = new DevStack(DevStack.Settings.tests(), Map.of()).start(Component.parse(null));
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    @Test
    void postgresIsARealPostgresSeventeen() throws Exception {
        Map<String, String> config = stack.quarkusConfig();
        try (Connection c = DriverManager.getConnection(config.get("quarkus.datasource.jdbc.url"), "postgres", "");
                ResultSet rs = c.createStatement().executeQuery("show server_version")) {
            rs.next();
            assertTrue(rs.getString(1).startsWith("17."), rs.getString(1));
        }
    }

    @Test
    void redisAnswersPing() throws Exception {
        URI uri = URI.create(stack.quarkusConfig().get("quarkus.redis.hosts"));
        try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
            OutputStream out = socket.getOutputStream();
            out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String reply = new BufferedReader(new InputStreamReader(socket.getInputStream())).readLine();
            assertEquals("+PONG", reply);
        }
    }

    @Test
    void aMessageSentToTheSmtpPortIsReadBackOverImapWithTheRecipientsAddressAsLoginAndPassword() throws Exception {
        Map<String, String> config = stack.quarkusConfig();
        String recipient = "ada.reader@example.com";
        try (Socket socket =
                new Socket(config.get("quarkus.mailer.host"), Integer.parseInt(config.get("quarkus.mailer.port")))) {
            BufferedReader in =
                    new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
            OutputStream out = socket.getOutputStream();
            assertTrue(smtpReply(in).startsWith("220"), "the server's greeting");
            for (String line : List.of(
                    "HELO devstack-test",
                    "MAIL FROM:<hello@lavish-library.test>",
                    "RCPT TO:<" + recipient + ">",
                    "DATA")) {
                out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
                out.flush();
                String reply = smtpReply(in);
                assertTrue(reply.startsWith("2") || reply.startsWith("354"), line + " -> " + reply);
            }
            out.write(("Subject: Your box is on its way\r\nTo: " + recipient + "\r\n\r\nHello Ada.\r\n.\r\nQUIT\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String accepted = smtpReply(in);
            assertTrue(accepted.startsWith("250"), "the message is accepted: " + accepted);
        }

        MailServer mail = stack.embeddedMail().orElseThrow();
        Properties imap = new Properties();
        imap.put("mail.imap.host", mail.host());
        imap.put("mail.imap.port", Integer.toString(mail.imapPort()));
        try (Store store = Session.getInstance(imap).getStore("imap")) {
            store.connect(recipient, recipient);
            try (Folder inbox = store.getFolder("INBOX")) {
                inbox.open(Folder.READ_ONLY);
                assertEquals(1, inbox.getMessageCount());
                assertEquals("Your box is on its way", inbox.getMessage(1).getSubject());
            }
        }
    }

    // a reply may span lines ("250-..."): its last line has a space after the code
    private static String smtpReply(BufferedReader in) throws java.io.IOException {
        String line = in.readLine();
        while (line != null && line.length() > 3 && line.charAt(3) == '-') {
            line = in.readLine();
        }
        return String.valueOf(line);
    }

    @Test
    void theEnvironmentOfTheLocalRunNamesTheMailServerAndItsSender() {
        Map<String, String> variables = stack.environmentVariables();

        assertEquals("127.0.0.1", variables.get("QUARKUS_MAILER_HOST"));
        assertEquals(
                Integer.toString(stack.embeddedMail().orElseThrow().smtpPort()), variables.get("QUARKUS_MAILER_PORT"));
        assertEquals(DevStack.LOCAL_SENDER, variables.get("QUARKUS_MAILER_FROM"));
    }

    @Test
    void aConfiguredMailServerTakesPrecedenceOverTheEmbeddedOne() {
        try (DevStack configured = new DevStack(
                        DevStack.Settings.tests(), Map.of("QUARKUS_MAILER_HOST", "smtp.example.com"))
                .start(Set.of(Component.MAIL))) {
            assertTrue(configured.embeddedMail().isEmpty());
            assertTrue(
                    configured.environmentVariables().isEmpty(),
                    configured.environmentVariables().toString());
        }
    }

    @Test
    void everyContractTopicAndItsDeadLetterTopicExistsWithSeveralPartitions() throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", stack.kafkaBootstrapServers()))) {
            Set<String> names = admin.listTopics().names().get(10, TimeUnit.SECONDS);
            assertTrue(names.containsAll(Topics.allWithDeadLetters()), names.toString());
            int partitions = admin.describeTopics(List.of(Topics.CUSTOMERS))
                    .allTopicNames()
                    .get()
                    .get(Topics.CUSTOMERS)
                    .partitions()
                    .size();
            assertEquals(3, partitions);
        }
    }

    @Test
    void aRecordWrittenBeforeTheBrokerIsKilledIsReadAfterItRestarts() {
        String bootstrap = stack.kafkaBootstrapServers();
        try (var producer = new KafkaProducer<String, String>(
                Map.of("bootstrap.servers", bootstrap, "acks", "all"),
                new StringSerializer(),
                new StringSerializer())) {
            producer.send(new ProducerRecord<>(Topics.UNROUTED, "shop/1", "kept"))
                    .get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        KafkaBroker broker = stack.embeddedKafka().orElseThrow();
        broker.kill();
        broker.start();
        try (var consumer = new KafkaConsumer<String, String>(
                Map.of("bootstrap.servers", bootstrap, "group.id", "devstack-test", "auto.offset.reset", "earliest"),
                new StringDeserializer(),
                new StringDeserializer())) {
            consumer.subscribe(List.of(Topics.UNROUTED));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (System.nanoTime() < deadline) {
                ConsumerRecords<String, String> records = consumer.poll(Duration.ofMillis(500));
                for (var record : records) {
                    if ("kept".equals(record.value())) {
                        return;
                    }
                }
            }
            throw new AssertionError("the record did not survive the broker's restart");
        }
    }
}
