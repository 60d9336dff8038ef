package com.lavish.consumer.privacy;

import com.lavish.edge.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.function.Function;

/**
 * Shopify's customers/data_request, carried out for the shop owner: the requests a service recorded from
 * shopify.compliance, and for one of them the service's part of the export. Handing the export over completes the
 * request ({@code completed_at}, set once).
 */
@ApplicationScoped
public class DataRequests {

    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 500;

    private final PrivacyRequestLedger ledger;

    public DataRequests(PrivacyRequestLedger ledger) {
        this.ledger = ledger;
    }

    /**
     * The newest first; {@code shop} narrows them to one shop, {@code limit} (1 to {@link #MAX_LIMIT}, default 100,
     * as the admin resource checks it) counts them.
     */
    @WithSession
    public Uni<List<DataRequest>> newest(String shop, Integer limit) {
        return ledger.dataRequests(shop, limit == null ? DEFAULT_LIMIT : limit);
    }

    /**
     * Completes the request and reads the service's part of its export, in one transaction: the completion is
     * written only with an export to hand over.
     *
     * @param part what the service holds about the request's customer, read in this transaction
     */
    @WithTransaction
    public <E> Uni<E> export(String requestId, Function<DataRequest, Uni<E>> part) {
        return ledger.completeDataRequest(requestId)
                .onItem()
                .ifNull()
                .failWith(
                        () -> ProblemException.notFound("there is no customers/data_request with the id " + requestId))
                .chain(request -> part.apply(request));
    }
}
