package com.lavish.notifications.repository;

import com.lavish.notifications.Message;
import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** The message log through Hibernate Reactive: the admin's reads and resends. */
@ApplicationScoped
public class MessageRepository implements PanacheRepository<Message> {

    /** A customer's messages in a shop, newest first. */
    public Uni<List<Message>> ofCustomer(String shop, long customerId, int limit) {
        return find("shopDomain = ?1 and customerId = ?2 order by createdAt desc, id desc", shop, customerId)
                .page(0, limit)
                .list();
    }
}
