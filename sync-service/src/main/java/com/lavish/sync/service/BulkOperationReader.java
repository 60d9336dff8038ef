package com.lavish.sync.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.lavish.sync.ShopifyGid;
import com.lavish.sync.client.AdminApiClient;
import com.lavish.sync.client.AdminOperation;
import com.lavish.sync.config.ReconciliationConfig;
import com.lavish.sync.messaging.ReconcileEventPublisher;
import com.lavish.sync.repository.ReconcileCursorRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.WebClient;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;
import org.jboss.logging.Logger;

/**
 * A shop's first load of one resource: a bulk operation ({@code bulkOperationRunQuery}) over the whole connection,
 * its status asked for until it completes, its JSONL read and each node published as reconciliation publishes a
 * page's. In the JSONL a nested connection's nodes come as lines of their own after their parent, with
 * {@code __parentId}; they are put back under the parent as {@code {"nodes": [...]}}, so a node has one shape
 * whichever way it was read. The operation's id is kept in the cursor, so a restarted pass waits for it instead of
 * starting another. Afterwards the cursor stands at the operation's start: the next pass reads what changed since.
 */
@ApplicationScoped
public class BulkOperationReader {

    private static final Logger LOG = Logger.getLogger(BulkOperationReader.class);
    private static final String PARENT_ID = "__parentId";

    private final AdminApiClient admin;
    private final ReconcileCursorRepository cursors;
    private final ReconciliationConfig config;
    private final ReconcileEventPublisher publisher;
    private final WebClient web;

    public BulkOperationReader(
            AdminApiClient admin,
            ReconcileCursorRepository cursors,
            ReconciliationConfig config,
            ReconcileEventPublisher publisher,
            Vertx vertx) {
        this.admin = admin;
        this.cursors = cursors;
        this.config = config;
        this.publisher = publisher;
        this.web = WebClient.create(vertx);
    }

    Uni<ReconciliationService.Pass> load(
            String shop, ReconcileSelection selection, String runningId, Executor context) {
        String type = selection.type().eventType();
        Uni<String> started = runningId != null
                ? Uni.createFrom().item(runningId)
                : start(shop, selection)
                        .emitOn(context)
                        .call(id -> Panache.withTransaction(() ->
                                cursors.bulkOperation(shop, selection.type().name(), id)));
        return started.chain(id -> poll(shop, id, Instant.now().plus(config.bulkTimeout())))
                .chain(operation -> {
                    String status = operation.path("status").asText();
                    if (!"COMPLETED".equals(status)) {
                        return Panache.withTransaction(() -> cursors.bulkOperation(
                                        shop, selection.type().name(), null))
                                .replaceWith(new ReconciliationService.Pass(
                                        shop,
                                        type,
                                        "bulk",
                                        0,
                                        null,
                                        "the bulk operation ended " + status + " "
                                                + operation.path("errorCode").asText("")));
                    }
                    Instant startedAt = ReconcileEventPublisher.instant(
                            operation.path("createdAt").asText(null));
                    String url = operation.path("url").asText(null);
                    AtomicReference<Instant> newest = new AtomicReference<>();
                    Uni<Long> published = url == null || url.isBlank()
                            ? Uni.createFrom().item(0L)
                            : download(url)
                                    .chain(body -> publisher.publishAll(
                                            shop, selection.type(), nodes(selection, body), newest));
                    return published.emitOn(context).chain(count -> {
                        Instant cursor =
                                startedAt != null ? startedAt : newest.get() != null ? newest.get() : Instant.now();
                        return Panache.withTransaction(() -> cursors.advance(
                                                shop, selection.type().name(), cursor, count, Instant.now())
                                        .chain(() -> cursors.bulkOperation(
                                                shop, selection.type().name(), null)))
                                .replaceWith(new ReconciliationService.Pass(
                                        shop, type, "bulk", count, cursor.toString(), null));
                    });
                });
    }

    private Uni<String> start(String shop, ReconcileSelection selection) {
        ObjectNode variables = SellingPlanGroupCommands.JSON.createObjectNode().put("query", selection.bulkQuery(null));
        return admin.execute(shop, AdminOperation.BULK_OPERATION_RUN_QUERY, variables)
                .map(answer -> {
                    var errors = answer.userErrors("bulkOperationRunQuery");
                    if (!errors.isEmpty()) {
                        throw new IllegalStateException("Shopify refused the bulk query: "
                                + errors.get(0).message());
                    }
                    String id = answer.at("bulkOperationRunQuery", "bulkOperation", "id")
                            .asText(null);
                    if (id == null) {
                        throw new IllegalStateException("Shopify answered no bulk operation");
                    }
                    LOG.infof(
                            "%s: first load of %s as bulk operation %s",
                            shop, selection.type().eventType(), id);
                    return id;
                });
    }

    private Uni<JsonNode> poll(String shop, String id, Instant deadline) {
        return admin.execute(
                        shop,
                        AdminOperation.BULK_OPERATION_STATUS,
                        SellingPlanGroupCommands.JSON.createObjectNode().put("id", id))
                .chain(answer -> {
                    JsonNode operation = answer.at("bulkOperation");
                    String status = operation.path("status").asText("");
                    if (!operation.isObject()) {
                        return Uni.createFrom().failure(new IllegalStateException("no bulk operation " + id));
                    }
                    if (!status.equals("CREATED") && !status.equals("RUNNING")) {
                        return Uni.createFrom().item(operation);
                    }
                    if (Instant.now().isAfter(deadline)) {
                        return Uni.createFrom()
                                .failure(new IllegalStateException("bulk operation " + id + " still " + status
                                        + " after " + config.bulkTimeout()));
                    }
                    return Uni.createFrom()
                            .voidItem()
                            .onItem()
                            .delayIt()
                            .by(config.bulkPollInterval())
                            .chain(() -> poll(shop, id, deadline));
                });
    }

    private Uni<String> download(String url) {
        return Uni.createFrom()
                .completionStage(() -> web.getAbs(url).send().toCompletionStage())
                .map(response -> {
                    if (response.statusCode() != 200) {
                        throw new IllegalStateException(
                                "the bulk operation's file answered HTTP " + response.statusCode());
                    }
                    Buffer body = response.body();
                    return body == null ? "" : body.toString(StandardCharsets.UTF_8);
                });
    }

    /** The JSONL's root nodes, each with its children put back under their connection. */
    static List<JsonNode> nodes(ReconcileSelection selection, String jsonl) {
        List<JsonNode> roots = new ArrayList<>();
        ObjectNode current = null;
        for (String line : jsonl.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode node;
            try {
                node = SellingPlanGroupCommands.JSON.readTree(line);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("a line of the bulk operation's file is not JSON", e);
            }
            if (!(node instanceof ObjectNode object)) {
                continue;
            }
            JsonNode parentId = object.remove(PARENT_ID);
            if (parentId == null) {
                current = object;
                roots.add(object);
                continue;
            }
            String connection =
                    selection.childConnection(ShopifyGid.type(object.path("id").asText(null)));
            if (current == null
                    || connection == null
                    || !parentId.asText().equals(current.path("id").asText())) {
                continue;
            }
            JsonNode holder = current.get(connection);
            ObjectNode connectionNode =
                    holder instanceof ObjectNode existing ? existing : current.putObject(connection);
            JsonNode list = connectionNode.get("nodes");
            ArrayNode nodes = list instanceof ArrayNode array ? array : connectionNode.putArray("nodes");
            nodes.add(object);
        }
        return roots;
    }

    @PreDestroy
    void close() {
        web.close();
    }
}
