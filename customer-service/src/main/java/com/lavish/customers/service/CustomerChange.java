package com.lavish.customers.service;

import java.time.Instant;

/** What one customers/* event asks of the projection. */
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
    record Erase(long customerId, Instant deletedAt) implements CustomerChange {
    }
}
