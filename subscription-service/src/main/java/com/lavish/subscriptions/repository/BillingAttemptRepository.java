package com.lavish.subscriptions.repository;

import com.lavish.subscriptions.BillingAttempt;
import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;

@ApplicationScoped
public class BillingAttemptRepository implements PanacheRepository<BillingAttempt> {

    public Uni<BillingAttempt> findByKey(String shopDomain, String idempotencyKey) {
        return find("shopDomain = ?1 and idempotencyKey = ?2", shopDomain, idempotencyKey)
                .firstResult();
    }

    /** The contracts' attempts, newest first. */
    public Uni<List<BillingAttempt>> newestOf(String shopDomain, Collection<Long> contractIds) {
        if (contractIds.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return find("shopDomain = ?1 and contractShopifyId in ?2 order by id desc", shopDomain, contractIds)
                .list();
    }
}
