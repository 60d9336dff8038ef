package com.lavish.shopifyfake.admin;

import com.lavish.shopifyfake.SampleWebhooks;
import graphql.ExecutionResult;
import graphql.GraphQLError;
import graphql.language.Document;
import graphql.language.OperationDefinition;
import graphql.parser.InvalidSyntaxException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code bulkOperationRunQuery}: the query runs in the background over every item (connections need no
 * {@code first}), and its result is served as JSONL, Shopify's format: one object per line, each connection's
 * items as lines of their own after their parent, naming it in {@code __parentId}. The operation is then
 * {@code COMPLETED} with a {@code url} on this fake ({@code /fake/admin/bulk/<id>.jsonl}).
 */
final class BulkOperations {

    /** Shopify takes a moment before a bulk operation runs; a short one keeps tests quick. */
    static final Duration START_DELAY = Duration.ofMillis(50);

    private BulkOperations() {}

    static Map<String, Object> run(AdminRequest request, ShopData shop, String query) {
        String errorType = "BulkOperationUserError";
        for (BulkOperation operation : shop.bulkOperations.values()) {
            if ("CREATED".equals(operation.status()) || "RUNNING".equals(operation.status())) {
                return refused(UserErrors.of(
                        errorType,
                        "OPERATION_IN_PROGRESS",
                        "A bulk query operation for this app and shop is already in progress: " + operation.gid() + ".",
                        "query"));
            }
        }
        Document document;
        try {
            document = AdminSchema.parseDocument(query);
        } catch (InvalidSyntaxException e) {
            return refused(UserErrors.of(
                    errorType,
                    "INVALID",
                    "Invalid bulk query: " + e.toInvalidSyntaxError().getMessage(),
                    "query"));
        }
        List<? extends GraphQLError> invalid = request.engine().schema().validateDocument(document);
        OperationDefinition operation = AdminSchema.operation(document, null);
        if (!invalid.isEmpty()
                || operation == null
                || operation.getOperation() != OperationDefinition.Operation.QUERY) {
            String why = invalid.isEmpty()
                    ? "a bulk query must hold one query operation"
                    : invalid.get(0).getMessage();
            return refused(UserErrors.of(errorType, "INVALID", "Invalid bulk query: " + why, "query"));
        }
        BulkOperation bulk = shop.add(new BulkOperation(shop.nextId("BulkOperation")));
        bulk.put("status", "CREATED");
        bulk.put("type", "QUERY");
        bulk.put("query", query);
        bulk.put("createdAt", shop.nowText());
        bulk.put("completedAt", null);
        bulk.put("objectCount", "0");
        bulk.put("rootObjectCount", "0");
        bulk.put("fileSize", null);
        bulk.put("url", null);
        bulk.put("partialDataUrl", null);
        bulk.put("errorCode", null);
        shop.bulkOperations.put(bulk.id(), bulk);
        AdminGraphql engine = request.engine();
        String baseUrl = request.baseUrl();
        request.afterCommit()
                .add(() -> shop.store()
                        .schedule(START_DELAY, () -> complete(engine, shop, bulk, document, query, baseUrl)));
        return payload(bulk);
    }

    private static Map<String, Object> payload(BulkOperation bulk) {
        return SchemaValues.object("BulkOperationRunQueryPayload", "bulkOperation", bulk, "userErrors", List.of());
    }

    /** No operation, and the one user error that says why. */
    private static Map<String, Object> refused(Map<String, Object> error) {
        return SchemaValues.object("BulkOperationRunQueryPayload", "bulkOperation", null, "userErrors", List.of(error));
    }

    private static void complete(
            AdminGraphql engine, ShopData shop, BulkOperation bulk, Document document, String query, String baseUrl) {
        AdminRequest request = AdminRequest.of(shop, engine, baseUrl, true);
        shop.lock().lock();
        try {
            bulk.put("status", "RUNNING");
        } finally {
            shop.lock().unlock();
        }
        ExecutionResult result = engine.run(request, document, query, Map.of(), null);
        shop.lock().lock();
        try {
            if (result.getErrors() != null && !result.getErrors().isEmpty()) {
                bulk.put("status", "FAILED");
                bulk.put("errorCode", "INTERNAL_SERVER_ERROR");
            } else {
                Lines lines = new Lines();
                Map<String, Object> data = result.getData();
                for (Object root : data.values()) {
                    lines.root(root);
                }
                byte[] jsonl = lines.out.toByteArray();
                bulk.jsonl(jsonl);
                bulk.put("status", "COMPLETED");
                bulk.put("objectCount", Long.toString(lines.objects));
                bulk.put("rootObjectCount", Long.toString(lines.roots));
                bulk.put("fileSize", Long.toString(jsonl.length));
                bulk.put("url", lines.objects == 0 ? null : baseUrl + "/fake/admin/bulk/" + bulk.id() + ".jsonl");
            }
            bulk.put("completedAt", shop.nowText());
        } finally {
            shop.lock().unlock();
        }
    }

    /** The JSONL of an answer: objects of connections become lines; nested connections name their parent. */
    private static final class Lines {

        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        long objects;
        long roots;

        void root(Object value) {
            List<?> items = items(value);
            if (items == null) {
                if (value instanceof Map<?, ?> single) {
                    roots++;
                    line(single, null);
                }
                return;
            }
            for (Object item : items) {
                if (item instanceof Map<?, ?> object) {
                    roots++;
                    line(object, null);
                }
            }
        }

        private void line(Map<?, ?> object, Object parentId) {
            Map<String, Object> flat = new LinkedHashMap<>();
            Map<String, List<?>> children = new LinkedHashMap<>();
            object.forEach((key, value) -> {
                List<?> items = items(value);
                if (items != null) {
                    children.put(key.toString(), items);
                } else {
                    flat.put(key.toString(), value);
                }
            });
            if (parentId != null) {
                flat.put("__parentId", parentId);
            }
            write(flat);
            Object id = object.get("id");
            for (List<?> items : children.values()) {
                for (Object item : items) {
                    if (item instanceof Map<?, ?> child) {
                        line(child, id);
                    }
                }
            }
        }

        private void write(Map<String, Object> object) {
            try {
                out.write(SampleWebhooks.JSON.writeValueAsBytes(object));
                out.write('\n');
                objects++;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** The items of a connection ({@code edges[].node} or {@code nodes}), or null for anything else. */
        private static List<?> items(Object value) {
            if (!(value instanceof Map<?, ?> map)) {
                return null;
            }
            if (map.get("edges") instanceof List<?> edges && (map.size() == 1 || map.containsKey("pageInfo"))) {
                return edges.stream()
                        .map(e -> e instanceof Map<?, ?> edge ? edge.get("node") : null)
                        .toList();
            }
            if (map.get("nodes") instanceof List<?> nodes && (map.size() == 1 || map.containsKey("pageInfo"))) {
                return nodes;
            }
            return null;
        }
    }

    static String utf8(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
