package com.lavish.shopifyfake.admin;

import java.util.List;
import java.util.function.Supplier;

/**
 * A draft of a contract's next revision: the contract and revision it was opened from (a commit of a stale draft is
 * refused), whether it was committed, and its copies of the contract's lines.
 */
final class SubscriptionDraft extends Entity {

    private final long contractId;
    private final String revisionId;
    private final List<SubscriptionLine> lines;
    private boolean committed;

    SubscriptionDraft(long id, long contractId, String revisionId, List<SubscriptionLine> lines) {
        super("SubscriptionDraft", id);
        this.contractId = contractId;
        this.revisionId = revisionId;
        this.lines = lines;
        put("lines", (Supplier<Object>) () -> this.lines);
    }

    long contractId() {
        return contractId;
    }

    /** The contract's revision when the draft was opened. */
    String revisionId() {
        return revisionId;
    }

    /** The lines, edited in place by the draft's line mutations. */
    List<SubscriptionLine> lines() {
        return lines;
    }

    boolean committed() {
        return committed;
    }

    void commit() {
        committed = true;
    }
}
