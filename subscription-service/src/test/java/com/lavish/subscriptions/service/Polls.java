package com.lavish.subscriptions.service;

import com.lavish.consumer.Delivery;
import com.lavish.events.ShopifyEvent;
import com.lavish.subscriptions.ContractAction;
import com.lavish.subscriptions.ContractActionType;
import com.lavish.subscriptions.SubscriptionContract;
import com.lavish.subscriptions.config.DunningConfig;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.record.TimestampType;

/** What the rules' tests build a poll from, without a broker or a database. */
final class Polls {

    static final String SHOP = "rules-test.myshopify.com";
    static final Instant NOW = Instant.parse("2026-07-01T10:00:00Z");
    private static final AtomicLong OFFSETS = new AtomicLong();

    private Polls() {}

    /** A delivery of the change, as the pipeline hands it to a projection. */
    static <C> Delivery<C> delivery(String type, long entityId, C change) {
        byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
        ShopifyEvent event = new ShopifyEvent(
                UUID.randomUUID().toString(),
                type,
                SHOP,
                NOW.toString(),
                Long.toString(entityId),
                "2026-07",
                null,
                body);
        ConsumerRecord<String, byte[]> record = new ConsumerRecord<>(
                "shopify.subscriptions",
                0,
                OFFSETS.incrementAndGet(),
                0L,
                TimestampType.CREATE_TIME,
                -1,
                body.length,
                event.recordKey().toString(),
                body,
                event.toHeaders(),
                Optional.empty());
        return new Delivery<>(record, event, change);
    }

    /** A subscription_contracts/* webhook's version: thin. */
    static ContractSnapshot webhook(long id, Long revision, String status, Instant at) {
        return new ContractSnapshot(
                id,
                7L,
                null,
                status,
                "AUD",
                revision == null ? null : BigInteger.valueOf(revision),
                at,
                false,
                null,
                new ContractSnapshot.Policy("month", 1, null, null),
                null,
                null,
                null);
    }

    /** The Admin API node of a contract: whole, with one line and an address. */
    static ContractSnapshot node(long id, long revision, String status, Instant at, String lineId) {
        return new ContractSnapshot(
                id,
                7L,
                null,
                status,
                "AUD",
                BigInteger.valueOf(revision),
                at,
                true,
                Instant.parse("2026-08-01T00:00:00Z"),
                new ContractSnapshot.Policy("month", 1, null, null),
                null,
                new ContractSnapshot.Address(
                        "Ada", "Reader", "88 George Street", null, "Sydney", "NSW", "AU", "2000", null),
                List.of(new ContractSnapshot.Line(lineId, 1L, 2L, null, null, "Book box", null, null, 1, null, "AUD")));
    }

    /** A contract as stored before the poll. */
    static SubscriptionContract stored(ContractChanges changes, long id, long revision, String status) {
        SubscriptionContract contract = SubscriptionContract.of(SHOP, id);
        contract.id = id * 10;
        contract.status = status;
        contract.revisionId = BigInteger.valueOf(revision);
        contract.versionTime = NOW.minus(Duration.ofDays(1));
        contract.billingInterval = "month";
        contract.billingIntervalCount = 1;
        changes.loaded(contract);
        return contract;
    }

    /** A pending action of the contract, as read with it. */
    static ContractAction pending(ContractChanges changes, SubscriptionContract contract, ContractActionType type) {
        ContractAction action = PendingActions.start(
                        contract,
                        type,
                        PendingActions.BY_CUSTOMER,
                        "request/" + type,
                        type == ContractActionType.SKIP
                                ? NOW.atZone(ZoneOffset.UTC).toLocalDate()
                                : null,
                        null,
                        NOW.minus(Duration.ofHours(1)))
                .action();
        action.id = contract.shopifyId * 100;
        contract.pendingActionId = action.id;
        changes.loaded(action);
        return action;
    }

    /** The %test profile's dunning: payment 7d,7d,7d then pause, inventory 1d then cancel. */
    static DunningConfig dunning() {
        return new DunningConfig() {
            @Override
            public List<String> inventoryErrorCodes() {
                return List.of("insufficient_inventory", "out_of_stock");
            }

            @Override
            public Path payment() {
                return path(FinalAction.PAUSE, Duration.ofDays(7), Duration.ofDays(7), Duration.ofDays(7));
            }

            @Override
            public Path inventory() {
                return path(FinalAction.CANCEL, Duration.ofDays(1));
            }
        };
    }

    private static DunningConfig.Path path(DunningConfig.FinalAction end, Duration... retries) {
        return new DunningConfig.Path() {
            @Override
            public List<Duration> retryIntervals() {
                return List.of(retries);
            }

            @Override
            public DunningConfig.FinalAction finalAction() {
                return end;
            }
        };
    }
}
