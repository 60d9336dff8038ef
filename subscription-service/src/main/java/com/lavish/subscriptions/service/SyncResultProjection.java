package com.lavish.subscriptions.service;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.lavish.consumer.AppliedEventLedger;
import com.lavish.events.ShopifyEvent;
import com.lavish.events.sync.SyncResult;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Applies sync-service's answers to this service's commands, idempotently: the result's ce_id (its command id) is
 * recorded in applied_event in the transaction of its effect, so a second delivery of one answer changes nothing.
 */
@ApplicationScoped
public class SyncResultProjection {

    private static final Logger LOG = Logger.getLogger(SyncResultProjection.class);

    private final AppliedEventLedger appliedEvents;
    private final ContractActions actions;
    private final BillingOutcomes billing;
    private final SellingPlanCatalogue catalogue;

    public SyncResultProjection(AppliedEventLedger appliedEvents, ContractActions actions, BillingOutcomes billing,
                                SellingPlanCatalogue catalogue) {
        this.appliedEvents = appliedEvents;
        this.actions = actions;
        this.billing = billing;
        this.catalogue = catalogue;
    }

    public Uni<EventOutcome> apply(ShopifyEvent event, SyncResult result) {
        return Panache.withTransaction(() -> appliedEvents.recordFirstDelivery(event).chain(first -> !first
                ? Uni.createFrom().item(EventOutcome.DUPLICATE) : settle(result)));
    }

    private Uni<EventOutcome> settle(SyncResult result) {
        return switch (result.type()) {
            case CONTRACT_PAUSE, CONTRACT_ACTIVATE, CONTRACT_CANCEL, BILLING_CYCLE_SKIP, BILLING_CYCLE_UNSKIP,
                 CONTRACT_UPDATE -> actions.settle(result);
            case BILLING_ATTEMPT_CREATE -> billing.settle(result);
            case SELLING_PLAN_GROUP_CREATE, SELLING_PLAN_GROUP_ADD_PRODUCTS, SELLING_PLAN_GROUP_REMOVE_PRODUCTS ->
                    catalogue.settle(result);
            case CONTRACT_FETCH -> {
                // the whole contract arrives on shopify.subscriptions; a failure leaves what the webhook carried
                if (result.outcome() != SyncResult.SyncOutcome.SUCCEEDED) {
                    LOG.warnf("contract %s could not be read from Shopify (%s); it keeps what its webhook carried",
                            result.contractId(), result.outcome());
                }
                yield Uni.createFrom().item(EventOutcome.APPLIED);
            }
            default -> Uni.createFrom().item(EventOutcome.UNKNOWN);
        };
    }
}
