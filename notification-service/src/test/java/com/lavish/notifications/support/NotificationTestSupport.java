package com.lavish.notifications.support;

import static org.awaitility.Awaitility.await;

import com.lavish.events.subscription.SubscriptionEvent;
import com.lavish.events.subscription.SubscriptionEventType;
import io.agroal.api.AgroalDataSource;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;

/** What a notification test class has: the fixture and the SMTP server, opened on first use and closed after it. */
public abstract class NotificationTestSupport {

    public static final Duration WAIT = Duration.ofSeconds(60);

    @Inject
    public AgroalDataSource database;

    public static NotificationFixture fixture;
    public static SmtpServer smtp;

    @BeforeEach
    public void open() {
        if (fixture == null) {
            fixture = new NotificationFixture(database);
        }
        if (smtp == null) {
            smtp = new SmtpServer(ConfigProvider.getConfig().getValue("quarkus.mailer.port", Integer.class));
        }
    }

    @AfterAll
    public static void close() {
        if (fixture != null) {
            fixture.close();
            fixture = null;
        }
        if (smtp != null) {
            smtp.close();
            smtp = null;
        }
    }

    /** A customer whose webhook has been applied: events for them find their address. */
    public static long knownCustomer(String email, String firstName, String locale) {
        long id = NotificationFixture.newCustomerId();
        fixture.customerCreated(id, email, firstName, locale);
        await().atMost(WAIT).until(() -> fixture.recipientKnown(id));
        return id;
    }

    /** The one row of the event's own message, once it has reached the state. */
    public static Map<String, Object> awaitState(String eventId, String state) {
        await().atMost(WAIT)
                .until(() -> fixture.messages(eventId).stream()
                        .anyMatch(m -> state.equals(m.get("state")) && eventId.equals(m.get("event_id"))));
        return fixture.messages(eventId).get(0);
    }

    /** A customer's first email: what was sent to whom, for which event, and its plain text. */
    public record Delivered(String address, long customer, SubscriptionEvent event, MimeMessage email, String text) {}

    /** A new customer of the domain, an event of the type for them, and the email it made, once sent. */
    public static Delivered deliver(String domain, String firstName, String locale, SubscriptionEventType type) {
        String address = NotificationFixture.newAddress(domain);
        long customer = knownCustomer(address, firstName, locale);
        SubscriptionEvent event = NotificationFixture.event(type, customer);
        fixture.publish(event);
        MimeMessage email = awaitEmails(address, 1).get(0);
        awaitState(event.eventId(), "sent");
        return new Delivered(address, customer, event, email, NotificationFixture.part(email, "text/plain"));
    }

    public static List<MimeMessage> awaitEmails(String address, int count) {
        await().atMost(WAIT).until(() -> smtp.receivedFor(address).size() >= count);
        return smtp.receivedFor(address);
    }
}
