package com.lavish.shopifyfake.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The draft flow and the cycle bookkeeping a commit keeps, without the GraphQL layer. */
class SubscriptionDraftsTest {

    private ShopData shop;
    private Outbox outbox;
    private String contractId;

    @BeforeEach
    @SuppressWarnings("unchecked")
    void checkout() {
        AdminStore store = new AdminStore(
                new MutableClock(Instant.parse("2026-11-26T00:00:00Z")),
                (delay, work) -> work.run(),
                Duration.ZERO,
                webhook -> {});
        shop = store.shop("lavish-test.myshopify.com");
        outbox = new Outbox(shop.domain());
        String productId = shop.products.values().iterator().next().gid();
        Map<String, Object> plan = Map.of(
                "name",
                "Every month",
                "options",
                List.of("Every month"),
                "billingPolicy",
                Map.of("recurring", Map.of("interval", "MONTH", "intervalCount", 1)),
                "deliveryPolicy",
                Map.of("recurring", Map.of("interval", "MONTH", "intervalCount", 1)),
                "pricingPolicies",
                List.of());
        SellingPlanGroup group = (SellingPlanGroup) new SellingPlanGroups(shop, outbox)
                .create(
                        Map.of(
                                "name",
                                "Monthly",
                                "merchantCode",
                                "m",
                                "options",
                                List.of("Delivery every"),
                                "sellingPlansToCreate",
                                List.of(plan)),
                        Map.of("productIds", List.of(productId)))
                .get("sellingPlanGroup");
        SellingPlan sellingPlan = group.plans().get(0);
        SubscriptionContract contract = new ContractCheckout(shop, outbox)
                .checkout(
                        shop.customers.keySet().iterator().next(),
                        shop.variants.values().iterator().next(),
                        sellingPlan,
                        1);
        contractId = contract.gid();
    }

    private SubscriptionDrafts drafts() {
        return new SubscriptionDrafts(shop, outbox, new UserErrors());
    }

    private Map<String, Object> cycle(int index) {
        return new BillingCycles(shop, outbox, new UserErrors())
                .cycle(Map.of("contractId", contractId, "selector", Map.of("index", index)));
    }

    private String draft() {
        return ((SubscriptionDraft) drafts().draft(contractId).get("draft")).gid();
    }

    @Test
    void aNewBillingIntervalReanchorsAtTheCycleDueSoSkippedIndexesKeepTheirMeaning() {
        new BillingCycles(shop, outbox, new UserErrors())
                .skip(Map.of("contractId", contractId, "selector", Map.of("index", 2)), true);
        String draftId = draft();
        Map<String, Object> fortnightly = Map.of("interval", "WEEK", "intervalCount", 2);
        drafts().updateDraft(draftId, Map.of("billingPolicy", fortnightly, "deliveryPolicy", fortnightly));

        Map<String, Object> committed = drafts().commit(draftId);

        assertEquals(List.of(), committed.get("userErrors"));
        SubscriptionContract contract = shop.find(SubscriptionContract.class, contractId);
        assertEquals(String.valueOf(ContractCheckout.FIRST_REVISION + 1), contract.revisionId());
        assertEquals("2026-12-26T00:00:00Z", cycle(1).get("billingAttemptExpectedDate"), "the cycle due stays");
        assertEquals("2027-01-09T00:00:00Z", cycle(2).get("billingAttemptExpectedDate"), "two weeks on");
        assertEquals(true, cycle(2).get("skipped"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void aDraftIsCommittedOnceAndNotAfterTheContractChanged() {
        String first = draft();
        String second = draft();

        assertEquals(List.of(), drafts().commit(first).get("userErrors"));
        Map<String, Object> again = drafts().commit(first);
        Map<String, Object> stale = drafts().commit(second);

        assertEquals(
                "COMMITTED",
                ((List<Map<String, Object>>) again.get("userErrors")).get(0).get("code"));
        assertEquals(
                "STALE_CONTRACT",
                ((List<Map<String, Object>>) stale.get("userErrors")).get(0).get("code"));
        assertNull(stale.get("contract"));
        assertTrue(shop.find(SubscriptionDraft.class, first).committed());
    }
}
