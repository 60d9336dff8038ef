package com.lavish.orders.service;

/** What applying one event did; counted per type in the {@code order.events} metric. */
public enum ProjectionOutcome {
    /** The change is in the tables. */
    APPLIED,
    /** This delivery (ce_id) was applied before: nothing changed. */
    DUPLICATE,
    /** The stored version is as new or newer: nothing changed. */
    STALE,
    /** The order was deleted: nothing brings it back. */
    DELETED
}
