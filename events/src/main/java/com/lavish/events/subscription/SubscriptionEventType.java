package com.lavish.events.subscription;

/**
 * What happened to a subscription contract, as subscription-service tells the rest of the suite (on
 * {@code subscription.events}). Each is published once its change has committed, and only then. Which of
 * {@link SubscriptionEvent}'s parts a type fills is said here.
 */
public enum SubscriptionEventType {

    /** A customer subscribed (Shopify's subscription_contracts/create reached the suite). Fills contract. */
    CONTRACT_CREATED(false),
    /** The next billing is {@code upcoming_billing.days_before} away (per shop, default 3). Fills contract, billing. */
    UPCOMING_BILLING(true),
    /** A billing attempt succeeded. Fills contract, billing (amount billed, order). */
    BILLING_SUCCEEDED(false),
    /** A billing attempt failed. Fills contract, billing, dunning (step, next retry, Shopify's error code). */
    BILLING_FAILED(false),
    /** Dunning ran out: the contract is paused or cancelled by the shop's policy. Fills contract, dunning. */
    DUNNING_EXHAUSTED(false),
    PAUSED(false),
    RESUMED(false),
    /** The next delivery is skipped. Fills contract (its next billing date is the one after). */
    SKIPPED(false),
    CANCELLED(false),
    FREQUENCY_CHANGED(false),
    QUANTITY_CHANGED(false),
    ADDRESS_CHANGED(false);

    private final boolean reminder;

    SubscriptionEventType(boolean reminder) {
        this.reminder = reminder;
    }

    /**
     * A reminder, which a customer may unsubscribe from; every other message is transactional (it tells of a change
     * to their own contract or their money) and always goes.
     */
    public boolean reminder() {
        return reminder;
    }

    /** The CloudEvents {@code ce_type}: {@code subscription.event/<TYPE>}. */
    public String cloudEventType() {
        return SubscriptionEvents.TYPE_PREFIX + name();
    }
}
