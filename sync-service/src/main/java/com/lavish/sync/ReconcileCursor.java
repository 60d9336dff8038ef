package com.lavish.sync;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/** How far reconciliation has read one resource of one shop. */
@Entity
@Table(name = "reconcile_cursor")
@IdClass(ReconcileCursor.Key.class)
public class ReconcileCursor {

    @Id
    public String shopDomain;
    /** A {@link com.lavish.events.sync.ReconcileType} name. */
    @Id
    public String resource;
    /** The newest updatedAt published; null before the first load. */
    public Instant updatedSince;

    public String bulkOperationId;
    public Instant lastRunAt;
    public long published;

    /** The composite key. */
    public static class Key implements Serializable {
        public String shopDomain;
        public String resource;

        public Key() {}

        public Key(String shopDomain, String resource) {
            this.shopDomain = shopDomain;
            this.resource = resource;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key
                    && Objects.equals(shopDomain, key.shopDomain)
                    && Objects.equals(resource, key.resource);
        }

        @Override
        public int hashCode() {
            return Objects.hash(shopDomain, resource);
        }
    }
}
