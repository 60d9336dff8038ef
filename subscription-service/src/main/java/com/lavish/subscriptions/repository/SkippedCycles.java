package com.lavish.subscriptions.repository;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/** The billing cycles skipped, by contract and the UTC date the cycle bills on. Joins the caller's transaction. */
@ApplicationScoped
public class SkippedCycles {

    /** A skipped cycle of one of the shop's contracts. */
    public record Skipped(long contractId, LocalDate cycleDate) {
    }

    public Uni<Void> skip(String shopDomain, long contractId, LocalDate cycleDate, Integer cycleIndex, Instant at) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        insert into {h-schema}skipped_cycle (shop_domain, contract_shopify_id, cycle_date, cycle_index,
                            skipped_at)
                        values (:shop, :contract, :date, :index, :at)
                        on conflict (shop_domain, contract_shopify_id, cycle_date) do nothing""")
                .setParameter("shop", shopDomain)
                .setParameter("contract", contractId)
                .setParameter("date", cycleDate)
                .setParameter("index", cycleIndex)
                .setParameter("at", at)
                .executeUpdate())
                .replaceWithVoid();
    }

    public Uni<Void> unskip(String shopDomain, long contractId, LocalDate cycleDate) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        delete from {h-schema}skipped_cycle
                        where shop_domain = :shop and contract_shopify_id = :contract and cycle_date = :date""")
                .setParameter("shop", shopDomain)
                .setParameter("contract", contractId)
                .setParameter("date", cycleDate)
                .executeUpdate())
                .replaceWithVoid();
    }

    /** The skipped cycles of the contracts on or after {@code from}, soonest first. */
    public Uni<List<Skipped>> of(String shopDomain, Collection<Long> contractIds, LocalDate from) {
        if (contractIds.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        select contract_shopify_id, cycle_date from {h-schema}skipped_cycle
                        where shop_domain = :shop and contract_shopify_id in (:contracts) and cycle_date >= :from
                        order by cycle_date""", Object[].class)
                .setParameter("shop", shopDomain)
                .setParameter("contracts", contractIds)
                .setParameter("from", from)
                .getResultList())
                .map(rows -> rows.stream().map(row -> new Skipped(((Number) row[0]).longValue(), date(row[1]))).toList());
    }

    private static LocalDate date(Object value) {
        return value instanceof LocalDate date ? date : ((java.sql.Date) value).toLocalDate();
    }
}
