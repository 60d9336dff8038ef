package com.lavish.customers.service;

/** What applying one event did; counted per type in the {@code customer.events} metric. */
public enum ProjectionOutcome {
    /** The change is in the tables. */
    APPLIED,
    /** This delivery (ce_id) was applied before: nothing changed. */
    DUPLICATE,
    /** The stored version is as new or newer: nothing changed. */
    STALE,
    /** The customer was deleted: nothing brings them back. */
    DELETED,
    /** A topic on shopify.customers this service does not project (yet). */
    IGNORED
}
