package com.lavish.subscriptions.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import com.lavish.consumer.AfterCommit;
import com.lavish.consumer.RecordWork;
import com.lavish.consumer.ShopifyEventHandler;
import com.lavish.events.ShopifyEvent;
import com.lavish.subscriptions.service.BillingOutcomes;
import com.lavish.subscriptions.service.ContractProjection;
import com.lavish.subscriptions.service.EventOutcome;
import com.lavish.subscriptions.service.SellingPlanCatalogue;
import com.lavish.subscriptions.service.SubscriptionChange;
import com.lavish.subscriptions.service.SyncCommandRelay;

import io.smallrye.mutiny.Uni;

/**
 * Consumes shopify.subscriptions: contract versions (webhooks, and the whole contracts sync-service reads back),
 * billing attempts and skipped cycles, selling plan groups. Outcomes are counted in {@code subscription.events}; a
 * record that still fails after the retries goes to shopify.subscriptions.dlq ({@link ShopifyEventHandler}). The
 * commands an event asks for (a contract fetch, dunning's pause) are relayed once its batch has committed.
 */
@ApplicationScoped
public class SubscriptionEventsConsumer {

    private final ShopifyEventHandler handler;
    private final SubscriptionWebhookReader reader;
    private final ContractProjection contracts;
    private final BillingOutcomes billing;
    private final SellingPlanCatalogue catalogue;
    private final SyncCommandRelay relay;

    public SubscriptionEventsConsumer(ShopifyEventHandler handler, SubscriptionWebhookReader reader,
                                      ContractProjection contracts, BillingOutcomes billing,
                                      SellingPlanCatalogue catalogue, SyncCommandRelay relay) {
        this.handler = handler;
        this.reader = reader;
        this.contracts = contracts;
        this.billing = billing;
        this.catalogue = catalogue;
        this.relay = relay;
    }

    @Incoming("shopify-subscriptions")
    public Uni<Void> consume(ConsumerRecords<String, byte[]> records) {
        return handler.<EventOutcome> handleBatch(records, "subscription.events",
                event -> reader.read(event).map(change -> work(event, change)));
    }

    private RecordWork<EventOutcome> work(ShopifyEvent event, SubscriptionChange change) {
        return (AfterCommit afterCommit) -> {
            afterCommit.then(relay::relayQuietly);
            if (change instanceof SubscriptionChange.ContractVersion version) {
                return contracts.apply(event, version.contract());
            }
            if (change instanceof SubscriptionChange.BillingAttemptReport report) {
                return billing.apply(event, report);
            }
            if (change instanceof SubscriptionChange.CycleSkip cycle) {
                return billing.applyCycle(event, cycle);
            }
            if (change instanceof SubscriptionChange.GroupVersion group) {
                return catalogue.apply(event, group);
            }
            return catalogue.delete(event, (SubscriptionChange.GroupDeleted) change);
        };
    }
}
