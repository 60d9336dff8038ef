package com.lavish.sync.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.lavish.events.sync.ReconcileType;
import com.lavish.sync.ReconcileCursor;
import com.lavish.sync.client.AdminApiClient;
import com.lavish.sync.config.ReconciliationConfig;
import com.lavish.sync.messaging.ReconcileEventPublisher;
import com.lavish.sync.repository.ReconcileCursorRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.jboss.logging.Logger;

/**
 * Reconciliation: asks the Admin API for the customers, orders, products and subscription contracts changed since
 * each shop's cursor (cost-aware: every page goes through the shared bucket) and publishes each node into its
 * shopify.* topic ({@link ReconcileEventPublisher}), so what a lost webhook missed still reaches the consumers.
 * A shop's first load (no cursor yet) runs as one bulk operation per resource and reads its JSONL
 * ({@link BulkOperationReader}); later passes page through {@code updated_at:>=} the cursor less an overlap, sorted by
 * UPDATED_AT, moving the cursor after each page. One pass per shop at a time across replicas (a Redis lock).
 */
@ApplicationScoped
public class ReconciliationService {

    private static final Logger LOG = Logger.getLogger(ReconciliationService.class);
    private static final String LOCK_PREFIX = "lavish:sync:reconcile:";
    private static final Duration LOCK_TTL = Duration.ofMinutes(30);

    /** What one pass did for one resource of one shop. */
    public record Pass(String shop, String type, String mode, long published, String cursor, String error) {}

    private final AdminApiClient admin;
    private final ReconcileCursorRepository cursors;
    private final ReconcileEventPublisher events;
    private final BulkOperationReader bulk;
    private final ReconciliationConfig config;
    private final ReactiveRedisDataSource redis;

    public ReconciliationService(
            AdminApiClient admin,
            ReconcileCursorRepository cursors,
            ReconcileEventPublisher events,
            BulkOperationReader bulk,
            ReconciliationConfig config,
            ReactiveRedisDataSource redis) {
        this.admin = admin;
        this.cursors = cursors;
        this.events = events;
        this.bulk = bulk;
        this.config = config;
        this.redis = redis;
    }

    /**
     * One pass over the shops and resources, one after the other. A shop whose pass runs elsewhere is skipped
     * (its Pass says so). Must be called on a Vert.x context (a request's, the scheduler's).
     */
    public Uni<List<Pass>> run(Collection<String> shops, Set<ReconcileType> types) {
        Executor context = VertxContexts.on(Vertx.currentContext());
        return Multi.createFrom()
                .iterable(shops)
                .onItem()
                .transformToUniAndConcatenate(shop -> withLock(shop, context, types))
                .collect()
                .asList()
                .map(lists -> lists.stream().flatMap(List::stream).toList());
    }

    private Uni<List<Pass>> withLock(String shop, Executor context, Set<ReconcileType> types) {
        String lock = LOCK_PREFIX + shop;
        String owner = UUID.randomUUID().toString();
        return redis.execute("SET", lock, owner, "NX", "PX", Long.toString(LOCK_TTL.toMillis()))
                .emitOn(context)
                .chain(taken -> {
                    if (taken == null) {
                        return Uni.createFrom()
                                .item(types.stream()
                                        .map(type -> new Pass(
                                                shop,
                                                type.eventType(),
                                                "skipped",
                                                0,
                                                null,
                                                "a pass for this shop is running elsewhere"))
                                        .toList());
                    }
                    return Multi.createFrom()
                            .iterable(sorted(types))
                            .onItem()
                            .transformToUniAndConcatenate(type -> pass(shop, ReconcileSelection.of(type), context))
                            .collect()
                            .asList()
                            .call(() -> release(lock, owner));
                });
    }

    private Uni<Void> release(String lock, String owner) {
        return redis.execute(
                        "EVAL",
                        "if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0",
                        "1",
                        lock,
                        owner)
                .replaceWithVoid()
                .onFailure()
                .recoverWithNull();
    }

    private Uni<Pass> pass(String shop, ReconcileSelection selection, Executor context) {
        return Panache.withTransaction(() -> cursors.of(shop, selection.type().name()))
                .chain(cursor -> cursor.updatedSince == null && config.bulkFirstLoad()
                        ? bulk.load(shop, selection, cursor.bulkOperationId, context)
                        : pages(shop, selection, cursor, context))
                .onFailure()
                .recoverWithItem(failure -> {
                    LOG.warnf(
                            "reconciliation of %s %s failed: %s",
                            shop, selection.type().eventType(), failure.getMessage());
                    return new Pass(shop, selection.type().eventType(), "failed", 0, null, failure.getMessage());
                });
    }

    private Uni<Pass> pages(String shop, ReconcileSelection selection, ReconcileCursor cursor, Executor context) {
        String query = cursor.updatedSince == null
                ? null
                : "updated_at:>='" + cursor.updatedSince.minus(config.overlap()).truncatedTo(ChronoUnit.SECONDS) + "'";
        AtomicLong published = new AtomicLong();
        AtomicReference<Instant> newest = new AtomicReference<>(cursor.updatedSince);
        return page(shop, selection, query, null, published, newest, context)
                .map(ignored -> new Pass(
                        shop,
                        selection.type().eventType(),
                        "pages",
                        published.get(),
                        newest.get() == null ? null : newest.get().toString(),
                        null));
    }

    private Uni<Void> page(
            String shop,
            ReconcileSelection selection,
            String query,
            String after,
            AtomicLong published,
            AtomicReference<Instant> newest,
            Executor context) {
        ObjectNode variables =
                SellingPlanGroupCommands.JSON.createObjectNode().put("first", selection.pageSize(config.pageSize()));
        if (after != null) {
            variables.put("after", after);
        }
        if (query != null) {
            variables.put("query", query);
        }
        return admin.execute(shop, selection.operation(), variables).chain(answer -> {
            JsonNode connection = answer.at(selection.rootField());
            List<JsonNode> nodes = new ArrayList<>();
            connection.path("nodes").forEach(nodes::add);
            JsonNode pageInfo = connection.path("pageInfo");
            String next = pageInfo.path("hasNextPage").asBoolean(false)
                    ? pageInfo.path("endCursor").asText(null)
                    : null;
            return events.publishAll(shop, selection.type(), nodes, newest)
                    .emitOn(context)
                    .chain(count -> {
                        published.addAndGet(count);
                        return Panache.withTransaction(() ->
                                cursors.advance(shop, selection.type().name(), newest.get(), count, Instant.now()));
                    })
                    .chain(() -> next == null
                            ? Uni.createFrom().voidItem()
                            : page(shop, selection, query, next, published, newest, context));
        });
    }

    // customers before orders before products before contracts: the order consumers find references in
    private static List<ReconcileType> sorted(Set<ReconcileType> types) {
        return java.util.Arrays.stream(ReconcileType.values())
                .filter(types::contains)
                .toList();
    }
}
