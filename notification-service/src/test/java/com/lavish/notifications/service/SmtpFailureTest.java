package com.lavish.notifications.service;

import static com.lavish.notifications.support.NotificationFixture.event;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lavish.devstack.DevStackTestResource;
import com.lavish.events.subscription.SubscriptionEvent;
import com.lavish.events.subscription.SubscriptionEventType;
import com.lavish.notifications.support.NotificationFixture;
import com.lavish.notifications.support.NotificationTestSupport;
import com.lavish.notifications.support.SmtpServer;
import com.lavish.notifications.support.SmtpTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * An SMTP server that is away, or refuses: a message waits out the outage with backoff and is sent once; a permanent
 * refusal fails it at once. (The %test backoff runs from 500 ms to 2 s.)
 */
@QuarkusTest
@QuarkusTestResource(DevStackTestResource.class)
@QuarkusTestResource(SmtpTestResource.class)
class SmtpFailureTest extends NotificationTestSupport {

    @Test
    void messagesWaitOutAnSmtpOutageMidStreamAndEachIsSentOnce() throws Exception {
        Delivered before = deliver("example.com", "Iain", "en", SubscriptionEventType.CONTRACT_CREATED);
        String address = before.address();
        smtp.stop();
        List<SubscriptionEvent> during = new ArrayList<>();
        try {
            for (SubscriptionEventType type : List.of(
                    SubscriptionEventType.PAUSED, SubscriptionEventType.RESUMED, SubscriptionEventType.SKIPPED)) {
                SubscriptionEvent event = event(type, before.customer());
                during.add(event);
                fixture.publish(event);
            }
            await().atMost(WAIT)
                    .until(() -> during.stream()
                            .allMatch(e -> fixture.messages(e.eventId()).stream()
                                    .anyMatch(m ->
                                            "retrying".equals(m.get("state")) && (Integer) m.get("attempts") >= 3)));
        } finally {
            smtp.start();
        }
        for (SubscriptionEvent event : during) {
            Map<String, Object> sent = awaitState(event.eventId(), "sent");
            assertTrue((Integer) sent.get("attempts") >= 4, "sent on an attempt after the outage");
            assertFalse(String.valueOf(sent.get("provider_answer")).contains("@"));
        }
        // a few more passes of the sender: nothing goes twice
        await().pollDelay(Duration.ofSeconds(3)).until(() -> true);
        List<MimeMessage> emails = smtp.receivedFor(address);
        assertEquals(4, emails.size(), "the email before the outage and the three during it, once each");
        Set<String> ids = new HashSet<>();
        for (MimeMessage email : emails) {
            ids.add(email.getHeader("Message-ID")[0]);
        }
        assertEquals(4, ids.size());
    }

    @Test
    void aPermanentRefusalFailsTheMessageWithoutRetry() {
        String address = NotificationFixture.newAddress(SmtpServer.REFUSED_DOMAIN);
        long customer = knownCustomer(address, "Nnedi", "en");
        SubscriptionEvent cancelled = event(SubscriptionEventType.CANCELLED, customer);
        fixture.publish(cancelled);

        Map<String, Object> failed = awaitState(cancelled.eventId(), "failed");
        assertEquals(1, failed.get("attempts"));
        String answer = String.valueOf(failed.get("provider_answer"));
        assertTrue(answer.startsWith("550"), answer);
        assertFalse(answer.contains(address), "the server's answer is stored without the address");
        await().pollDelay(Duration.ofSeconds(3)).until(() -> true);
        assertEquals(1, fixture.messages(cancelled.eventId()).get(0).get("attempts"), "not tried again");
        assertEquals(0, smtp.receivedFor(address).size());
    }
}
