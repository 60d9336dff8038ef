package com.lavish.notifications;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javax.sql.DataSource;

import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import com.lavish.devstack.DatabaseRows;
import com.lavish.devstack.SharedDevStack;
import com.lavish.events.ShopifyEvent;
import com.lavish.events.Topics;
import com.lavish.events.subscription.SubscriptionEvent;
import com.lavish.events.subscription.SubscriptionEventType;
import com.lavish.events.subscription.SubscriptionEvents;

/**
 * What the tests need around the service: customer webhooks and privacy requests published as the webhook gateway
 * does, subscription events published as subscription-service's relay does, and a look into the message log.
 */
final class NotificationFixture implements AutoCloseable {

    static final String SHOP = "lavish-test.myshopify.com";

    private final KafkaProducer<String, byte[]> producer;
    private final DataSource database;

    NotificationFixture(DataSource database) {
        this.database = database;
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedDevStack.get().kafkaBootstrapServers());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        producer = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
    }

    /** A customer id no other test uses: tests share one database per JVM. */
    static long newCustomerId() {
        return ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_000_000_000_000L);
    }

    /** An address of its own for a test, so its emails are told apart from the others'. */
    static String newAddress(String domain) {
        return "reader-" + UUID.randomUUID().toString().substring(0, 8) + "@" + domain;
    }

    /** customers/create as Shopify sends it (the fields this service reads, and some it does not). */
    void customerCreated(long id, String email, String firstName, String locale) {
        String body = """
                {"id":%d,"email":"%s","created_at":"2026-01-01T10:00:00+11:00","updated_at":"%s",\
                "first_name":"%s","last_name":"Reader","state":"enabled","verified_email":true,"currency":"AUD",\
                "phone":null,"locale":"%s","tax_exempt":false,"addresses":[]}""".formatted(id, email,
                Instant.now().toString(), firstName, locale);
        ShopifyEvent event = new ShopifyEvent(UUID.randomUUID().toString(), "customers/create", SHOP,
                Instant.now().toString(), Long.toString(id), "2026-07", UUID.randomUUID().toString(),
                body.getBytes(StandardCharsets.UTF_8));
        publish(Topics.CUSTOMERS, event.recordKey().toString(), event.payload(), event.toHeaders());
    }

    /** customers/redact as Shopify's webhook reference shows it. */
    void customerRedacted(long id) {
        String body = """
                {"shop_id":954889,"shop_domain":"%s","customer":{"id":%d,"email":"john@example.com",\
                "phone":"555-625-1199"},"orders_to_redact":[299938]}""".formatted(SHOP, id);
        ShopifyEvent event = new ShopifyEvent(UUID.randomUUID().toString(), "customers/redact", SHOP,
                Instant.now().toString(), Long.toString(id), "2026-07", UUID.randomUUID().toString(),
                body.getBytes(StandardCharsets.UTF_8));
        publish(Topics.COMPLIANCE, event.recordKey().toString(), event.payload(), event.toHeaders());
    }

    /** An event of the type for the customer's contract, with a box of two lines costing A$26.96. */
    static SubscriptionEvent event(SubscriptionEventType type, long customerId) {
        SubscriptionEvent.Contract contract = new SubscriptionEvent.Contract("active", "2026-12-05T00:00:00Z",
                "Monthly mystery box", "month", 1, "AUD", List.of(
                new SubscriptionEvent.Line("The Left Hand of Darkness", "Paperback", 1, new BigDecimal("19.99")),
                new SubscriptionEvent.Line("Bookmark set", null, 1, new BigDecimal("6.97"))));
        // CONTRACT_CREATED fills the contract only (SubscriptionEventType): the email adds the box up itself
        SubscriptionEvent.Billing billing = type == SubscriptionEventType.CONTRACT_CREATED ? null
                : new SubscriptionEvent.Billing("2026-12-05T00:00:00Z", new BigDecimal("26.96"), "AUD", null);
        SubscriptionEvent.Dunning dunning = type == SubscriptionEventType.BILLING_FAILED
                ? new SubscriptionEvent.Dunning("card_declined", 1, "2026-12-08T00:00:00Z", null) : null;
        return new SubscriptionEvent(UUID.randomUUID().toString(), type, SHOP, newCustomerId(), customerId,
                Instant.now().toString(), contract, billing, dunning);
    }

    void publish(SubscriptionEvent event) {
        publish(Topics.SUBSCRIPTION_EVENTS, event.recordKey().toString(), SubscriptionEvents.write(event),
                SubscriptionEvents.headers(event));
    }

    private void publish(String topic, String key, byte[] value, Headers headers) {
        try {
            producer.send(new ProducerRecord<>(topic, null, key, value, headers)).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("publish to " + topic + " failed", e);
        }
    }

    /** Whether the recipient is stored (their webhook applied). */
    boolean recipientKnown(long customerId) {
        return !rows("select customer_id from notification.recipient where shop_domain = ? and customer_id = ?"
                + " and email is not null", SHOP, customerId).isEmpty();
    }

    /** Whether the event's ce_id is in the ledger: it was consumed, whatever it made. */
    boolean appliedEvent(String eventId) {
        return !rows("select event_id from notification.applied_event where event_id = ?", eventId).isEmpty();
    }

    /** The message log's rows of an event (the event's own and its resends). */
    List<Map<String, Object>> messages(String eventId) {
        return rows("select * from notification.message where event_id like ? order by id", eventId + "%");
    }

    /** The customer's rows in the message log. */
    List<Map<String, Object>> messagesOf(long customerId) {
        return rows("select * from notification.message where shop_domain = ? and customer_id = ?", SHOP,
                customerId);
    }

    Map<String, Object> recipient(long customerId) {
        List<Map<String, Object>> rows = rows(
                "select * from notification.recipient where shop_domain = ? and customer_id = ?", SHOP, customerId);
        return rows.isEmpty() ? null : rows.get(0);
    }

    private List<Map<String, Object>> rows(String sql, Object... parameters) {
        return DatabaseRows.of(database, sql, parameters);
    }

    /** The decoded text of one part (text/plain or text/html) of a received email. */
    static String part(MimeMessage message, String type) {
        try {
            Object content = message.getContent();
            if (content instanceof Multipart multipart) {
                return part(multipart, type);
            }
            return message.isMimeType(type) ? content.toString() : null;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String part(Multipart multipart, String type) throws Exception {
        for (int i = 0; i < multipart.getCount(); i++) {
            BodyPart part = multipart.getBodyPart(i);
            if (part.getContent() instanceof Multipart nested) {
                String found = part(nested, type);
                if (found != null) {
                    return found;
                }
            } else if (part.isMimeType(type)) {
                return part.getContent().toString();
            }
        }
        return null;
    }

    @Override
    public void close() {
        producer.close();
    }
}
