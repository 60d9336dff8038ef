package com.lavish.subscriptions.messaging;

import com.lavish.consumer.EventPipeline;
import com.lavish.subscriptions.service.SyncResultProjection;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Consumes sync.results, sync-service's answers to every service's commands, a poll at a time, through
 * event-consumer's pipeline into {@link SyncResultProjection}: the records carry CloudEvents headers like the
 * shopify.* topics (ce_id is the command id), so the pipeline serves them as it is.
 */
@ApplicationScoped
public class SyncResultsConsumer {

    private final EventPipeline pipeline;
    private final SyncResultProjection projection;

    public SyncResultsConsumer(EventPipeline pipeline, SyncResultProjection projection) {
        this.pipeline = pipeline;
        this.projection = projection;
    }

    @Incoming("sync-results")
    public Uni<Void> consume(ConsumerRecords<String, byte[]> records) {
        return pipeline.consume(records, projection);
    }
}
