package com.lavish.subscriptions.repository;

import com.lavish.subscriptions.ContractAction;
import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;

@ApplicationScoped
public class ContractActionRepository implements PanacheRepository<ContractAction> {

    /** The contracts' actions, newest first. */
    public Uni<List<ContractAction>> newestOf(String shopDomain, Collection<Long> contractIds) {
        if (contractIds.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return find("shopDomain = ?1 and contractShopifyId in ?2 order by id desc", shopDomain, contractIds)
                .list();
    }
}
