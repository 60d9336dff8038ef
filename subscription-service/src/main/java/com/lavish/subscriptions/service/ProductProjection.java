package com.lavish.subscriptions.service;

import com.lavish.consumer.Delivery;
import com.lavish.consumer.EventProjection;
import com.lavish.consumer.ProjectionBatch;
import com.lavish.events.ShopifyEvent;
import com.lavish.subscriptions.messaging.ProductWebhookReader;
import com.lavish.subscriptions.repository.ProductRows;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/**
 * shopify.products (products/* webhooks and reconcile/products nodes) into the product catalogue, on event-consumer's
 * pipeline: a poll's products read in one round trip, its events applied in offset order by {@link ProductChanges}
 * (never older over newer, by updated_at; a node's groups are the product side of group M:N product), and written
 * set-based. Counted in {@code subscription.product.events}.
 */
@ApplicationScoped
public class ProductProjection implements EventProjection<ProductChange> {

    private final ProductWebhookReader reader;
    private final ProductRows rows;

    public ProductProjection(ProductWebhookReader reader, ProductRows rows) {
        this.reader = reader;
        this.rows = rows;
    }

    @Override
    public String metric() {
        return "subscription.product.events";
    }

    @Override
    public Optional<ProductChange> read(ShopifyEvent event) {
        return reader.read(event);
    }

    @Override
    public Uni<Void> write(ProjectionBatch<ProductChange> batch) {
        ProductRows.Keys keys = new ProductRows.Keys();
        for (Delivery<ProductChange> delivery : batch.deliveries()) {
            String shop = delivery.event().shopDomain();
            keys.product(shop, delivery.change().id());
            if (delivery.change() instanceof ProductChange.Version version && version.sellingPlanGroupIds() != null) {
                version.sellingPlanGroupIds().forEach(group -> keys.group(shop, group));
            }
        }
        return rows.read(batch.connection(), keys).chain(changes -> {
            batch.deliveries().forEach(d -> changes.apply(d, d.event().shopDomain(), d.change()));
            return rows.write(batch.connection(), changes);
        });
    }
}
