package com.lavish.subscriptions.repository;

import jakarta.enterprise.context.ApplicationScoped;

import com.lavish.subscriptions.Product;

import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class ProductRepository implements PanacheRepository<Product> {

    /** The product with its variants, or null. */
    public Uni<Product> findWhole(String shopDomain, long shopifyId) {
        return find("from Product p left join fetch p.variants where p.shopDomain = ?1 and p.shopifyId = ?2",
                shopDomain, shopifyId).list()
                .map(found -> found.isEmpty() ? null : found.get(0));
    }
}
