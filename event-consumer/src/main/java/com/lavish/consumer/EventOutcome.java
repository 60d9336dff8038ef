package com.lavish.consumer;

import java.util.Locale;

/**
 * What became of one delivery, counted per type in its consumer's metric ({@code <metric>{type,outcome}}): the one
 * outcome vocabulary of every consuming service.
 */
public enum EventOutcome {
    /** Its change is in the tables (or its work was done). */
    APPLIED,
    /** This delivery (ce_id) was applied before, in an earlier poll or earlier in this one: nothing changed. */
    DUPLICATE,
    /**
     * Something newer was there first: the stored version, a newer event of the same entity in the same poll, or a
     * tombstone that no later event revives. Nothing changed.
     */
    STALE,
    /** A type this consumer does not project, or a change about something it neither asked for nor holds. */
    IGNORED;

    private final String tag = name().toLowerCase(Locale.ROOT);

    /** The metric's tag value. */
    public String tag() {
        return tag;
    }
}
