package com.lavish.customers.service;

import java.util.HashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import com.lavish.consumer.AppliedEventLedger;
import com.lavish.customers.Customer;
import com.lavish.customers.CustomerAddress;
import com.lavish.customers.repository.CustomerRepository;
import com.lavish.customers.service.CustomerSnapshot.AddressSnapshot;
import com.lavish.events.ShopifyEvent;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Applies customers/* events to the customer tables, idempotently: in one transaction the delivery is recorded
 * (a second delivery of it changes nothing), and the change is applied only if it is newer than what is stored.
 * A delete erases the personal data and leaves a tombstone that no later event revives: Shopify never reuses a
 * customer id, so any event after the delete is a late one.
 */
@ApplicationScoped
public class CustomerProjection {

    private final CustomerRepository customers;
    private final AppliedEventLedger appliedEvents;

    public CustomerProjection(CustomerRepository customers, AppliedEventLedger appliedEvents) {
        this.customers = customers;
        this.appliedEvents = appliedEvents;
    }

    /** Opens its own session and transaction: call it once per attempt, from the event's Vert.x context. */
    public Uni<ProjectionOutcome> apply(ShopifyEvent event, CustomerChange change) {
        return Panache.withTransaction(() -> appliedEvents.recordFirstDelivery(event)
                .chain(first -> first ? applyChange(event.shopDomain(), change)
                        : Uni.createFrom().item(ProjectionOutcome.DUPLICATE)));
    }

    private Uni<ProjectionOutcome> applyChange(String shop, CustomerChange change) {
        return customers.findWithAddresses(shop, change.customerId()).chain(stored ->
                change instanceof CustomerChange.Upsert upsert ? upsert(shop, stored, upsert.snapshot())
                        : erase(shop, stored, (CustomerChange.Erase) change));
    }

    private Uni<ProjectionOutcome> upsert(String shop, Customer stored, CustomerSnapshot snapshot) {
        if (stored == null) {
            Customer created = Customer.of(shop, snapshot.id());
            copy(snapshot, created);
            return customers.persist(created).replaceWith(ProjectionOutcome.APPLIED);
        }
        if (stored.isDeleted()) {
            return Uni.createFrom().item(ProjectionOutcome.DELETED);
        }
        if (stored.updatedAt != null && !snapshot.updatedAt().isAfter(stored.updatedAt)) {
            return Uni.createFrom().item(ProjectionOutcome.STALE);
        }
        copy(snapshot, stored); // a managed entity: flushed when the transaction commits
        return Uni.createFrom().item(ProjectionOutcome.APPLIED);
    }

    private Uni<ProjectionOutcome> erase(String shop, Customer stored, CustomerChange.Erase erase) {
        if (stored == null) {
            // the delete overtook the create: the tombstone is what stops the create when it comes
            Customer tombstone = Customer.of(shop, erase.customerId());
            tombstone.eraseAt(erase.deletedAt());
            return customers.persist(tombstone).replaceWith(ProjectionOutcome.APPLIED);
        }
        if (stored.isDeleted()) {
            return Uni.createFrom().item(ProjectionOutcome.DELETED);
        }
        stored.eraseAt(erase.deletedAt());
        return Uni.createFrom().item(ProjectionOutcome.APPLIED);
    }

    private static void copy(CustomerSnapshot from, Customer to) {
        to.email = from.email();
        to.firstName = from.firstName();
        to.lastName = from.lastName();
        to.phone = from.phone();
        to.state = from.state();
        to.note = from.note();
        to.verifiedEmail = from.verifiedEmail();
        to.currency = from.currency();
        to.createdAt = from.createdAt();
        to.updatedAt = from.updatedAt();
        if (from.tags() != null) {
            to.tags = from.tags();
        }
        if (from.emailMarketingConsent() != null) {
            to.emailMarketingState = from.emailMarketingConsent().state();
            to.emailMarketingOptInLevel = from.emailMarketingConsent().optInLevel();
            to.emailMarketingUpdatedAt = from.emailMarketingConsent().consentUpdatedAt();
        }
        if (from.addresses() != null) {
            copyAddresses(from, to);
        }
    }

    /**
     * Updates addresses in place by Shopify id, adds new ones and removes the ones gone. Clearing and re-adding
     * would make Hibernate insert before it deletes and trip the unique (customer, Shopify address id).
     */
    private static void copyAddresses(CustomerSnapshot from, Customer to) {
        Map<Long, AddressSnapshot> incoming = new HashMap<>();
        from.addresses().forEach(a -> incoming.put(a.id(), a));
        to.addresses.removeIf(a -> !incoming.containsKey(a.shopifyAddressId));
        Map<Long, CustomerAddress> kept = new HashMap<>();
        to.addresses.forEach(a -> kept.put(a.shopifyAddressId, a));
        for (AddressSnapshot snapshot : from.addresses()) {
            CustomerAddress address = kept.get(snapshot.id());
            if (address == null) {
                address = new CustomerAddress();
                address.customer = to;
                address.shopDomain = to.shopDomain;
                address.shopifyAddressId = snapshot.id();
                to.addresses.add(address);
                kept.put(snapshot.id(), address);
            }
            address.firstName = snapshot.firstName();
            address.lastName = snapshot.lastName();
            address.company = snapshot.company();
            address.address1 = snapshot.address1();
            address.address2 = snapshot.address2();
            address.city = snapshot.city();
            address.province = snapshot.province();
            address.provinceCode = snapshot.provinceCode();
            address.country = snapshot.country();
            address.countryCode = snapshot.countryCode();
            address.zip = snapshot.zip();
            address.phone = snapshot.phone();
            address.isDefault = snapshot.isDefault();
        }
    }
}
