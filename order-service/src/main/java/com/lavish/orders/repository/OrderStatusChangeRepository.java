package com.lavish.orders.repository;

import com.lavish.orders.OrderStatusChange;
import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

@ApplicationScoped
public class OrderStatusChangeRepository implements PanacheRepository<OrderStatusChange> {

    /** The newest {@code limit} of the customer's status changes stored after {@code afterId}, oldest first. */
    public Uni<List<OrderStatusChange>> after(String shop, long customerId, long afterId, int limit) {
        return find(
                        "shopDomain = ?1 and shopifyCustomerId = ?2 and id > ?3",
                        Sort.descending("id"),
                        shop,
                        customerId,
                        afterId)
                .page(Page.ofSize(limit))
                .list()
                .map(newestFirst -> {
                    List<OrderStatusChange> oldestFirst = new ArrayList<>(newestFirst);
                    Collections.reverse(oldestFirst);
                    return oldestFirst;
                });
    }
}
