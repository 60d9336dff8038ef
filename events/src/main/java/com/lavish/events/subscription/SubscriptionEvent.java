package com.lavish.events.subscription;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.lavish.events.RecordKey;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * One thing that happened to a subscription contract, published by subscription-service through its outbox on
 * {@code subscription.events} (an event exists if and only if its change committed), keyed
 * {@code <shop>/<contract id>} so one contract's events stay in order. Ids are Shopify's numeric ids; money is a
 * decimal beside its currency; times are RFC 3339. It carries no customer's name, email or address: a consumer that
 * needs them keeps its own copy from {@code shopify.customers} (and forgets it on {@code customers/redact}).
 *
 * @param eventId    unique per event (ce_id): a consumer applies each at most once
 * @param type       what happened; which parts are filled is said on {@link SubscriptionEventType}
 * @param shop       the shop domain
 * @param contractId the contract, Shopify's id
 * @param customerId its customer, Shopify's id
 * @param occurredAt when it happened in the suite (RFC 3339)
 * @param contract   the contract as it stands after the change
 * @param billing    for the billing types: the cycle's date and amount
 * @param dunning    for BILLING_FAILED and DUNNING_EXHAUSTED: where the dunning run stands
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SubscriptionEvent(
        String eventId,
        SubscriptionEventType type,
        String shop,
        long contractId,
        long customerId,
        String occurredAt,
        Contract contract,
        Billing billing,
        Dunning dunning) {

    @JsonCreator
    public SubscriptionEvent {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(shop, "shop");
    }

    /** The record key: {@code <shop>/<contract id>}. */
    public RecordKey recordKey() {
        return new RecordKey(shop, Long.toString(contractId));
    }

    /**
     * The contract after the change.
     *
     * @param status          active, paused, cancelled, expired or failed
     * @param nextBillingDate RFC 3339, or null when none is scheduled
     * @param planName        the selling plan's name as the customer chose it
     * @param interval        day, week, month or year
     * @param intervalCount   how many intervals between deliveries
     * @param currency        ISO 4217, the contract's
     * @param lines           the box: what each delivery holds
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Contract(
            String status,
            String nextBillingDate,
            String planName,
            String interval,
            Integer intervalCount,
            String currency,
            List<Line> lines) {}

    /** A line of the box: its title, variant title, quantity and price per delivery. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Line(String title, String variantTitle, int quantity, BigDecimal price) {}

    /**
     * A billing cycle.
     *
     * @param billingDate the cycle's date (RFC 3339)
     * @param amount      what it bills (or billed), in the contract's currency
     * @param currency    ISO 4217
     * @param orderId     the order a successful attempt made, Shopify's id
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Billing(String billingDate, BigDecimal amount, String currency, Long orderId) {}

    /**
     * Where a dunning run stands.
     *
     * @param errorCode   Shopify's billing attempt error code (for example {@code card_declined},
     *                    {@code expired_payment_method}, {@code insufficient_funds})
     * @param attempt     which failed attempt of this cycle this is, from 1
     * @param nextRetryAt when the next attempt is scheduled (RFC 3339), null when none is
     * @param outcome     for DUNNING_EXHAUSTED: what the policy did, {@code paused} or {@code cancelled}
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Dunning(String errorCode, int attempt, String nextRetryAt, String outcome) {

        /** Shopify's error codes that mean the card itself needs the customer: a new card or its details. */
        public boolean paymentMethodProblem() {
            return errorCode != null
                    && List.of(
                                    "card_declined",
                                    "expired_payment_method",
                                    "insufficient_funds",
                                    "invalid_payment_method",
                                    "payment_method_declined",
                                    "authentication_error")
                            .contains(errorCode);
        }
    }
}
