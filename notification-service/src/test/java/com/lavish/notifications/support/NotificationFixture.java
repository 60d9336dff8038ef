package com.lavish.notifications.support;

import com.lavish.devstack.DatabaseRows;
import com.lavish.events.Topics;
import com.lavish.events.subscription.SubscriptionEvent;
import com.lavish.events.subscription.SubscriptionEventType;
import com.lavish.events.subscription.SubscriptionEvents;
import com.lavish.testsupport.AppliedEvents;
import com.lavish.testsupport.EventPublisher;
import com.lavish.testsupport.TestShop;
import com.lavish.testsupport.Webhooks;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;

/**
 * What the tests need around the service: customer webhooks and privacy requests published as the webhook gateway
 * does, subscription events published as subscription-service's relay does, and a look into the message log.
 */
public final class NotificationFixture implements AutoCloseable {

    public static final String SHOP = TestShop.SHOP;

    private final EventPublisher publisher = new EventPublisher();
    private final DataSource database;
    private final AppliedEvents ledger;

    public NotificationFixture(DataSource database) {
        this.database = database;
        this.ledger = new AppliedEvents(database, "notification");
    }

    /** A customer id no other test uses: tests share one database per JVM. */
    public static long newCustomerId() {
        return ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_000_000_000_000L);
    }

    /** An address of its own for a test, so its emails are told apart from the others'. */
    public static String newAddress(String domain) {
        return "reader-" + UUID.randomUUID().toString().substring(0, 8) + "@" + domain;
    }

    /** customers/create as Shopify sends it (the fields this service reads, and some it does not). */
    public void customerCreated(long id, String email, String firstName, String locale) {
        String body = """
                {"id":%d,"email":"%s","created_at":"2026-01-01T10:00:00+11:00","updated_at":"%s",\
                "first_name":"%s","last_name":"Reader","state":"enabled","verified_email":true,"currency":"AUD",\
                "phone":null,"locale":"%s","tax_exempt":false,"addresses":[]}""".formatted(id, email, Instant.now().toString(), firstName, locale);
        publisher.publish(Topics.CUSTOMERS, Webhooks.event("customers/create", SHOP, id, body));
    }

    /** customers/redact as Shopify's webhook reference shows it. */
    public void customerRedacted(long id) {
        String body = """
                {"shop_id":954889,"shop_domain":"%s","customer":{"id":%d,"email":"john@example.com",\
                "phone":"555-625-1199"},"orders_to_redact":[299938]}""".formatted(SHOP, id);
        publisher.publish(Topics.COMPLIANCE, Webhooks.event("customers/redact", SHOP, id, body));
    }

    /** An event of the type for the customer's contract, with a box of two lines costing A$26.96. */
    public static SubscriptionEvent event(SubscriptionEventType type, long customerId) {
        SubscriptionEvent.Contract contract = new SubscriptionEvent.Contract(
                "active",
                "2026-12-05T00:00:00Z",
                "Monthly mystery box",
                "month",
                1,
                "AUD",
                List.of(
                        new SubscriptionEvent.Line(
                                "The Left Hand of Darkness", "Paperback", 1, new BigDecimal("19.99")),
                        new SubscriptionEvent.Line("Bookmark set", null, 1, new BigDecimal("6.97"))));
        // CONTRACT_CREATED fills the contract only (SubscriptionEventType): the email adds the box up itself
        SubscriptionEvent.Billing billing = type == SubscriptionEventType.CONTRACT_CREATED
                ? null
                : new SubscriptionEvent.Billing("2026-12-05T00:00:00Z", new BigDecimal("26.96"), "AUD", null);
        SubscriptionEvent.Dunning dunning = type == SubscriptionEventType.BILLING_FAILED
                ? new SubscriptionEvent.Dunning("card_declined", 1, "2026-12-08T00:00:00Z", null)
                : null;
        return new SubscriptionEvent(
                UUID.randomUUID().toString(),
                type,
                SHOP,
                newCustomerId(),
                customerId,
                Instant.now().toString(),
                contract,
                billing,
                dunning);
    }

    public void publish(SubscriptionEvent event) {
        publisher.publish(
                Topics.SUBSCRIPTION_EVENTS,
                event.recordKey().toString(),
                SubscriptionEvents.write(event),
                SubscriptionEvents.headers(event));
    }

    /** Whether the recipient is stored (their webhook applied). */
    public boolean recipientKnown(long customerId) {
        return !rows(
                        "select customer_id from notification.recipient where shop_domain = ? and customer_id = ?"
                                + " and email is not null",
                        SHOP,
                        customerId)
                .isEmpty();
    }

    /** Whether the event's ce_id is in the ledger: it was consumed, whatever it made. */
    public boolean appliedEvent(String eventId) {
        return ledger.applied(eventId);
    }

    /** The message log's rows of an event (the event's own and its resends). */
    public List<Map<String, Object>> messages(String eventId) {
        return rows("select * from notification.message where event_id like ? order by id", eventId + "%");
    }

    /** The customer's rows in the message log. */
    public List<Map<String, Object>> messagesOf(long customerId) {
        return rows("select * from notification.message where shop_domain = ? and customer_id = ?", SHOP, customerId);
    }

    public Map<String, Object> recipient(long customerId) {
        List<Map<String, Object>> rows = rows(
                "select * from notification.recipient where shop_domain = ? and customer_id = ?", SHOP, customerId);
        return rows.isEmpty() ? null : rows.get(0);
    }

    private List<Map<String, Object>> rows(String sql, Object... parameters) {
        return DatabaseRows.of(database, sql, parameters);
    }

    /** The decoded text of one part (text/plain or text/html) of a received email. */
    public static String part(MimeMessage message, String type) {
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
        publisher.close();
    }
}
