package com.lavish.sync.repository;

import com.lavish.sync.ReconcileCursor;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

/** Reconciliation cursors; callers run the statements in their transaction. */
@ApplicationScoped
public class ReconcileCursorRepository implements PanacheRepositoryBase<ReconcileCursor, ReconcileCursor.Key> {

    /** The cursor of a shop's resource, made (empty: a first load) when there is none. */
    public Uni<ReconcileCursor> of(String shop, String resource) {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery("""
                        insert into {h-schema}reconcile_cursor (shop_domain, resource, published)
                        values (:shop, :resource, 0)
                        on conflict (shop_domain, resource) do nothing""")
                        .setParameter("shop", shop)
                        .setParameter("resource", resource)
                        .executeUpdate())
                .chain(() -> findById(new ReconcileCursor.Key(shop, resource)));
    }

    /** Moves the cursor forward (never back) and counts what was published. */
    public Uni<Integer> advance(String shop, String resource, Instant updatedSince, long published, Instant now) {
        return update("""
                updatedSince = case when updatedSince is null or updatedSince < ?1 then ?1 else updatedSince end,
                published = published + ?2, lastRunAt = ?3 where shopDomain = ?4 and resource = ?5""", updatedSince, published, now, shop, resource);
    }

    public Uni<Integer> bulkOperation(String shop, String resource, String bulkOperationId) {
        return update("bulkOperationId = ?1 where shopDomain = ?2 and resource = ?3", bulkOperationId, shop, resource);
    }
}
