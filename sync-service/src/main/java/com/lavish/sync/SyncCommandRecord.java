package com.lavish.sync;

import com.lavish.events.sync.SyncCommandType;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One idempotency key of one shop in the command ledger: what was asked, how far it got, and the answer given.
 */
@Entity
@Table(name = "sync_command")
public class SyncCommandRecord {

    /** How far a command got. */
    public enum State {
        /** Recorded, not handed to Shopify yet (a poll records a new key as SENDING at once). */
        RECEIVED,
        /** Handed to Shopify; if this is still the state after a restart, the outcome is unknown. */
        SENDING,
        SUCCEEDED,
        REJECTED,
        /** Shopify could not be reached within the retries; sent again when the key is delivered again. */
        FAILED;

        /** SUCCEEDED or REJECTED: the key's answer is final and replayed without calling Shopify. */
        public boolean answered() {
            return this == SUCCEEDED || this == REJECTED;
        }
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String shopDomain;
    public String idempotencyKey;
    public String commandId;

    @Enumerated(EnumType.STRING)
    public SyncCommandType commandType;

    public String origin;
    public String command;

    @Enumerated(EnumType.STRING)
    public State state;

    public int attempts;
    public Long shopifyId;
    public String result;
    public Instant receivedAt;
    public Instant firstSentAt;
    public Instant lastSentAt;
    public Instant completedAt;
}
