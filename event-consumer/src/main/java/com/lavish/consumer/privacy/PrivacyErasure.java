package com.lavish.consumer.privacy;

import java.util.List;

import io.smallrye.mutiny.Uni;

/**
 * What a privacy request erases in one service's schema; {@link PrivacyRequests} records the request and calls it
 * in the same transaction, once per ce_id.
 */
public interface PrivacyErasure {

    /** customers/redact: erases the customer's personal data, in the caller's transaction. */
    Uni<?> redactCustomer(PrivacyRequest request);

    /**
     * shop/redact: the tables of the service's schema whose rows of the shop are deleted, in this order (children
     * before their parents). privacy_request is never one of them: it is the record that the data was erased.
     */
    List<String> shopTables();

    /** Whether this service records requests of the type at all; another type is counted as ignored. */
    default boolean concerns(String type) {
        return true;
    }
}
