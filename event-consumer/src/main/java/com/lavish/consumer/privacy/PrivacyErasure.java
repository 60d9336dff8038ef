package com.lavish.consumer.privacy;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import java.util.List;

/**
 * What a privacy request erases in one service's schema; {@link PrivacyRequests} records the requests of a poll and
 * calls it in the same transaction, once per ce_id.
 */
public interface PrivacyErasure {

    /**
     * customers/redact: erases these customers' personal data with set-based statements on the poll's connection (in
     * its transaction, pipelined after the requests are recorded).
     */
    Uni<Void> redactCustomers(SqlConnection connection, List<PrivacyRequest> requests);

    /**
     * shop/redact: the tables of the service's schema whose rows of the shop are deleted, in this order (children
     * before their parents). privacy_request is never one of them: it is the record that the data was erased.
     */
    List<String> shopTables();

    /**
     * After the transaction that erased these customers' data has committed: ends what they still hold open outside
     * the database (a live stream, a cache). Never called if the transaction rolls back.
     */
    default Uni<Void> afterRedaction(List<PrivacyRequest> redactions) {
        return Uni.createFrom().voidItem();
    }

    /** Whether this service records requests of the type at all; another type is counted as ignored. */
    default boolean concerns(String type) {
        return true;
    }
}
