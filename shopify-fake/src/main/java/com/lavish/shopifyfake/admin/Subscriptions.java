package com.lavish.shopifyfake.admin;

import java.util.List;
import java.util.Map;

/**
 * Subscription contracts (docs/shopify-reference.md §4), the one entry the operations, the control endpoints and the
 * billing timer use. Each part is its own class, and one instance serves one mutation, so the parts gather their
 * user errors in one list:
 * <ul>
 *   <li>{@link ContractCheckout}: a contract made at checkout, with its origin order;</li>
 *   <li>{@link ContractStatus}: pause, activate, cancel, expire, fail, and a new next billing date;</li>
 *   <li>{@link SubscriptionDrafts} and {@link SubscriptionDraftLines}: update → draft edits → commit, each commit a
 *       new {@code revisionId};</li>
 *   <li>{@link BillingCycles}: the cycles ({@link BillingSchedule} says when they fall) with skip and unskip;</li>
 *   <li>{@link BillingAttempts}: attempts answered pending and settled after the store's billing delay.</li>
 * </ul>
 * A contract is a {@link SubscriptionContract}: the document GraphQL serves, and its bookkeeping typed.
 */
final class Subscriptions {

    private final ContractCheckout checkout;
    private final ContractStatus status;
    private final SubscriptionDrafts drafts;
    private final SubscriptionDraftLines draftLines;
    private final BillingCycles cycles;
    private final BillingAttempts attempts;

    Subscriptions(ShopData shop, Outbox outbox) {
        UserErrors errors = new UserErrors();
        this.checkout = new ContractCheckout(shop, outbox);
        this.status = new ContractStatus(shop, outbox, errors);
        this.drafts = new SubscriptionDrafts(shop, outbox, errors);
        this.draftLines = new SubscriptionDraftLines(shop, errors, drafts);
        this.cycles = new BillingCycles(shop, outbox, errors);
        this.attempts = new BillingAttempts(shop, outbox, errors, cycles);
    }

    /** A contract for a customer's checkout of a variant on a selling plan, with its origin order. */
    SubscriptionContract checkout(long customerId, ProductVariant variant, SellingPlan plan, int quantity) {
        return checkout.checkout(customerId, variant, plan, quantity);
    }

    /** subscriptionContractPause, Activate, Cancel, Expire and Fail. */
    Map<String, Object> setStatus(String contractGid, String status) {
        return this.status.setStatus(contractGid, status);
    }

    Map<String, Object> setNextBillingDate(String contractGid, String date) {
        return status.setNextBillingDate(contractGid, date);
    }

    /** subscriptionContractUpdate. */
    Map<String, Object> draft(String contractGid) {
        return drafts.draft(contractGid);
    }

    Map<String, Object> updateDraft(String draftGid, Map<String, Object> input) {
        return drafts.updateDraft(draftGid, input);
    }

    Map<String, Object> addDraftLine(String draftGid, Map<String, Object> input) {
        return draftLines.addDraftLine(draftGid, input);
    }

    Map<String, Object> updateDraftLine(String draftGid, String lineGid, Map<String, Object> input) {
        return draftLines.updateDraftLine(draftGid, lineGid, input);
    }

    Map<String, Object> removeDraftLine(String draftGid, String lineGid) {
        return draftLines.removeDraftLine(draftGid, lineGid);
    }

    Map<String, Object> commit(String draftGid) {
        return drafts.commit(draftGid);
    }

    /** subscriptionBillingCycles. */
    List<Map<String, Object>> cycles(
            String contractGid, Map<String, Object> indexRange, Map<String, Object> dateRange) {
        return cycles.cycles(contractGid, indexRange, dateRange);
    }

    /** subscriptionBillingCycle. */
    Map<String, Object> cycle(Map<String, Object> billingCycleInput) {
        return cycles.cycle(billingCycleInput);
    }

    /** subscriptionBillingCycleSkip ({@code skip}) and Unskip. */
    Map<String, Object> skip(Map<String, Object> billingCycleInput, boolean skip) {
        return cycles.skip(billingCycleInput, skip);
    }

    Map<String, Object> createAttempt(String contractGid, Map<String, Object> input) {
        return attempts.createAttempt(contractGid, input);
    }

    /** Settles a pending attempt (the billing timer calls this after the store's billing delay). */
    void resolve(SubscriptionBillingAttempt attempt) {
        attempts.resolve(attempt);
    }

    /** The schema's error type for a billing attempt error code, or null when the code is not one of Shopify's. */
    static String errorTypeOf(String code) {
        return BillingAttempts.errorTypeOf(code);
    }
}
