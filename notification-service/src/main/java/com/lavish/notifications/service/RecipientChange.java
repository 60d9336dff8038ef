package com.lavish.notifications.service;

import java.time.Instant;

/** What one shopify.customers event asks of the recipients: a newer version of a customer, or their erasure. */
public sealed interface RecipientChange {

    long customerId();

    /** A whole version of the customer as the emails need it, versioned by Shopify's updated_at. */
    record Upsert(long customerId, String email, String firstName, String locale, Instant updatedAt)
            implements RecipientChange {

        @Override
        public String toString() {
            return "Upsert[" + customerId + " at " + updatedAt + "]";
        }
    }

    /** customers/delete: nothing personal stays, and no message is owed to them any more. */
    record Erase(long customerId, Instant at) implements RecipientChange {}
}
