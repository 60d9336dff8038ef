package com.lavish.subscriptions.messaging;

import static com.lavish.subscriptions.support.SubscriptionFixture.SHOP;
import static com.lavish.subscriptions.support.SubscriptionFixture.asAdmin;
import static com.lavish.subscriptions.support.SubscriptionFixture.newId;
import static com.lavish.subscriptions.support.SubscriptionFixture.proxyPath;
import static com.lavish.subscriptions.support.SubscriptionFixture.storefront;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lavish.devstack.DevStackTestResource;
import com.lavish.events.CloudEventHeaders;
import com.lavish.events.ShopifyEvent;
import com.lavish.events.Topics;
import com.lavish.events.subscription.SubscriptionEvent;
import com.lavish.events.subscription.SubscriptionEventType;
import com.lavish.events.subscription.SubscriptionEvents;
import com.lavish.events.sync.SyncCommandType;
import com.lavish.subscriptions.support.SubscriptionFixture;
import com.lavish.subscriptions.support.SubscriptionTestSupport;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

/**
 * What subscription-service tells the suite on subscription.events: each event written to the outbox in the
 * transaction of its change, once per change, keyed by shop and contract, with CloudEvents headers and without the
 * customer's personal data.
 */
@QuarkusTest
@QuarkusTestResource(DevStackTestResource.class)
class SubscriptionEventsTest extends SubscriptionTestSupport {

    private static Instant inDays(long days) {
        return Instant.now().plus(Duration.ofDays(days)).truncatedTo(ChronoUnit.SECONDS);
    }

    @Test
    void aNewContractIsToldAsContractCreatedWithItsBoxAndNoPersonalData() {
        long contract = newId();
        long customer = newId();
        fixture.createContract(contract, customer, inDays(20), null);

        SubscriptionEvent created = fixture.awaitEvent(SubscriptionEventType.CONTRACT_CREATED, contract);
        assertEquals(customer, created.customerId());
        assertEquals("active", created.contract().status());
        assertEquals("Monthly book box, 10% off", created.contract().planName());
        assertEquals("month", created.contract().interval());
        assertEquals(1, created.contract().intervalCount());
        assertEquals("AUD", created.contract().currency());
        assertEquals(1, created.contract().lines().size());
        SubscriptionEvent.Line line = created.contract().lines().get(0);
        assertEquals("Monthly book box", line.title());
        assertEquals("Fiction", line.variantTitle());
        assertEquals(1, line.quantity());
        assertEquals(0, new BigDecimal("53.91").compareTo(line.price()));
        String published = new String(
                fixture.eventRecords(SubscriptionEventType.CONTRACT_CREATED, contract)
                        .get(0)
                        .value(),
                StandardCharsets.UTF_8);
        for (String personal : List.of("Ada", "Reader", "George Street", "Sydney", "2000", "5550")) {
            assertFalse(published.contains(personal), "the event carries no personal data");
        }
    }

    @Test
    void anEventIsKeyedByShopAndContractWithCloudEventsHeaders() {
        long contract = newId();
        fixture.createContract(contract, newId(), inDays(20), null);
        fixture.awaitEvent(SubscriptionEventType.CONTRACT_CREATED, contract);

        ConsumerRecord<String, byte[]> record = fixture.eventRecords(SubscriptionEventType.CONTRACT_CREATED, contract)
                .get(0);
        SubscriptionEvent event = SubscriptionEvents.read(record.value());
        assertEquals(SHOP + "/" + contract, record.key());
        assertEquals("1.0", header(record, CloudEventHeaders.SPEC_VERSION));
        assertEquals(event.eventId(), header(record, CloudEventHeaders.ID));
        assertEquals("subscription.event/CONTRACT_CREATED", header(record, CloudEventHeaders.TYPE));
        assertEquals(SHOP, header(record, CloudEventHeaders.SOURCE));
        assertEquals(event.occurredAt(), header(record, CloudEventHeaders.TIME));
        assertEquals(CloudEventHeaders.JSON, header(record, CloudEventHeaders.CONTENT_TYPE));
    }

    @Test
    void aPauseIsToldOnceAndTheSameWebhookDeliveredAgainTellsNothingMore() {
        long contract = newId();
        long customer = newId();
        fixture.createContract(contract, customer, inDays(20), null);
        ShopifyEvent pause = SubscriptionFixture.webhookEvent(
                "subscription_contracts/pause",
                contract,
                SubscriptionFixture.contractWebhook(contract, customer, 101, "paused"));
        fixture.awaitApplied(fixture.send(Topics.SUBSCRIPTIONS, pause));
        assertEquals(
                "paused",
                fixture.awaitEvent(SubscriptionEventType.PAUSED, contract)
                        .contract()
                        .status());

        fixture.send(Topics.SUBSCRIPTIONS, pause);
        // the whole contract at that revision, on the same partition: applied after the delivery again, and itself
        // no change of status
        fixture.publishNode(SubscriptionFixture.contractNode(contract, customer, 101, "PAUSED", inDays(20), null));
        fixture.awaitOutboxSent();
        assertEquals(1, fixture.events(SubscriptionEventType.PAUSED, contract).size());
        assertEquals(
                1,
                fixture.events(SubscriptionEventType.CONTRACT_CREATED, contract).size());
    }

    @Test
    void aSkipConfirmedByShopifyIsToldOnceThoughItsWebhookFollows() {
        long ada = newId();
        long contract = newId();
        Instant next = inDays(40);
        fixture.createContract(contract, ada, next, null);

        storefront()
                .post(proxyPath(ada, "subscriptions/" + contract + "/skip"))
                .then()
                .statusCode(202);
        fixture.awaitApplied(fixture.succeed(fixture.awaitCommand(SyncCommandType.BILLING_CYCLE_SKIP, contract), null));
        SubscriptionEvent skipped = fixture.awaitEvent(SubscriptionEventType.SKIPPED, contract);
        assertEquals(
                next.atZone(ZoneOffset.UTC).plusMonths(1).toInstant().toString(),
                skipped.contract().nextBillingDate(),
                "the next billing is the one after the cycle skipped");

        fixture.awaitApplied(fixture.send(
                Topics.SUBSCRIPTIONS,
                "subscription_billing_cycles/skip",
                contract,
                SubscriptionFixture.cycleSkipWebhook(contract, next)));
        fixture.awaitOutboxSent();
        assertEquals(1, fixture.events(SubscriptionEventType.SKIPPED, contract).size());
    }

    @Test
    void upcomingBillingIsToldOncePerContractAndBillingDateHonouringTheShopsOwnDaysBefore() {
        long inFourDays = newId();
        long inSixDays = newId();
        fixture.createContract(inFourDays, newId(), inDays(4), null);
        fixture.createContract(inSixDays, newId(), inDays(6), null);

        // the test shop's own days-before is 5 (the default 3): four days ahead is within it, six days is not
        runUpcomingBilling("");
        runUpcomingBilling("");
        fixture.awaitOutboxSent();
        List<SubscriptionEvent> upcoming = fixture.events(SubscriptionEventType.UPCOMING_BILLING, inFourDays);
        assertEquals(1, upcoming.size());
        assertEquals(
                LocalDate.ofInstant(inDays(4), ZoneOffset.UTC).toString(),
                upcoming.get(0).billing().billingDate());
        assertEquals(
                0, new BigDecimal("53.91").compareTo(upcoming.get(0).billing().amount()));
        assertEquals("AUD", upcoming.get(0).billing().currency());
        assertTrue(fixture.events(SubscriptionEventType.UPCOMING_BILLING, inSixDays)
                .isEmpty());

        // two days on, six days ahead is four: told then, and the first contract's date not again
        runUpcomingBilling("?as_of=" + inDays(2));
        fixture.awaitEvent(SubscriptionEventType.UPCOMING_BILLING, inSixDays);
        fixture.awaitOutboxSent();
        assertEquals(
                1,
                fixture.events(SubscriptionEventType.UPCOMING_BILLING, inSixDays)
                        .size());
        assertEquals(
                1,
                fixture.events(SubscriptionEventType.UPCOMING_BILLING, inFourDays)
                        .size());
    }

    private static void runUpcomingBilling(String query) {
        asAdmin()
                .post("/admin/subscriptions/upcoming-billing/run" + query)
                .then()
                .statusCode(200)
                .body("contracts", greaterThanOrEqualTo(0));
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
