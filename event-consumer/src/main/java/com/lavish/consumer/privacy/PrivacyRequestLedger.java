package com.lavish.consumer.privacy;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * The privacy requests a service has received, in the {@code privacy_request} table of its own schema (each
 * service's migration creates it, with the same columns; {@link PrivacyRequests} writes it), as the admin and the
 * data-request export read them. Every method joins the caller's session and transaction; {h-schema} is the service's
 * hibernate-orm default schema.
 */
@ApplicationScoped
public class PrivacyRequestLedger {

    private static final String DATA_REQUEST_COLUMNS = "select ce_id, shop_domain, shopify_customer_id, received_at, "
            + "completed_at from {h-schema}privacy_request where type = '" + PrivacyRequest.CUSTOMERS_DATA_REQUEST
            + "'";

    /** The customers/data_request requests, newest first, at most {@code limit}; of one shop when it is not null. */
    public Uni<List<DataRequest>> dataRequests(String shop, int limit) {
        String order = " order by received_at desc, ce_id limit :limit";
        return Panache.getSession()
                .chain(session -> {
                    var query = session.createNativeQuery(
                                    DATA_REQUEST_COLUMNS + (shop == null ? "" : " and shop_domain = :shop") + order,
                                    Object[].class)
                            .setParameter("limit", limit);
                    if (shop != null) {
                        query.setParameter("shop", shop);
                    }
                    return query.getResultList();
                })
                .map(rows ->
                        rows.stream().map(PrivacyRequestLedger::dataRequest).toList());
    }

    /**
     * Marks the data request completed (once: a second fetch keeps the first completed_at) and returns it, or null
     * when there is none with this ce_id (also when the id names another kind of request).
     */
    public Uni<DataRequest> completeDataRequest(String ceId) {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery("""
                                update {h-schema}privacy_request set completed_at = now()
                                where ce_id = :ceId and type = :type and completed_at is null""")
                        .setParameter("ceId", ceId)
                        .setParameter("type", PrivacyRequest.CUSTOMERS_DATA_REQUEST)
                        .executeUpdate()
                        .chain(() -> session.createNativeQuery(
                                        DATA_REQUEST_COLUMNS + " and ce_id = :ceId", Object[].class)
                                .setParameter("ceId", ceId)
                                .getSingleResultOrNull()))
                .map(row -> row == null ? null : dataRequest(row));
    }

    private static DataRequest dataRequest(Object[] row) {
        return new DataRequest(
                (String) row[0],
                (String) row[1],
                row[2] == null ? null : ((Number) row[2]).longValue(),
                instant(row[3]),
                instant(row[4]));
    }

    /** A timestamptz as the driver hands it to a native query. */
    private static Instant instant(Object value) {
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        if (value instanceof Timestamp t) {
            return t.toInstant();
        }
        return null;
    }
}
