package com.lavish.customers.repository;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.lavish.customers.PrivacyRequestRecord;
import com.lavish.customers.service.PrivacyRequest;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

/** The recorded customers/data_request requests, for the admin's list and export. */
@ApplicationScoped
public class DataRequestRepository implements PanacheRepositoryBase<PrivacyRequestRecord, String> {

    /** The newest first, at most {@code limit}; of one shop when {@code shop} is not null. */
    public Uni<List<PrivacyRequestRecord>> newest(String shop, int limit) {
        Sort newestFirst = Sort.descending("receivedAt").and("ceId");
        return (shop == null
                ? find("type", newestFirst, PrivacyRequest.CUSTOMERS_DATA_REQUEST)
                : find("type = ?1 and shopDomain = ?2", newestFirst, PrivacyRequest.CUSTOMERS_DATA_REQUEST, shop))
                .page(Page.ofSize(limit))
                .list();
    }

    /** The data request with this ce_id, or null (also when the id names another kind of request). */
    public Uni<PrivacyRequestRecord> findDataRequest(String ceId) {
        return find("ceId = ?1 and type = ?2", ceId, PrivacyRequest.CUSTOMERS_DATA_REQUEST).firstResult();
    }
}
