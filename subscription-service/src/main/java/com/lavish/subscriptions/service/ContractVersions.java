package com.lavish.subscriptions.service;

import com.lavish.consumer.ChildRows;
import com.lavish.consumer.Delivery;
import com.lavish.events.sync.SyncCommandType;
import com.lavish.subscriptions.ContractStatus;
import com.lavish.subscriptions.SubscriptionContract;
import com.lavish.subscriptions.SubscriptionLine;
import java.math.BigInteger;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A poll's versions of contracts, applied in offset order to the contracts it read ({@link ContractChanges}), each only
 * if it is newer than what the contract holds by then. Contracts have no updated_at: versions are ordered by
 * {@code revision_id} compared as numbers, and by ce_time when a version has none (docs/shopify-reference.md §1.4). A
 * webhook is thin, so applying one keeps the lines, next billing date and address and asks sync-service for the whole
 * contract (CONTRACT_FETCH); the Admin API node that answers, at the same revision, completes it. If the fetch never
 * comes, the contract keeps what the webhook carried.
 * <p>
 * Folded per contract: a version a later one of the poll replaces is stale (a webhook's fields by any later version,
 * a node's lines and address only by a later node), and the poll asks one fetch per contract, for the revision it
 * leaves when that came from a webhook: an intermediate revision's fetch would read the same contract. No I/O.
 */
public final class ContractVersions {

    private final ContractChanges changes;
    private final Instant now;
    /** Per contract, the last version applied and the versions applied that nothing has replaced yet. */
    private final Map<ContractChanges.Key, Applied> applied = new LinkedHashMap<>();

    private static final class Applied {
        ContractSnapshot last;
        Delivery<?> thin;
        Delivery<?> whole;
    }

    public ContractVersions(ContractChanges changes, Instant now) {
        this.changes = changes;
        this.now = now;
    }

    /** Applies the version if it is newer than the contract as it stands; marks it stale otherwise. */
    public void apply(Delivery<?> delivery, String shop, ContractSnapshot snapshot) {
        SubscriptionContract stored = changes.contract(shop, snapshot.id());
        if (stored != null && !newer(snapshot, stored)) {
            delivery.stale();
            return;
        }
        Long customerId = snapshot.customerId() != null
                ? snapshot.customerId()
                : stored != null ? stored.shopifyCustomerId : null;
        SubscriptionContract contract = stored != null ? stored : changes.create(shop, snapshot.id());
        changes.changed(contract);
        copy(snapshot, contract, now);
        if (snapshot.whole()) {
            // the node's lines, each matched by its gid: the others go, the ones kept are updated in place
            ChildRows.reconcile(
                    contract.lines,
                    row -> row.shopifyLineId,
                    snapshot.lines(),
                    ContractSnapshot.Line::id,
                    line -> line(contract, line),
                    ContractVersions::copy);
            changes.linesReplaced(contract);
        }
        // a customer who asked to be redacted stays redacted, whatever a later version carries
        if (changes.isRedacted(shop, customerId) && contract.hasDeliveryAddress()) {
            contract.redactPersonalData();
        }
        PendingActions.confirmByShopify(changes, contract, now);
        replace(
                applied.computeIfAbsent(new ContractChanges.Key(shop, snapshot.id()), key -> new Applied()),
                delivery,
                snapshot);
    }

    private static void replace(Applied of, Delivery<?> delivery, ContractSnapshot snapshot) {
        of.last = snapshot;
        if (of.thin != null) {
            of.thin.stale();
        }
        of.thin = snapshot.whole() ? null : delivery;
        if (snapshot.whole()) {
            if (of.whole != null) {
                of.whole.stale();
            }
            of.whole = delivery;
        }
    }

    /**
     * Asks sync-service for the whole contract where the poll leaves a webhook's version: once per revision, whatever
     * redelivers it (the idempotency key names the revision).
     */
    public void fetchWhole() {
        applied.forEach((key, of) -> {
            if (of.last.whole()) {
                return;
            }
            String version = of.last.revisionId() != null
                    ? of.last.revisionId().toString()
                    : Long.toString(of.last.versionTime().toEpochMilli());
            changes.command(SyncCommands.contract(
                    key.shop(),
                    SyncCommandType.CONTRACT_FETCH,
                    key.contractId(),
                    "contract-fetch/" + key.contractId() + "/" + version));
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
            return order > 0
                    || order == 0
                            && snapshot.whole()
                            && (stored.fetchedRevisionId == null || stored.fetchedRevisionId.compareTo(incoming) < 0);
        }
        // A webhook's ce_time is X-Shopify-Triggered-At, which Shopify does not sign (docs/shopify-reference.md §1.2):
        // it never outranks the revision of a signed body, so a version with a revision replaces one without and
        // never the reverse. Between two versions without, ce_time orders them; the gateway refuses one outside its
        // window (webhook.triggered-at.*), so a resent body can claim at most a few minutes ahead of the clock.
        if (incoming != null || stored.revisionId != null) {
            return incoming != null;
        }
        return stored.versionTime == null
                || snapshot.versionTime().isAfter(stored.versionTime)
                || snapshot.whole()
                        && stored.fetchedRevisionId == null
                        && !snapshot.versionTime().isBefore(stored.versionTime);
    }

    /** What the version carries, over what is stored; what it lacks stays. */
    static void copy(ContractSnapshot from, SubscriptionContract to, Instant now) {
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
        to.syncedAt = now;
    }

    private static SubscriptionLine line(SubscriptionContract contract, ContractSnapshot.Line line) {
        SubscriptionLine row = new SubscriptionLine();
        row.contract = contract;
        row.shopDomain = contract.shopDomain;
        row.shopifyLineId = line.id();
        return row;
    }

    private static void copy(ContractSnapshot.Line line, SubscriptionLine row) {
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
    }
}
