package com.lavish.shopifyfake.admin;

import graphql.language.Argument;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.IntValue;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.language.VariableReference;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;
import graphql.schema.GraphQLUnionType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Shopify's calculated query cost (docs/shopify-reference.md §3.2): a scalar or enum field costs 0, an object 1, a
 * connection 2 plus {@code first}/{@code last} times the cost of one of its items (an item, {@code node} or an entry
 * of {@code nodes}, costs 1 plus its fields; {@code edges}, {@code cursor} and {@code pageInfo} cost nothing), a
 * mutation 10. Fragments on different types count as the dearest of them (an interface or union costs its most
 * expensive selection).
 * <p>
 * The requested cost is read from the document before it runs; the actual cost walks the answer, so a connection
 * counts the items it gave and an absent object counts nothing.
 */
final class QueryCost {

    static final int MUTATION_COST = 10;
    private static final Object UNKNOWN = new Object();

    private final GraphQLSchema schema;
    private final Map<String, FragmentDefinition> fragments;
    private final Map<String, Object> variables;

    private QueryCost(GraphQLSchema schema, Map<String, FragmentDefinition> fragments, Map<String, Object> variables) {
        this.schema = schema;
        this.fragments = fragments;
        this.variables = variables;
    }

    /** The cost Shopify reserves before running the operation. */
    static int requested(
            GraphQLSchema schema,
            OperationDefinition operation,
            Map<String, FragmentDefinition> fragments,
            Map<String, Object> variables) {
        return new QueryCost(schema, fragments, variables).operation(operation, UNKNOWN);
    }

    /** The cost of what the operation answered ({@code data}), what Shopify finally charges. */
    static int actual(
            GraphQLSchema schema,
            OperationDefinition operation,
            Map<String, FragmentDefinition> fragments,
            Map<String, Object> variables,
            Object data) {
        return new QueryCost(schema, fragments, variables).operation(operation, data == null ? Map.of() : data);
    }

    private int operation(OperationDefinition operation, Object data) {
        if (operation.getOperation() == OperationDefinition.Operation.MUTATION) {
            int cost = 0;
            for (Selection<?> selection : operation.getSelectionSet().getSelections()) {
                if (selection instanceof Field field && !field.getName().startsWith("__")) {
                    cost += MUTATION_COST;
                }
            }
            return cost;
        }
        return selections(operation.getSelectionSet(), schema.getQueryType(), data);
    }

    private int selections(SelectionSet set, GraphQLType parent, Object data) {
        if (set == null) {
            return 0;
        }
        int fields = 0;
        Map<String, Integer> byTypeCondition = new LinkedHashMap<>();
        for (Selection<?> selection : set.getSelections()) {
            if (selection instanceof Field field) {
                fields += field(field, parent, data);
            } else if (selection instanceof InlineFragment inline) {
                GraphQLType on = inline.getTypeCondition() == null
                        ? parent
                        : schema.getType(inline.getTypeCondition().getName());
                String key = inline.getTypeCondition() == null
                        ? ""
                        : inline.getTypeCondition().getName();
                byTypeCondition.merge(key, selections(inline.getSelectionSet(), on, data), Integer::sum);
            } else if (selection instanceof FragmentSpread spread) {
                FragmentDefinition fragment = fragments.get(spread.getName());
                if (fragment != null) {
                    String key = fragment.getTypeCondition().getName();
                    byTypeCondition.merge(
                            key, selections(fragment.getSelectionSet(), schema.getType(key), data), Integer::sum);
                }
            }
        }
        int unconditional = byTypeCondition.getOrDefault("", 0);
        int dearest = byTypeCondition.entrySet().stream()
                .filter(e -> !e.getKey().isEmpty())
                .mapToInt(Map.Entry::getValue)
                .max()
                .orElse(0);
        return fields + unconditional + dearest;
    }

    private int field(Field field, GraphQLType parent, Object data) {
        if (field.getName().startsWith("__") || !(parent instanceof GraphQLFieldsContainer container)) {
            return 0;
        }
        GraphQLFieldDefinition definition = container.getFieldDefinition(field.getName());
        if (definition == null) {
            return 0;
        }
        GraphQLType type = GraphQLTypeUtil.unwrapAll(definition.getType());
        if (!(type instanceof GraphQLFieldsContainer) && !(type instanceof GraphQLUnionType)) {
            return 0;
        }
        Object value = child(data, field);
        if (value == null) {
            return 0;
        }
        if (type instanceof GraphQLFieldsContainer object && object.getName().endsWith("Connection")) {
            return connection(field, object, value);
        }
        if (value instanceof List<?> list) {
            int cost = 0;
            for (Object item : list) {
                cost += item == null ? 0 : 1 + selections(field.getSelectionSet(), type, item);
            }
            return cost;
        }
        return 1 + selections(field.getSelectionSet(), type, value);
    }

    private int connection(Field field, GraphQLFieldsContainer connection, Object value) {
        int items;
        int perItem = 0;
        if (value == UNKNOWN) {
            items = Math.max(pageSize(field, "first"), pageSize(field, "last"));
        } else {
            items = 0;
            for (Selection<?> selection : field.getSelectionSet().getSelections()) {
                if (selection instanceof Field part
                        && (part.getName().equals("edges") || part.getName().equals("nodes"))
                        && child(value, part) instanceof List<?> list) {
                    items = Math.max(items, list.size());
                }
            }
        }
        if (items == 0) {
            return 2;
        }
        for (Selection<?> selection : field.getSelectionSet().getSelections()) {
            if (!(selection instanceof Field part)) {
                continue;
            }
            GraphQLFieldDefinition definition = connection.getFieldDefinition(part.getName());
            if (definition == null) {
                continue;
            }
            GraphQLType partType = GraphQLTypeUtil.unwrapAll(definition.getType());
            if (part.getName().equals("nodes")) {
                perItem += 1
                        + selections(
                                part.getSelectionSet(),
                                partType,
                                value == UNKNOWN ? UNKNOWN : first(child(value, part)));
            } else if (part.getName().equals("edges") && partType instanceof GraphQLFieldsContainer edge) {
                Object firstEdge = value == UNKNOWN ? UNKNOWN : first(child(value, part));
                for (Selection<?> edgeSelection : part.getSelectionSet().getSelections()) {
                    if (edgeSelection instanceof Field nodeField
                            && nodeField.getName().equals("node")) {
                        GraphQLType nodeType = GraphQLTypeUtil.unwrapAll(
                                edge.getFieldDefinition("node").getType());
                        perItem += 1
                                + selections(
                                        nodeField.getSelectionSet(),
                                        nodeType,
                                        firstEdge == UNKNOWN ? UNKNOWN : child(firstEdge, nodeField));
                    }
                }
            }
        }
        return 2 + items * perItem;
    }

    // The first item stands for all: items of one connection cost the same.
    private static Object first(Object list) {
        return list instanceof List<?> items && !items.isEmpty() ? items.get(0) : Map.of();
    }

    private int pageSize(Field field, String name) {
        for (Argument argument : field.getArguments()) {
            if (argument.getName().equals(name)) {
                if (argument.getValue() instanceof IntValue value) {
                    return value.getValue().intValue();
                }
                if (argument.getValue() instanceof VariableReference ref
                        && variables.get(ref.getName()) instanceof Number n) {
                    return n.intValue();
                }
            }
        }
        return 0;
    }

    private static Object child(Object data, Field field) {
        if (data == UNKNOWN) {
            return UNKNOWN;
        }
        return data instanceof Map<?, ?> map ? map.get(field.getResultKey()) : null;
    }
}
