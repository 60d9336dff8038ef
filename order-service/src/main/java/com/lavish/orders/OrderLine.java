package com.lavish.orders;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.math.BigDecimal;

/** One line item of an order, with the selling plan it was bought on. */
@Entity
@Table(name = "order_line")
public class OrderLine {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne
    @JoinColumn(name = "order_id")
    public CustomerOrder order;

    public String shopDomain;
    public long shopifyLineId;
    public Long productId;
    public Long variantId;
    public String title;
    public String variantTitle;
    public String sku;
    public int quantity;
    public Integer currentQuantity;
    public BigDecimal price;
    public BigDecimal totalDiscount;
    public Long sellingPlanId;
    public String sellingPlanName;
    public String fulfillmentStatus;
}
