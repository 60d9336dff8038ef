package com.lavish.subscriptions.service;

import java.math.BigInteger;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import com.lavish.consumer.ChildRows;
import com.lavish.consumer.AppliedEventLedger;
import com.lavish.consumer.privacy.PrivacyRequestLedger;
import com.lavish.events.ShopifyEvent;
import com.lavish.events.sync.SyncCommandType;
import com.lavish.subscriptions.ContractStatus;
import com.lavish.subscriptions.SubscriptionContract;
import com.lavish.subscriptions.SubscriptionLine;
import com.lavish.subscriptions.repository.ContractRepository;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Applies versions of contracts, idempotently: in one transaction the delivery is recorded in applied_event (a
 * second delivery changes nothing), and a version is applied only if it is newer than the stored one. Contracts have
 * no updated_at: versions are ordered by {@code revision_id} compared as numbers, and by ce_time when a version has
 * none (shopify-reference.md §1.4). A webhook is thin, so applying one keeps the lines, next billing date and address
 * stored before and asks sync-service for the whole contract (CONTRACT_FETCH); the Admin API node that answers, at
 * the same revision, completes it. If the fetch never comes, the contract keeps what the webhook carried.
 */
@ApplicationScoped
public class ContractProjection {

    private final ContractRepository contracts;
    private final AppliedEventLedger appliedEvents;
    private final PrivacyRequestLedger privacy;
    private final SyncCommands commands;
    private final ContractActions actions;
    private final MeterRegistry metrics;

    public ContractProjection(ContractRepository contracts, AppliedEventLedger appliedEvents,
                              PrivacyRequestLedger privacy, SyncCommands commands, ContractActions actions,
                              MeterRegistry metrics) {
        this.contracts = contracts;
        this.appliedEvents = appliedEvents;
        this.privacy = privacy;
        this.commands = commands;
        this.actions = actions;
        this.metrics = metrics;
    }

    /** Runs in the caller's transaction (a batch's), or opens its own. */
    public Uni<EventOutcome> apply(ShopifyEvent event, ContractSnapshot snapshot) {
        return Panache.withTransaction(() -> appliedEvents.recordFirstDelivery(event)
                .chain(first -> first ? applyVersion(event.shopDomain(), snapshot)
                        : Uni.createFrom().item(EventOutcome.DUPLICATE)));
    }

    private Uni<EventOutcome> applyVersion(String shop, ContractSnapshot snapshot) {
        return contracts.findWhole(shop, snapshot.id()).chain(stored -> {
            if (stored != null && !newer(snapshot, stored)) {
                return Uni.createFrom().item(EventOutcome.STALE);
            }
            Long customerId = snapshot.customerId() != null ? snapshot.customerId()
                    : stored != null ? stored.shopifyCustomerId : null;
            // asked before anything changes: a query after the lines changed would flush their orphans mid-way
            return redactedAt(shop, customerId).chain(redactedAt -> {
                SubscriptionContract contract = stored != null ? stored : SubscriptionContract.of(shop, snapshot.id());
                copy(snapshot, contract);
                if (snapshot.whole()) {
                    reconcileLines(snapshot, contract);
                }
                // a customer who asked to be redacted stays redacted, whatever a later version carries
                if (redactedAt != null && contract.hasDeliveryAddress()) {
                    contract.redactPersonalData();
                }
                Uni<?> saved = stored != null ? Uni.createFrom().voidItem() : contracts.persist(contract);
                return saved
                        .chain(() -> snapshot.whole() ? Uni.createFrom().voidItem() : fetchWhole(contract, snapshot))
                        .chain(() -> actions.confirmByShopify(contract))
                        .replaceWith(EventOutcome.APPLIED);
            });
        });
    }

    /**
     * Whether the version is newer than the stored one: a higher revision; or the same revision as a whole contract
     * when only the webhook of it was applied (the fetch that completes it); or, without revisions, a later ce_time.
     */
    static boolean newer(ContractSnapshot snapshot, SubscriptionContract stored) {
        BigInteger incoming = snapshot.revisionId();
        if (incoming != null && stored.revisionId != null) {
            int order = incoming.compareTo(stored.revisionId);
            return order > 0 || order == 0 && snapshot.whole()
                    && (stored.fetchedRevisionId == null || stored.fetchedRevisionId.compareTo(incoming) < 0);
        }
        return stored.versionTime == null || snapshot.versionTime().isAfter(stored.versionTime)
                || snapshot.whole() && stored.fetchedRevisionId == null && incoming == null
                        && !snapshot.versionTime().isBefore(stored.versionTime);
    }

    /** What the version carries, over what is stored; what it lacks stays. */
    private static void copy(ContractSnapshot from, SubscriptionContract to) {
        if (from.customerId() != null) {
            to.shopifyCustomerId = from.customerId();
        }
        if (from.originOrderId() != null) {
            to.originOrderId = from.originOrderId();
        }
        ContractStatus status = ContractStatus.parse(from.status());
        if (status != null) {
            to.changeStatus(status, from.versionTime());
        } else if (from.status() != null) {
            // a status this service does not know yet: kept as Shopify wrote it
            to.status = from.status();
        } else if (to.status == null) {
            to.status = ContractStatus.ACTIVE.value();
        }
        if (from.currencyCode() != null) {
            to.currencyCode = from.currencyCode();
        }
        if (from.billingPolicy() != null) {
            to.billingInterval = from.billingPolicy().interval();
            to.billingIntervalCount = from.billingPolicy().intervalCount();
            to.billingMinCycles = from.billingPolicy().minCycles();
            to.billingMaxCycles = from.billingPolicy().maxCycles();
        }
        if (from.deliveryPolicy() != null) {
            to.deliveryInterval = from.deliveryPolicy().interval();
            to.deliveryIntervalCount = from.deliveryPolicy().intervalCount();
        }
        if (from.revisionId() != null) {
            to.revisionId = from.revisionId();
        }
        if (to.versionTime == null || from.versionTime().isAfter(to.versionTime)) {
            to.versionTime = from.versionTime();
        }
        if (from.whole()) {
            to.fetchedRevisionId = from.revisionId();
            // nextBillingDate "is managed by the apps": Shopify's is taken until this service's schedule has one
            if (to.nextBillingDate == null) {
                to.nextBillingDate = from.nextBillingDate();
            }
            ContractSnapshot.Address address = from.deliveryAddress();
            to.deliveryFirstName = address == null ? null : address.firstName();
            to.deliveryLastName = address == null ? null : address.lastName();
            to.deliveryAddress1 = address == null ? null : address.address1();
            to.deliveryAddress2 = address == null ? null : address.address2();
            to.deliveryCity = address == null ? null : address.city();
            to.deliveryProvinceCode = address == null ? null : address.provinceCode();
            to.deliveryCountryCode = address == null ? null : address.countryCode();
            to.deliveryZip = address == null ? null : address.zip();
            to.deliveryPhone = address == null ? null : address.phone();
        }
        to.syncedAt = Instant.now();
    }

    /** The lines as the whole contract has them, matched by Shopify's line gid. */
    private static void reconcileLines(ContractSnapshot from, SubscriptionContract to) {
        ChildRows.reconcile(to.lines, row -> row.shopifyLineId, from.lines(), ContractSnapshot.Line::id, line -> {
            SubscriptionLine row = new SubscriptionLine();
            row.contract = to;
            row.shopDomain = to.shopDomain;
            row.shopifyLineId = line.id();
            return row;
        }, (line, row) -> {
            row.productId = line.productId();
            row.variantId = line.variantId();
            row.sellingPlanId = line.sellingPlanId();
            row.sellingPlanName = line.sellingPlanName();
            row.title = line.title();
            row.variantTitle = line.variantTitle();
            row.sku = line.sku();
            row.quantity = line.quantity();
            row.currentPrice = line.price();
            row.currencyCode = line.currencyCode();
        });
    }

    private Uni<Instant> redactedAt(String shop, Long customerId) {
        return customerId == null ? Uni.createFrom().nullItem() : privacy.customerRedactedAt(shop, customerId);
    }

    /** Asks sync-service for the whole contract at this revision: once per revision, whatever redelivers it. */
    private Uni<Void> fetchWhole(SubscriptionContract contract, ContractSnapshot snapshot) {
        String version = snapshot.revisionId() != null ? snapshot.revisionId().toString()
                : Long.toString(snapshot.versionTime().toEpochMilli());
        metrics.counter("subscription.contract.fetches").increment();
        return commands.enqueue(SyncCommands.contract(contract.shopDomain, SyncCommandType.CONTRACT_FETCH,
                contract.shopifyId, "contract-fetch/" + contract.shopifyId + "/" + version)).replaceWithVoid();
    }
}
