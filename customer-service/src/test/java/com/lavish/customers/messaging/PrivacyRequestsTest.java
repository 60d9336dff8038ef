package com.lavish.customers.messaging;

import static com.lavish.customers.support.ComplianceEventFixture.customersRedact;
import static com.lavish.customers.support.ComplianceEventFixture.newShop;
import static com.lavish.customers.support.ComplianceEventFixture.shopRedact;
import static com.lavish.customers.support.CustomerEventFixture.SHOP;
import static com.lavish.customers.support.CustomerEventFixture.customer;
import static com.lavish.customers.support.CustomerEventFixture.newCustomerId;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.lavish.customers.support.ComplianceEventFixture;
import com.lavish.devstack.DevStackTestResource;
import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * shopify.compliance through the real broker into the real database. A request is handled once its ce_id is in
 * privacy_request: the row is written in the transaction of the erasure.
 */
@QuarkusTest
@QuarkusTestResource(DevStackTestResource.class)
class PrivacyRequestsTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Inject
    AgroalDataSource database;

    @Inject
    MeterRegistry metrics;

    private static ComplianceEventFixture fixture;

    @BeforeEach
    void openFixture() {
        if (fixture == null) {
            fixture = new ComplianceEventFixture(database);
        }
    }

    @AfterAll
    static void closeFixture() {
        if (fixture != null) {
            fixture.close();
        }
    }

    private void awaitRecorded(String ceId) {
        await().atMost(WAIT).until(() -> fixture.privacyRequestCount(ceId) == 1);
    }

    private void awaitApplied(String ceId) {
        await().atMost(WAIT).until(() -> fixture.customers.applied(ceId));
    }

    private static Instant instant(Object timestamp) {
        return timestamp instanceof OffsetDateTime o ? o.toInstant() : ((java.sql.Timestamp) timestamp).toInstant();
    }

    @Test
    void customersRedactErasesThePersonalDataAndRecordsTheRequestCompleted() {
        long id = newCustomerId();
        ObjectNode body = customer(id, "2026-01-01T10:00:00Z", "Rhea");
        body.put("phone", "+61400000000");
        awaitApplied(fixture.customers.send("customers/create", id, body));
        assertEquals("+61400000000", fixture.customers.customerRow(id).get("phone"));
        assertEquals(1, fixture.customers.addressCount(id));

        String ceId = fixture.send(
                "customers/redact",
                SHOP,
                id,
                customersRedact(SHOP, id),
                UUID.randomUUID().toString(),
                "2026-08-01T10:00:00Z");
        awaitRecorded(ceId);

        Map<String, Object> row = fixture.customers.customerRow(id);
        assertFalse(row.isEmpty(), "the tombstone stays");
        assertNull(row.get("email"));
        assertNull(row.get("first_name"));
        assertNull(row.get("last_name"));
        assertNull(row.get("phone"));
        assertNull(row.get("note"));
        assertEquals(Instant.parse("2026-08-01T10:00:00Z"), instant(row.get("deleted_at")));
        assertEquals(0, fixture.customers.addressCount(id));

        Map<String, Object> request = fixture.privacyRequest(ceId);
        assertEquals(SHOP, request.get("shop_domain"));
        assertEquals("customers/redact", request.get("type"));
        assertEquals(id, ((Number) request.get("shopify_customer_id")).longValue());
        assertEquals(Instant.parse("2026-08-01T10:00:00Z"), instant(request.get("received_at")));
        assertNotNull(request.get("completed_at"));
    }

    @Test
    void redactOfACustomerNeverSeenLeavesATombstoneALateCreateCannotRevive() {
        long id = newCustomerId();
        awaitRecorded(fixture.send("customers/redact", SHOP, id, customersRedact(SHOP, id)));
        awaitApplied(fixture.customers.send("customers/create", id, customer(id, "2026-09-01T10:00:00Z", "Ghost")));

        Map<String, Object> row = fixture.customers.customerRow(id);
        assertNotNull(row.get("deleted_at"));
        assertNull(row.get("first_name"));
        assertNull(row.get("email"));
        assertEquals(0, fixture.customers.addressCount(id));
    }

    @Test
    void shopRedactRemovesThatShopsRowsAndNoOtherShops() {
        String redacted = newShop();
        String kept = newShop();
        long gone = newCustomerId();
        long stays = newCustomerId();
        awaitApplied(fixture.createCustomer(redacted, gone, "Gone"));
        awaitApplied(fixture.createCustomer(kept, stays, "Stays"));
        assertTrue(fixture.shopRowCount(redacted) > 0);

        String ceId = fixture.send("shop/redact", redacted, null, shopRedact(redacted));
        awaitRecorded(ceId);

        assertEquals(0, fixture.shopRowCount(redacted));
        assertEquals("Stays", fixture.customerRow(kept, stays).get("first_name"));
        assertEquals(3, fixture.shopRowCount(kept), "customer, address and applied event");
        Map<String, Object> request = fixture.privacyRequest(ceId);
        assertEquals("shop/redact", request.get("type"));
        assertNull(request.get("shopify_customer_id"));
        assertNotNull(request.get("completed_at"));
    }

    @Test
    void aDuplicateRedactDeliveryIsRecordedOnceAndDoesNothing() {
        long id = newCustomerId();
        String ceId = UUID.randomUUID().toString();
        String time = "2026-08-02T10:00:00Z";
        fixture.send("customers/redact", SHOP, id, customersRedact(SHOP, id), ceId, time);
        fixture.send("customers/redact", SHOP, id, customersRedact(SHOP, id), ceId, time);
        // same key, so the same partition: once this one is recorded, both deliveries before it were handled
        String barrier = fixture.send("customers/data_request", SHOP, id, """
                {"shop_id":954889,"shop_domain":"%s","orders_requested":[],"customer":{"id":%d},
                 "data_request":{"id":9999}}""".formatted(SHOP, id));
        awaitRecorded(barrier);

        assertEquals(1, fixture.privacyRequestCount(ceId));
        assertTrue(metrics.counter("privacy.requests", "type", "customers/redact", "outcome", "duplicate")
                        .count()
                >= 1);
        Map<String, Object> dataRequest = fixture.privacyRequest(barrier);
        assertEquals(id, ((Number) dataRequest.get("shopify_customer_id")).longValue());
        assertNull(dataRequest.get("completed_at"), "completed only once the shop owner fetches the export");
    }
}
