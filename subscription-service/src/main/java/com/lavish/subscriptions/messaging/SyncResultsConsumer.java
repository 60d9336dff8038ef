package com.lavish.subscriptions.messaging;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import com.lavish.consumer.ShopifyEventHandler;
import com.lavish.events.sync.SyncMessages;
import com.lavish.events.sync.SyncResult;
import com.lavish.subscriptions.service.EventOutcome;
import com.lavish.subscriptions.service.SyncCommandRelay;
import com.lavish.subscriptions.service.SyncCommands;
import com.lavish.subscriptions.service.SyncResultProjection;

import io.smallrye.mutiny.Uni;

/**
 * Consumes sync.results, sync-service's answers to every service's commands, and applies those to this service's
 * (origin subscription-service); the others are counted as ignored. The records carry CloudEvents headers like the
 * shopify.* topics, so event-consumer's pipeline serves them as it is: one transaction per poll, ce_id (the command id)
 * deduplicated, what still fails to sync.results.dlq. Counted in {@code subscription.sync.results}.
 */
@ApplicationScoped
public class SyncResultsConsumer {

    private final ShopifyEventHandler handler;
    private final SyncResultProjection projection;
    private final SyncCommandRelay relay;

    public SyncResultsConsumer(ShopifyEventHandler handler, SyncResultProjection projection, SyncCommandRelay relay) {
        this.handler = handler;
        this.projection = projection;
        this.relay = relay;
    }

    @Incoming("sync-results")
    public Uni<Void> consume(ConsumerRecords<String, byte[]> records) {
        return handler.<EventOutcome> handleBatch(records, "subscription.sync.results", event -> {
            // a malformed value goes to the dead letters from here (MalformedEventException)
            SyncResult result = SyncMessages.readResult(event.payload());
            if (!SyncCommands.ORIGIN.equals(result.origin())) {
                return Optional.empty();
            }
            return Optional.of(afterCommit -> {
                afterCommit.then(relay::relayQuietly);
                return projection.apply(event, result);
            });
        });
    }
}
