package com.lavish.subscriptions;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A product of the shop's catalogue with its variants, as products/* webhooks and reconcile/products tell it. */
@Entity
@Table(name = "product")
public class Product {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String shopDomain;
    public long shopifyId;
    public String title;
    public String handle;
    public String status;
    public Instant updatedAt;
    public Instant deletedAt;

    @OneToMany(mappedBy = "product", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("id")
    public List<ProductVariant> variants = new ArrayList<>();

    public static Product of(String shopDomain, long shopifyId) {
        Product product = new Product();
        product.shopDomain = shopDomain;
        product.shopifyId = shopifyId;
        return product;
    }
}
