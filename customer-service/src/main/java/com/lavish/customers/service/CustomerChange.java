package com.lavish.customers.service;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Set;

/** What one customers/* (or customer.*) event asks of the projection. */
public sealed interface CustomerChange {

    long customerId();

    /** customers/create, update, enable, disable: a whole new version of the customer. */
    record Upsert(CustomerSnapshot snapshot) implements CustomerChange {
        @Override
        public long customerId() {
            return snapshot.id();
        }
    }

    /** customers/delete: erase the personal data and keep a tombstone. */
    record Erase(long customerId, Instant deletedAt) implements CustomerChange {}

    /**
     * customers/merge, completed: the customer merged away is erased and remembers the one it lives on as. Keyed
     * by the customer kept (whose customers/update carries the merged result).
     */
    record Merge(long customerId, long mergedAwayId, Instant mergedAt) implements CustomerChange {}

    /** customers_email_marketing_consent/update and customers_marketing_consent/update (SMS). */
    record Consent(
            long customerId,
            Channel channel,
            String state,
            String optInLevel,
            Instant consentUpdatedAt,
            Instant version)
            implements CustomerChange {

        public enum Channel {
            EMAIL,
            SMS
        }
    }

    /** customer.tags_added and customer.tags_removed: these tags now are, or are not, on the customer. */
    record Tags(long customerId, Set<String> tags, boolean present, Instant occurredAt) implements CustomerChange {}

    /** customers/purchasing_summary: Shopify's count of the customer's orders and the amount they spent. */
    record PurchasingSummary(
            long customerId, long numberOfOrders, BigDecimal amountSpent, String currency, Instant occurredAt)
            implements CustomerChange {}
}
