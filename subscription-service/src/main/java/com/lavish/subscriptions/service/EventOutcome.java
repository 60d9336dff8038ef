package com.lavish.subscriptions.service;

/** What applying one event did; counted per type in the consumers' metrics. */
public enum EventOutcome {
    /** The change is in the tables. */
    APPLIED,
    /** This delivery (ce_id) was applied before: nothing changed. */
    DUPLICATE,
    /** The stored version is as new or newer, or the outcome was known already: nothing changed. */
    STALE,
    /** It names something this service never asked for or holds: recorded, nothing changed. */
    UNKNOWN
}
