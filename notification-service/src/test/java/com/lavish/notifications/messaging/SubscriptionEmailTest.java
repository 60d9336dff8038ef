package com.lavish.notifications.messaging;

import static com.lavish.notifications.support.NotificationFixture.event;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lavish.devstack.DevStackTestResource;
import com.lavish.events.subscription.SubscriptionEvent;
import com.lavish.events.subscription.SubscriptionEventType;
import com.lavish.notifications.service.UnsubscribeLinks;
import com.lavish.notifications.support.NotificationFixture;
import com.lavish.notifications.support.NotificationTestSupport;
import com.lavish.notifications.support.SmtpTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Subscription events through the real broker and database to a real SMTP server in the test JVM: what the customer
 * receives, in which language, how often, and what their choices and privacy requests change.
 */
@QuarkusTest
@QuarkusTestResource(DevStackTestResource.class)
@QuarkusTestResource(SmtpTestResource.class)
class SubscriptionEmailTest extends NotificationTestSupport {

    @Inject
    UnsubscribeLinks links;

    @Test
    void aNewSubscriptionSendsOneEnglishEmailWithTheFirstNameTheBoxAndTheAmount() throws Exception {
        Delivered sent = deliver("example.com", "Ursula", "en", SubscriptionEventType.CONTRACT_CREATED);
        MimeMessage email = sent.email();
        assertEquals("Welcome to your Lavish Test subscription", email.getSubject());
        assertEquals("<" + sent.event().eventId() + "@notifications.lavish>", email.getHeader("Message-ID")[0]);
        String text = sent.text();
        assertTrue(text.contains("Hi Ursula,"), text);
        assertTrue(text.contains("The Left Hand of Darkness (Paperback)"), text);
        assertTrue(text.contains("A$26.96"), text);
        assertTrue(text.contains("5 December 2026"), text);
        assertTrue(text.contains("https://lavish-test.myshopify.com/account"), text);
        assertFalse(text.contains("unsubscribe"), "a transactional message has no unsubscribe link");
        String html = NotificationFixture.part(email, "text/html");
        assertTrue(html.contains("Ursula") && html.contains("A$26.96") && html.contains("lang=\"en\""), html);

        Map<String, Object> row = fixture.messages(sent.event().eventId()).get(0);
        assertEquals(1, row.get("attempts"));
        assertFalse(String.valueOf(row.get("recipient")).contains(sent.address()), "the address is stored encrypted");
    }

    @Test
    void aFrenchCustomerGetsTheEmailInFrench() throws Exception {
        Delivered sent = deliver("example.fr", "Amélie", "fr-CA", SubscriptionEventType.BILLING_SUCCEEDED);
        assertEquals(
                "Paiement reçu pour votre coffret Lavish Test", sent.email().getSubject());
        String text = sent.text();
        assertTrue(text.contains("Bonjour Amélie,"), text);
        assertTrue(text.contains("26,96\u00a0$AU"), text);
        assertTrue(text.contains("5 décembre 2026"), text);
        assertTrue(text.contains("Votre coffret"), text);
    }

    @Test
    void theSameEventTwiceSendsOneEmail() throws Exception {
        String address = NotificationFixture.newAddress("example.com");
        long customer = knownCustomer(address, "Octavia", "en");
        SubscriptionEvent skipped = event(SubscriptionEventType.SKIPPED, customer);
        fixture.publish(skipped);
        fixture.publish(skipped);
        awaitState(skipped.eventId(), "sent");
        // a later event of the same contract's key has been consumed: the replay before it has had its chance
        SubscriptionEvent after = new SubscriptionEvent(
                UUID.randomUUID().toString(),
                SubscriptionEventType.RESUMED,
                skipped.shop(),
                skipped.contractId(),
                customer,
                skipped.occurredAt(),
                skipped.contract(),
                null,
                null);
        fixture.publish(skipped);
        fixture.publish(after);
        awaitState(after.eventId(), "sent");

        assertEquals(1, fixture.messages(skipped.eventId()).size());
        List<MimeMessage> emails = awaitEmails(address, 2);
        assertEquals(
                1, emails.stream().filter(m -> subject(m).contains("skipped")).count());
    }

    @Test
    void anUnsubscribedCustomerGetsNoReminderButStillHearsOfAFailedPayment() throws Exception {
        Delivered reminder = deliver("example.com", "Kazuo", "en", SubscriptionEventType.UPCOMING_BILLING);
        String address = reminder.address();
        long customer = reminder.customer();
        String link = links.url(NotificationFixture.SHOP, customer);
        assertTrue(reminder.text().contains(link), "a reminder carries its unsubscribe link");

        String path = link.substring(link.indexOf(UnsubscribeLinks.PATH));
        given().when()
                .get(path)
                .then()
                .statusCode(200)
                .contentType(containsString("text/html"))
                .body(containsString("no longer receive reminders"));
        // the same link again: the same answer, the first choice kept
        Object firstChoice = fixture.recipient(customer).get("reminders_off_at");
        given().when().get(path).then().statusCode(200);
        assertEquals(firstChoice, fixture.recipient(customer).get("reminders_off_at"));

        SubscriptionEvent reminderAfter = event(SubscriptionEventType.UPCOMING_BILLING, customer);
        SubscriptionEvent failed = event(SubscriptionEventType.BILLING_FAILED, customer);
        fixture.publish(reminderAfter);
        fixture.publish(failed);

        Map<String, Object> suppressed = awaitState(reminderAfter.eventId(), "suppressed");
        assertEquals(0, suppressed.get("attempts"));
        awaitState(failed.eventId(), "sent");
        List<MimeMessage> emails = awaitEmails(address, 2);
        assertEquals(2, emails.size(), "the first reminder and the failed payment, not the second reminder");
        assertTrue(
                NotificationFixture.part(emails.get(1), "text/plain").contains("8 December 2026"),
                "the failed payment says when it is tried again");
    }

    @Test
    @Tag("security")
    void anUnsubscribeLinkWithABadSignatureIsRefused() {
        long customer = NotificationFixture.newCustomerId();
        String forged = links.signature(NotificationFixture.SHOP, customer + 1);
        given().queryParam("shop", NotificationFixture.SHOP)
                .queryParam("customer", customer)
                .queryParam("signature", forged)
                .when()
                .get(UnsubscribeLinks.PATH)
                .then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("status", equalTo(403));
        given().queryParam("shop", NotificationFixture.SHOP)
                .queryParam("customer", customer)
                .when()
                .get(UnsubscribeLinks.PATH)
                .then()
                .statusCode(403);
        assertNull(fixture.recipient(customer), "a refused link changes nothing");
    }

    @Test
    void customersRedactErasesTheLogAndNoEmailFollows() throws Exception {
        Delivered sent = deliver("example.com", "Ted", "en", SubscriptionEventType.CONTRACT_CREATED);
        long customer = sent.customer();
        fixture.customerRedacted(customer);
        await().atMost(WAIT).until(() -> fixture.messagesOf(customer).isEmpty());
        Map<String, Object> recipient = fixture.recipient(customer);
        assertNotNull(recipient.get("erased_at"));
        assertNull(recipient.get("email"));
        assertNull(recipient.get("first_name"));

        SubscriptionEvent after = event(SubscriptionEventType.BILLING_SUCCEEDED, customer);
        fixture.publish(after);
        // consumed: its ce_id is in the ledger, written in the transaction that would have queued its message
        await().atMost(WAIT).until(() -> fixture.appliedEvent(after.eventId()));
        assertTrue(fixture.messagesOf(customer).isEmpty(), "no message for an erased customer");
        assertEquals(1, smtp.receivedFor(sent.address()).size(), "only the email before the redaction");
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
