package com.lavish.subscriptions.repository;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

/**
 * The billing cycles skipped, by contract and the UTC date the cycle bills on, as the request paths and the billing run
 * read them in the caller's session (the consumers write them: {@code ContractWrites}).
 */
@ApplicationScoped
public class SkippedCycles {

    /** A skipped cycle of one of the shop's contracts. */
    public record Skipped(long contractId, LocalDate cycleDate) {}

    /** The skipped cycles of the contracts on or after {@code from}, soonest first. */
    public Uni<List<Skipped>> of(String shopDomain, Collection<Long> contractIds, LocalDate from) {
        if (contractIds.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return Panache.getSession()
                .chain(session -> session.createNativeQuery("""
                        select contract_shopify_id, cycle_date from {h-schema}skipped_cycle
                        where shop_domain = :shop and contract_shopify_id in (:contracts) and cycle_date >= :from
                        order by cycle_date""", Object[].class)
                        .setParameter("shop", shopDomain)
                        .setParameter("contracts", contractIds)
                        .setParameter("from", from)
                        .getResultList())
                .map(rows -> rows.stream()
                        .map(row -> new Skipped(((Number) row[0]).longValue(), date(row[1])))
                        .toList());
    }

    private static LocalDate date(Object value) {
        return value instanceof LocalDate date ? date : ((java.sql.Date) value).toLocalDate();
    }
}
