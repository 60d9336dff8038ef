package com.lavish.customers.repository;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * The customer_tag rows: each tag's presence with the time of its own last change. Native statements, since a
 * tag is a value of the customer, not an entity anyone loads; all in the caller's transaction.
 */
@ApplicationScoped
public class CustomerTagRepository {

    /** Sets each tag's presence, unless a newer change of that tag is stored. */
    public Uni<Void> change(long customerRowId, List<String> tags, boolean present, Instant changedAt) {
        return Multi.createFrom().iterable(tags)
                .onItem().transformToUniAndConcatenate(tag -> Panache.getSession().chain(session -> session
                        .createNativeQuery("""
                                insert into customer.customer_tag (customer_id, tag, present, changed_at)
                                values (:customer, :tag, :present, :changedAt)
                                on conflict (customer_id, tag) do update
                                    set present = excluded.present, changed_at = excluded.changed_at
                                    where customer_tag.changed_at < excluded.changed_at""")
                        .setParameter("customer", customerRowId)
                        .setParameter("tag", tag)
                        .setParameter("present", present)
                        .setParameter("changedAt", changedAt)
                        .executeUpdate()))
                .collect().last()
                .replaceWithVoid();
    }

    /** The tags the customer has now, in order. */
    public Uni<List<String>> present(long customerRowId) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        select tag from customer.customer_tag where customer_id = :customer and present
                        order by tag""", String.class)
                .setParameter("customer", customerRowId)
                .getResultList());
    }

    public Uni<Void> deleteAll(long customerRowId) {
        return Panache.getSession().chain(session -> session
                        .createNativeQuery("delete from customer.customer_tag where customer_id = :customer")
                        .setParameter("customer", customerRowId)
                        .executeUpdate())
                .replaceWithVoid();
    }
}
