package com.lavish.events.subscription;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lavish.events.CloudEventHeaders;
import com.lavish.events.MalformedEventException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.kafka.common.header.Headers;
import org.junit.jupiter.api.Test;

class SubscriptionEventsTest {

    private static final SubscriptionEvent FAILED = new SubscriptionEvent(
            "evt-1",
            SubscriptionEventType.BILLING_FAILED,
            "lavish-library.myshopify.com",
            9_007_199_255_050_001L,
            9_007_199_254_740_993L,
            "2026-12-05T10:00:00Z",
            new SubscriptionEvent.Contract(
                    "active",
                    "2027-01-05T00:00:00Z",
                    "Every month, 10% off",
                    "month",
                    1,
                    "AUD",
                    List.of(new SubscriptionEvent.Line(
                            "Lavish Monthly Book Box", "One book", 1, new BigDecimal("26.96")))),
            new SubscriptionEvent.Billing("2026-12-05T00:00:00Z", new BigDecimal("26.96"), "AUD", null),
            new SubscriptionEvent.Dunning("insufficient_funds", 1, "2026-12-08T00:00:00Z", null));

    @Test
    void anEventReadsBackAsWrittenWithItsIdsExact() {
        SubscriptionEvent read = SubscriptionEvents.read(SubscriptionEvents.write(FAILED));
        assertEquals(FAILED, read);
        assertTrue(new String(SubscriptionEvents.write(FAILED), StandardCharsets.UTF_8).contains("9007199255050001"));
    }

    @Test
    void itsHeadersAreCloudEventsAndItsKeyIsTheContract() {
        Headers headers = SubscriptionEvents.headers(FAILED);
        assertEquals("evt-1", text(headers, CloudEventHeaders.ID));
        assertEquals("subscription.event/BILLING_FAILED", text(headers, CloudEventHeaders.TYPE));
        assertEquals("lavish-library.myshopify.com", text(headers, CloudEventHeaders.SOURCE));
        assertEquals(
                "lavish-library.myshopify.com/9007199255050001",
                FAILED.recordKey().toString());
    }

    @Test
    void aReaderToleratesFieldsANewerProducerAdds() {
        String newer = "{\"eventId\":\"e\",\"type\":\"PAUSED\",\"shop\":\"s\",\"contractId\":1,\"customerId\":2,"
                + "\"occurredAt\":\"2026-12-05T10:00:00Z\",\"somethingNew\":true}";
        assertEquals(
                SubscriptionEventType.PAUSED,
                SubscriptionEvents.read(newer.getBytes(StandardCharsets.UTF_8)).type());
        assertThrows(
                MalformedEventException.class, () -> SubscriptionEvents.read("{}".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void onlyTheUpcomingBillingIsAReminderAndOnlyCardErrorsAskForANewCard() {
        assertTrue(SubscriptionEventType.UPCOMING_BILLING.reminder());
        assertFalse(SubscriptionEventType.BILLING_FAILED.reminder());
        assertTrue(FAILED.dunning().paymentMethodProblem());
        assertFalse(
                new SubscriptionEvent.Dunning("inventory_allocations_not_found", 1, null, null).paymentMethodProblem());
    }

    private static String text(Headers headers, String name) {
        return new String(headers.lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
