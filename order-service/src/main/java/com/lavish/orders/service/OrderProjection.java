package com.lavish.orders.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import jakarta.enterprise.context.ApplicationScoped;

import com.lavish.consumer.AfterCommit;
import com.lavish.consumer.AppliedEventLedger;
import com.lavish.consumer.ChildRows;
import com.lavish.consumer.privacy.PrivacyRequestLedger;
import com.lavish.events.ShopifyEvent;
import com.lavish.orders.CustomerOrder;
import com.lavish.orders.OrderEdit;
import com.lavish.orders.OrderFulfillment;
import com.lavish.orders.OrderLine;
import com.lavish.orders.OrderStatusChange;
import com.lavish.orders.repository.OrderRepository;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Applies shopify.orders events to the order tables, idempotently: in one transaction the delivery is recorded in
 * applied_event (a second delivery changes nothing), the version is applied only if it is newer than the stored
 * one (updated_at compared as instants, whatever their offsets), and each change of status the customer would see
 * is written to order_status_change. orders/delete leaves a tombstone that no later event revives: Shopify never
 * reuses an order id, so any event after the delete is a late one.
 */
@ApplicationScoped
public class OrderProjection {

    private final OrderRepository orders;
    private final PrivacyRequestLedger privacy;
    private final AppliedEventLedger appliedEvents;
    private final OrderStatusFeed statusFeed;

    public OrderProjection(OrderRepository orders, PrivacyRequestLedger privacy, AppliedEventLedger appliedEvents,
                           OrderStatusFeed statusFeed) {
        this.orders = orders;
        this.privacy = privacy;
        this.appliedEvents = appliedEvents;
        this.statusFeed = statusFeed;
    }

    /**
     * Runs in the caller's transaction (a batch's), or opens its own. The status changes it writes are announced to
     * every replica only once that transaction has committed: a stream must never show a change a rollback undid.
     */
    public Uni<ProjectionOutcome> apply(ShopifyEvent event, OrderChange change, AfterCommit afterCommit) {
        List<OrderStatusChange> written = new ArrayList<>();
        afterCommit.then(() -> statusFeed.announce(written));
        return Panache.withTransaction(() -> appliedEvents.recordFirstDelivery(event)
                .chain(first -> first ? applyChange(event.shopDomain(), change, written)
                        : Uni.createFrom().item(ProjectionOutcome.DUPLICATE)));
    }

    private Uni<ProjectionOutcome> applyChange(String shop, OrderChange change, List<OrderStatusChange> written) {
        if (change instanceof OrderChange.Edit edit) {
            return recordEdit(shop, edit);
        }
        return orders.findWhole(shop, change.orderId()).chain(stored -> {
            if (stored != null && stored.isDeleted()) {
                return Uni.createFrom().item(ProjectionOutcome.DELETED);
            }
            if (change instanceof OrderChange.Upsert upsert) {
                return upsert(shop, stored, upsert.snapshot(), written);
            }
            if (change instanceof OrderChange.Fulfillment fulfillment) {
                return fulfillment(shop, stored, fulfillment.snapshot(), written);
            }
            return delete(shop, stored, (OrderChange.Delete) change);
        });
    }

    private Uni<ProjectionOutcome> upsert(String shop, CustomerOrder stored, OrderSnapshot snapshot,
                                          List<OrderStatusChange> written) {
        if (stored != null && stored.updatedAt != null && !snapshot.updatedAt().isAfter(stored.updatedAt)) {
            return Uni.createFrom().item(ProjectionOutcome.STALE);
        }
        CustomerOrder order = stored != null ? stored : CustomerOrder.of(shop, snapshot.id());
        // a placeholder made by a fulfillment that overtook the create has no statuses yet: its first version is "placed"
        boolean placed = stored == null || stored.updatedAt == null;
        String financialBefore = order.financialStatus;
        String fulfillmentBefore = order.fulfillmentStatus;
        Instant cancelledBefore = order.cancelledAt;
        copy(snapshot, order);
        List<OrderStatusChange> changes = new ArrayList<>();
        List<String> what = new ArrayList<>();
        if (placed) {
            what.add("placed");
        } else {
            if (!Objects.equals(financialBefore, order.financialStatus)) {
                what.add("financial_status");
            }
            if (!Objects.equals(fulfillmentBefore, order.fulfillmentStatus)) {
                what.add("fulfillment_status");
            }
            if (cancelledBefore == null && order.cancelledAt != null) {
                what.add("cancelled");
            }
        }
        if (!what.isEmpty()) {
            changes.add(OrderStatusChange.of(order, String.join(",", what), snapshot.updatedAt()));
        }
        for (FulfillmentSnapshot fulfillment : snapshot.fulfillments()) {
            mergeFulfillment(order, fulfillment, changes);
        }
        // a customer who asked to be redacted stays redacted, whatever later versions carry
        Uni<Void> redaction = order.shopifyCustomerId == null ? Uni.createFrom().voidItem()
                : privacy.customerRedactedAt(shop, order.shopifyCustomerId).invoke(redactedAt -> {
                    if (redactedAt != null) {
                        order.redactPersonalData(redactedAt);
                    }
                }).replaceWithVoid();
        Uni<?> saved = stored != null ? Uni.createFrom().voidItem() : orders.persist(order);
        return redaction.chain(() -> saved).chain(() -> persistAll(changes, written))
                .replaceWith(ProjectionOutcome.APPLIED);
    }

    private Uni<ProjectionOutcome> fulfillment(String shop, CustomerOrder stored, FulfillmentSnapshot snapshot,
                                               List<OrderStatusChange> written) {
        // the fulfillment overtook the order's create: a placeholder holds it, and the create fills the rest
        CustomerOrder order = stored != null ? stored : CustomerOrder.of(shop, snapshot.orderId());
        List<OrderStatusChange> changes = new ArrayList<>();
        boolean applied = mergeFulfillment(order, snapshot, changes);
        if (!applied) {
            return Uni.createFrom().item(ProjectionOutcome.STALE);
        }
        order.syncedAt = Instant.now();
        if (stored == null) {
            // no status row for a placeholder: nobody is known to show it to until the order itself arrives
            changes.clear();
        }
        Uni<?> saved = stored != null ? Uni.createFrom().voidItem() : orders.persist(order);
        return saved.chain(() -> persistAll(changes, written)).replaceWith(ProjectionOutcome.APPLIED);
    }

    private Uni<ProjectionOutcome> delete(String shop, CustomerOrder stored, OrderChange.Delete delete) {
        if (stored == null) {
            // the delete overtook the create: the tombstone is what stops the create when it comes
            CustomerOrder tombstone = CustomerOrder.of(shop, delete.orderId());
            tombstone.deleteAt(delete.deletedAt());
            return orders.persist(tombstone).replaceWith(ProjectionOutcome.APPLIED);
        }
        stored.deleteAt(delete.deletedAt());
        return Uni.createFrom().item(ProjectionOutcome.APPLIED);
    }

    private Uni<ProjectionOutcome> recordEdit(String shop, OrderChange.Edit edit) {
        OrderEdit row = new OrderEdit();
        row.shopDomain = shop;
        row.shopifyOrderEditId = edit.editId();
        row.shopifyOrderId = edit.orderId();
        row.createdAt = edit.createdAt();
        row.committedAt = edit.committedAt();
        row.lineItemChanges = edit.lineItemChanges();
        return Panache.getSession().chain(session -> session.persist(row))
                .chain(() -> orders.findWhole(shop, edit.orderId()))
                .invoke(order -> {
                    if (order != null && !order.isDeleted()
                            && (order.lastEditedAt == null || edit.committedAt().isAfter(order.lastEditedAt))) {
                        order.lastEditedAt = edit.committedAt();
                    }
                })
                .replaceWith(ProjectionOutcome.APPLIED);
    }

    /**
     * Adds the fulfillment or updates it when this version is newer than the stored one (by its own updated_at),
     * noting a new fulfillment or new tracking as a status change.
     *
     * @return false when the stored version is as new or newer
     */
    private static boolean mergeFulfillment(CustomerOrder order, FulfillmentSnapshot snapshot,
                                            List<OrderStatusChange> changes) {
        OrderFulfillment fulfillment = order.fulfillments.stream()
                .filter(f -> f.shopifyFulfillmentId == snapshot.id()).findFirst().orElse(null);
        boolean isNew = fulfillment == null;
        if (isNew) {
            fulfillment = new OrderFulfillment();
            fulfillment.order = order;
            fulfillment.shopDomain = order.shopDomain;
            fulfillment.shopifyFulfillmentId = snapshot.id();
            order.fulfillments.add(fulfillment);
        } else if (fulfillment.updatedAt != null && snapshot.updatedAt() != null
                && !snapshot.updatedAt().isAfter(fulfillment.updatedAt)) {
            return false;
        }
        boolean newTracking = !isNew && (!Objects.equals(fulfillment.trackingNumber, snapshot.trackingNumber())
                || !Objects.equals(fulfillment.trackingUrl, snapshot.trackingUrl())
                || !Objects.equals(fulfillment.trackingCompany, snapshot.trackingCompany()));
        fulfillment.name = snapshot.name();
        fulfillment.status = snapshot.status();
        fulfillment.shipmentStatus = snapshot.shipmentStatus();
        fulfillment.trackingCompany = snapshot.trackingCompany();
        fulfillment.trackingNumber = snapshot.trackingNumber();
        fulfillment.trackingUrl = snapshot.trackingUrl();
        fulfillment.createdAt = snapshot.createdAt();
        fulfillment.updatedAt = snapshot.updatedAt();
        if (isNew || newTracking) {
            Instant at = snapshot.updatedAt() != null ? snapshot.updatedAt()
                    : order.updatedAt != null ? order.updatedAt : Instant.now();
            changes.add(OrderStatusChange.of(order, fulfillment, isNew ? "fulfillment" : "tracking", at));
        }
        return true;
    }

    private static Uni<Void> persistAll(List<OrderStatusChange> changes, List<OrderStatusChange> written) {
        if (changes.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        written.addAll(changes);
        return Panache.getSession().chain(session -> session.persistAll(changes.toArray()));
    }

    private static void copy(OrderSnapshot from, CustomerOrder to) {
        to.shopifyCustomerId = from.customerId();
        to.orderNumber = from.orderNumber();
        to.name = from.name();
        to.email = from.email();
        to.phone = from.phone();
        to.customerFirstName = from.customerFirstName();
        to.customerLastName = from.customerLastName();
        to.note = from.note();
        to.currency = from.currency();
        to.subtotalPrice = from.subtotalPrice();
        to.totalShippingPrice = from.totalShippingPrice();
        to.totalTax = from.totalTax();
        to.totalDiscounts = from.totalDiscounts();
        to.totalPrice = from.totalPrice();
        to.financialStatus = from.financialStatus();
        to.fulfillmentStatus = from.fulfillmentStatus();
        to.cancelledAt = from.cancelledAt();
        to.cancelReason = from.cancelReason();
        to.createdAt = from.createdAt();
        to.processedAt = from.processedAt();
        to.placedAt = from.processedAt() != null ? from.processedAt() : from.createdAt();
        to.updatedAt = from.updatedAt();
        to.syncedAt = Instant.now();
        OrderSnapshot.Address shipping = from.shippingAddress();
        to.shippingName = shipping == null ? null : shipping.name();
        to.shippingCompany = shipping == null ? null : shipping.company();
        to.shippingAddress1 = shipping == null ? null : shipping.address1();
        to.shippingAddress2 = shipping == null ? null : shipping.address2();
        to.shippingCity = shipping == null ? null : shipping.city();
        to.shippingProvince = shipping == null ? null : shipping.province();
        to.shippingProvinceCode = shipping == null ? null : shipping.provinceCode();
        to.shippingCountry = shipping == null ? null : shipping.country();
        to.shippingCountryCode = shipping == null ? null : shipping.countryCode();
        to.shippingZip = shipping == null ? null : shipping.zip();
        to.shippingPhone = shipping == null ? null : shipping.phone();
        OrderSnapshot.Address billing = from.billingAddress();
        to.billingName = billing == null ? null : billing.name();
        to.billingAddress1 = billing == null ? null : billing.address1();
        to.billingAddress2 = billing == null ? null : billing.address2();
        to.billingCity = billing == null ? null : billing.city();
        to.billingProvince = billing == null ? null : billing.province();
        to.billingCountryCode = billing == null ? null : billing.countryCode();
        to.billingZip = billing == null ? null : billing.zip();
        to.billingPhone = billing == null ? null : billing.phone();
        copyLines(from, to);
    }

    /** The lines as the version has them, matched by Shopify line id ({@link ChildRows}). */
    private static void copyLines(OrderSnapshot from, CustomerOrder to) {
        ChildRows.reconcile(to.lines, line -> line.shopifyLineId, from.lines(), OrderSnapshot.Line::id, snapshot -> {
            OrderLine line = new OrderLine();
            line.order = to;
            line.shopDomain = to.shopDomain;
            line.shopifyLineId = snapshot.id();
            return line;
        }, OrderProjection::copyLine);
    }

    private static void copyLine(OrderSnapshot.Line snapshot, OrderLine line) {
        line.productId = snapshot.productId();
        line.variantId = snapshot.variantId();
        line.title = snapshot.title();
        line.variantTitle = snapshot.variantTitle();
        line.sku = snapshot.sku();
        line.quantity = snapshot.quantity();
        line.currentQuantity = snapshot.currentQuantity();
        line.price = snapshot.price();
        line.totalDiscount = snapshot.totalDiscount();
        line.sellingPlanId = snapshot.sellingPlanId();
        line.sellingPlanName = snapshot.sellingPlanName();
        line.fulfillmentStatus = snapshot.fulfillmentStatus();
    }
}
