package com.lavish.subscriptions;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;

/**
 * One step of a contract's billing story the customer and the dashboard see: billed, failed, retry scheduled,
 * paused or cancelled at the end of dunning, cycle skipped.
 */
@Entity
@Table(name = "dunning_step")
public class DunningStep {

    public static final String BILLED = "billed";
    public static final String FAILED = "failed";
    public static final String RETRY_SCHEDULED = "retry_scheduled";
    public static final String PAUSED = "paused";
    public static final String CANCELLED = "cancelled";
    public static final String SKIPPED = "skipped";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String shopDomain;
    public long contractShopifyId;
    public LocalDate cycleDate;
    public Integer attemptNumber;
    public String step;
    /** payment or inventory. */
    public String path;

    public String errorCode;
    public String message;
    public Instant nextRetryAt;
    public Instant occurredAt;

    public static DunningStep of(
            SubscriptionContract contract, LocalDate cycleDate, Integer attemptNumber, String step, Instant at) {
        DunningStep row = new DunningStep();
        row.shopDomain = contract.shopDomain;
        row.contractShopifyId = contract.shopifyId;
        row.cycleDate = cycleDate;
        row.attemptNumber = attemptNumber;
        row.step = step;
        row.occurredAt = at;
        return row;
    }
}
