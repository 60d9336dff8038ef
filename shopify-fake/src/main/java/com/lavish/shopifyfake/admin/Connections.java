package com.lavish.shopifyfake.admin;

import graphql.GraphqlErrorException;
import graphql.schema.DataFetchingEnvironment;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Relay connections as Shopify pages them: {@code first} or {@code last} is required (at most 250), cursors are
 * opaque (base64 of {@code {"last_id":N,"last_value":"N"}} as Shopify's are), {@code after}/{@code before} continue
 * after or before the item a cursor names, {@code reverse} turns the order round. The items come in id order.
 */
final class Connections {

    static final int MAX_PAGE = 250;

    private Connections() {}

    static Map<String, Object> page(List<?> items, DataFetchingEnvironment environment) {
        Integer first = environment.getArgument("first");
        Integer last = environment.getArgument("last");
        boolean hasPageArgument = environment.getFieldDefinition().getArgument("first") != null;
        AdminRequest request = environment.getGraphQlContext().get(AdminRequest.class);
        boolean bulk = request != null && request.bulk();
        if (hasPageArgument && first == null && last == null && !bulk) {
            throw GraphqlErrorException.newErrorException()
                    .message("you must provide one of first or last")
                    .extensions(Map.of("code", "BAD_REQUEST"))
                    .build();
        }
        for (Integer n : new Integer[] {first, last}) {
            if (n != null && (n < 0 || n > MAX_PAGE)) {
                throw GraphqlErrorException.newErrorException()
                        .message("The page size must be between 0 and " + MAX_PAGE + ", was " + n)
                        .extensions(Map.of("code", "BAD_REQUEST"))
                        .build();
            }
        }
        return page(
                items,
                first,
                last,
                environment.getArgument("after"),
                environment.getArgument("before"),
                Boolean.TRUE.equals(environment.getArgument("reverse")));
    }

    static Map<String, Object> page(
            List<?> all, Integer first, Integer last, String after, String before, boolean reverse) {
        List<Object> items = new ArrayList<>(all);
        if (reverse) {
            Collections.reverse(items);
        }
        int from = 0;
        int to = items.size();
        if (after != null) {
            from = positionAfter(items, decode(after));
        }
        if (before != null) {
            to = Math.max(from, positionAfter(items, decode(before)) - 1);
        }
        List<Object> window = items.subList(from, to);
        boolean hasNext = to < items.size();
        boolean hasPrevious = from > 0;
        if (first != null && window.size() > first) {
            window = window.subList(0, first);
            hasNext = true;
        }
        if (last != null && window.size() > last) {
            window = window.subList(window.size() - last, window.size());
            hasPrevious = true;
        }
        List<Map<String, Object>> edges = new ArrayList<>();
        for (Object node : window) {
            Map<String, Object> edge = new LinkedHashMap<>();
            edge.put("cursor", cursor(node));
            edge.put("node", node);
            edges.add(edge);
        }
        Map<String, Object> pageInfo = new LinkedHashMap<>();
        pageInfo.put("hasNextPage", hasNext);
        pageInfo.put("hasPreviousPage", hasPrevious);
        pageInfo.put("startCursor", edges.isEmpty() ? null : edges.get(0).get("cursor"));
        pageInfo.put(
                "endCursor",
                edges.isEmpty() ? null : edges.get(edges.size() - 1).get("cursor"));
        Map<String, Object> connection = new LinkedHashMap<>();
        connection.put("edges", edges);
        connection.put("nodes", List.copyOf(window));
        connection.put("pageInfo", pageInfo);
        return connection;
    }

    /** The position just after the item with this id (or, when it is gone, after where it stood). */
    private static int positionAfter(List<Object> items, long id) {
        for (int i = 0; i < items.size(); i++) {
            if (idOf(items.get(i)) == id) {
                return i + 1;
            }
        }
        int i = 0;
        while (i < items.size() && Long.compareUnsigned(idOf(items.get(i)), id) < 0) {
            i++;
        }
        return i;
    }

    static String cursor(Object node) {
        long id = idOf(node);
        String json = "{\"last_id\":" + id + ",\"last_value\":\"" + id + "\"}";
        return Base64.getEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    static long decode(String cursor) {
        try {
            String json = new String(Base64.getDecoder().decode(cursor), StandardCharsets.UTF_8);
            int start = json.indexOf("\"last_id\":") + "\"last_id\":".length();
            int end = start;
            while (end < json.length() && Character.isDigit(json.charAt(end))) {
                end++;
            }
            return Long.parseLong(json.substring(start, end));
        } catch (RuntimeException e) {
            throw GraphqlErrorException.newErrorException()
                    .message("Invalid cursor for current pagination sort.")
                    .extensions(Map.of("code", "BAD_REQUEST"))
                    .build();
        }
    }

    private static long idOf(Object node) {
        if (node instanceof Entity entity) {
            return entity.id();
        }
        if (node instanceof Map<?, ?> map && map.get("id") instanceof String gid) {
            return Gids.number(gid);
        }
        // billing cycles have no id: their index orders them
        if (node instanceof Map<?, ?> map && map.get("cycleIndex") instanceof Integer index) {
            return index;
        }
        return 0;
    }
}
