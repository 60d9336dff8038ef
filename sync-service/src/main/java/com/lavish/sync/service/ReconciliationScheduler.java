package com.lavish.sync.service;

import com.lavish.events.sync.ReconcileType;
import com.lavish.sync.config.ShopifyAdminConfig;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.EnumSet;

/**
 * The scheduled reconciliation pass, every {@code sync.reconciliation.every} ({@code off} in tests). Every replica
 * schedules it; the per-shop lock lets one of them run it.
 */
@ApplicationScoped
public class ReconciliationScheduler {

    private final ReconciliationService reconciliation;
    private final ShopifyAdminConfig shopify;

    public ReconciliationScheduler(ReconciliationService reconciliation, ShopifyAdminConfig shopify) {
        this.reconciliation = reconciliation;
        this.shopify = shopify;
    }

    @Scheduled(
            identity = "reconciliation",
            every = "${sync.reconciliation.every}",
            delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> reconcile() {
        return reconciliation
                .run(shopify.shops(), EnumSet.allOf(ReconcileType.class))
                .replaceWithVoid();
    }
}
