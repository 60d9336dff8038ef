package com.lavish.customers.service;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.lavish.consumer.AppliedEventLedger;
import com.lavish.consumer.ChildRows;
import com.lavish.customers.Customer;
import com.lavish.customers.CustomerAddress;
import com.lavish.customers.repository.CustomerRepository;
import com.lavish.customers.repository.CustomerTagRepository;
import com.lavish.customers.service.CustomerSnapshot.AddressSnapshot;
import com.lavish.events.ShopifyEvent;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Applies customers/* and customer.* events to the customer tables, idempotently: in one transaction the delivery is recorded
 * (a second delivery of it changes nothing), and the change is applied only if it is newer than what is stored.
 * A delete erases the personal data and leaves a tombstone that no later event revives: Shopify never reuses a
 * customer id, so any event after the delete is a late one.
 */
@ApplicationScoped
public class CustomerProjection {

    private final CustomerRepository customers;
    private final CustomerTagRepository tags;
    private final AppliedEventLedger appliedEvents;

    public CustomerProjection(CustomerRepository customers, CustomerTagRepository tags,
                              AppliedEventLedger appliedEvents) {
        this.customers = customers;
        this.tags = tags;
        this.appliedEvents = appliedEvents;
    }

    /** Runs in the caller's transaction (a batch's, or a privacy request's), or opens its own. */
    public Uni<ProjectionOutcome> apply(ShopifyEvent event, CustomerChange change) {
        return Panache.withTransaction(() -> appliedEvents.recordFirstDelivery(event)
                .chain(first -> first ? applyChange(event.shopDomain(), change)
                        : Uni.createFrom().item(ProjectionOutcome.DUPLICATE)));
    }

    private Uni<ProjectionOutcome> applyChange(String shop, CustomerChange change) {
        if (change instanceof CustomerChange.Merge merge) {
            // the customer kept changes by its own customers/update; the one merged away is erased
            return customers.findWithAddresses(shop, merge.mergedAwayId())
                    .chain(stored -> erase(shop, stored, merge.mergedAwayId(), merge.mergedAt(), merge.customerId()));
        }
        return customers.findWithAddresses(shop, change.customerId()).chain(stored -> {
            if (stored != null && stored.isDeleted()) {
                return Uni.createFrom().item(ProjectionOutcome.DELETED);
            }
            if (change instanceof CustomerChange.Upsert upsert) {
                return upsert(shop, stored, upsert.snapshot());
            }
            if (change instanceof CustomerChange.Erase erase) {
                return erase(shop, stored, erase.customerId(), erase.deletedAt(), null);
            }
            Uni<Customer> customer = existing(shop, stored, change.customerId());
            if (change instanceof CustomerChange.Consent consent) {
                return customer.map(c -> consent(c, consent));
            }
            if (change instanceof CustomerChange.Tags changed) {
                return customer.chain(c -> changeTags(c, List.copyOf(changed.tags()), changed.present(),
                        changed.occurredAt())).replaceWith(ProjectionOutcome.APPLIED);
            }
            return customer.map(c -> purchasingSummary(c, (CustomerChange.PurchasingSummary) change));
        });
    }

    private Uni<ProjectionOutcome> upsert(String shop, Customer stored, CustomerSnapshot snapshot) {
        if (stored != null && stored.updatedAt != null && !snapshot.updatedAt().isAfter(stored.updatedAt)) {
            return Uni.createFrom().item(ProjectionOutcome.STALE);
        }
        // a row made by an earlier consent, tag or summary event has no updated_at: the first snapshot fills it
        // the tag statements before the entity changes, as in erase
        return existing(shop, stored, snapshot.id())
                .call(customer -> snapshot.tags() == null ? Uni.createFrom().voidItem()
                        : replaceTags(customer, snapshot.tags(), snapshot.updatedAt()))
                .invoke(customer -> copy(snapshot, customer)) // managed: flushed when the transaction commits
                .replaceWith(ProjectionOutcome.APPLIED);
    }

    /** The stored customer, or a new row for them (persisted and flushed, so it has its row id). */
    private Uni<Customer> existing(String shop, Customer stored, long shopifyId) {
        if (stored != null) {
            return Uni.createFrom().item(stored);
        }
        Customer created = Customer.of(shop, shopifyId);
        return customers.persistAndFlush(created).replaceWith(created);
    }

    /**
     * customers/delete, customers/redact and the customer merged away: erase the personal data and keep a tombstone.
     * When the delete overtook the create, the tombstone is what stops the create when it comes.
     */
    private Uni<ProjectionOutcome> erase(String shop, Customer stored, long shopifyId, Instant at, Long mergedInto) {
        if (stored != null && stored.isDeleted()) {
            return Uni.createFrom().item(ProjectionOutcome.DELETED);
        }
        // native statements first: one issued after an entity's collection changed trips Hibernate's flush
        return existing(shop, stored, shopifyId)
                .call(customer -> tags.deleteAll(customer.id))
                .invoke(customer -> {
                    customer.eraseAt(at);
                    customer.mergedIntoShopifyId = mergedInto;
                })
                .replaceWith(ProjectionOutcome.APPLIED);
    }

    private static ProjectionOutcome consent(Customer customer, CustomerChange.Consent consent) {
        boolean email = consent.channel() == CustomerChange.Consent.Channel.EMAIL;
        Instant stored = email ? customer.emailConsentVersion : customer.smsConsentVersion;
        if (stored != null && !consent.version().isAfter(stored)) {
            return ProjectionOutcome.STALE;
        }
        if (email) {
            customer.emailMarketingState = consent.state();
            customer.emailMarketingOptInLevel = consent.optInLevel();
            customer.emailMarketingUpdatedAt = consent.consentUpdatedAt();
            customer.emailConsentVersion = consent.version();
        } else {
            customer.smsMarketingState = consent.state();
            customer.smsMarketingOptInLevel = consent.optInLevel();
            customer.smsMarketingUpdatedAt = consent.consentUpdatedAt();
            customer.smsConsentVersion = consent.version();
        }
        return ProjectionOutcome.APPLIED;
    }

    private static ProjectionOutcome purchasingSummary(Customer customer, CustomerChange.PurchasingSummary summary) {
        if (customer.purchasingSummaryVersion != null
                && !summary.occurredAt().isAfter(customer.purchasingSummaryVersion)) {
            return ProjectionOutcome.STALE;
        }
        customer.numberOfOrders = summary.numberOfOrders();
        customer.amountSpent = summary.amountSpent();
        customer.amountSpentCurrency = summary.currency();
        customer.purchasingSummaryVersion = summary.occurredAt();
        return ProjectionOutcome.APPLIED;
    }

    /** A snapshot's whole tag list (the REST shape before 2025-01): listed tags are present, all others gone. */
    private Uni<Void> replaceTags(Customer customer, String tagList, Instant at) {
        List<String> listed = Arrays.stream(tagList.split(",")).map(String::strip).filter(t -> !t.isEmpty())
                .distinct().toList();
        return tags.present(customer.id)
                .chain(present -> tags.change(customer.id,
                        present.stream().filter(t -> !listed.contains(t)).toList(), false, at))
                .chain(() -> changeTags(customer, listed, true, at));
    }

    private Uni<Void> changeTags(Customer customer, List<String> changed, boolean present, Instant at) {
        // Shopify's REST shape: one comma-separated string, kept on the customer for whoever reads it whole
        return tags.change(customer.id, changed, present, at)
                .chain(() -> tags.present(customer.id))
                .invoke(now -> customer.tags = now.isEmpty() ? null : String.join(", ", now))
                .replaceWithVoid();
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
        if (from.emailMarketingConsent() != null) {
            CustomerSnapshot.EmailMarketingConsent consent = from.emailMarketingConsent();
            // the snapshot's consent is as new as the snapshot, unless the consent says when it changed
            consent(to, new CustomerChange.Consent(from.id(), CustomerChange.Consent.Channel.EMAIL, consent.state(),
                    consent.optInLevel(), consent.consentUpdatedAt(),
                    consent.consentUpdatedAt() != null ? consent.consentUpdatedAt() : from.updatedAt()));
        }
        if (from.addresses() != null) {
            copyAddresses(from, to);
        }
    }

    /** The address book as the snapshot has it, rows matched by Shopify address id ({@link ChildRows}). */
    private static void copyAddresses(CustomerSnapshot from, Customer to) {
        ChildRows.reconcile(to.addresses, a -> a.shopifyAddressId, from.addresses(), AddressSnapshot::id, snapshot -> {
            CustomerAddress address = new CustomerAddress();
            address.customer = to;
            address.shopDomain = to.shopDomain;
            address.shopifyAddressId = snapshot.id();
            return address;
        }, CustomerProjection::copyAddress);
    }

    private static void copyAddress(AddressSnapshot snapshot, CustomerAddress address) {
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
