package com.lavish.notifications.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * A customer's choice about reminders, from the signed unsubscribe link. Stopping them again changes nothing (the
 * first time stays); a customer not seen yet gets a row that already says no; an erased customer stays erased.
 */
@ApplicationScoped
public class ReminderChoices {

    private static final String UNSUBSCRIBE = """
            insert into notification.recipient as r (shop_domain, customer_id, reminders_off_at)
            values (?1, ?2, now())
            on conflict (shop_domain, customer_id) do update set
                reminders_off_at = coalesce(r.reminders_off_at, excluded.reminders_off_at)
            where r.erased_at is null""";

    @WithTransaction
    public Uni<Void> unsubscribe(String shop, long customerId) {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(UNSUBSCRIBE)
                        .setParameter(1, shop)
                        .setParameter(2, customerId)
                        .executeUpdate())
                .replaceWithVoid();
    }
}
