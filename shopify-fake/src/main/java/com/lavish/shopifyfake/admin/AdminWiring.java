package com.lavish.shopifyfake.admin;

import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.ArrayValue;
import graphql.language.BooleanValue;
import graphql.language.EnumValue;
import graphql.language.FloatValue;
import graphql.language.IntValue;
import graphql.language.NullValue;
import graphql.language.ObjectField;
import graphql.language.ObjectValue;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.language.VariableReference;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLNonNull;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLOutputType;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;
import graphql.schema.TypeResolver;
import graphql.schema.idl.FieldWiringEnvironment;
import graphql.schema.idl.InterfaceWiringEnvironment;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.ScalarWiringEnvironment;
import graphql.schema.idl.UnionWiringEnvironment;
import graphql.schema.idl.WiringFactory;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * How the schema's fields get their values in the fake. Objects are {@link Entity} documents or maps shaped like the
 * schema's objects (keys are field names, {@code __typename} names the object type), so one data fetcher serves every
 * field:
 * <ul>
 *   <li>a value that is a {@link DataFetcher} or {@link Supplier} is computed (fields with arguments, references
 *       to other entities);</li>
 *   <li>a list for a {@code *Connection} field is paged with {@code first}/{@code last}/{@code after}/{@code before}
 *       ({@link Connections});</li>
 *   <li>a field the fake does not model answers null, or, when the schema says it cannot be null, a neutral value
 *       of its type (empty string or list, zero, false, the first enum value, an empty object).</li>
 * </ul>
 * The root fields of {@code QueryRoot} and {@code Mutation} are {@link AdminOperations}. Custom scalars pass their
 * values through as Shopify writes them (strings for {@code DateTime}, {@code Decimal}, {@code UnsignedInt64}).
 */
final class AdminWiring implements WiringFactory {

    static final String TYPENAME = "__typename";

    static RuntimeWiring runtimeWiring() {
        return RuntimeWiring.newRuntimeWiring().wiringFactory(new AdminWiring()).build();
    }

    @Override
    public boolean providesScalar(ScalarWiringEnvironment environment) {
        return !graphql.schema.idl.ScalarInfo.isGraphqlSpecifiedScalar(
                environment.getScalarTypeDefinition().getName());
    }

    @Override
    public GraphQLScalarType getScalar(ScalarWiringEnvironment environment) {
        String name = environment.getScalarTypeDefinition().getName();
        return GraphQLScalarType.newScalar()
                .name(name)
                .coercing(new PassThroughScalar(name.equals("JSON")))
                .build();
    }

    @Override
    public boolean providesTypeResolver(InterfaceWiringEnvironment environment) {
        return true;
    }

    @Override
    public TypeResolver getTypeResolver(InterfaceWiringEnvironment environment) {
        return AdminWiring::resolveType;
    }

    @Override
    public boolean providesTypeResolver(UnionWiringEnvironment environment) {
        return true;
    }

    @Override
    public TypeResolver getTypeResolver(UnionWiringEnvironment environment) {
        return AdminWiring::resolveType;
    }

    private static GraphQLObjectType resolveType(graphql.TypeResolutionEnvironment environment) {
        Object source = environment.getObject();
        if (source instanceof Entity entity) {
            return environment.getSchema().getObjectType(entity.type());
        }
        if (source instanceof Map<?, ?> map && map.get(TYPENAME) instanceof String name) {
            return environment.getSchema().getObjectType(name);
        }
        return null;
    }

    @Override
    public boolean providesDataFetcher(FieldWiringEnvironment environment) {
        String parent = environment.getParentType().getName();
        return parent.equals("QueryRoot") || parent.equals("Mutation");
    }

    @Override
    public DataFetcher<?> getDataFetcher(FieldWiringEnvironment environment) {
        return AdminOperations::root;
    }

    @Override
    public DataFetcher<?> getDefaultDataFetcher(FieldWiringEnvironment environment) {
        return AdminWiring::fetchFromMap;
    }

    /** The default: the source map's value for the field, computed, paged or defaulted as described above. */
    static Object fetchFromMap(DataFetchingEnvironment environment) throws Exception {
        Object value = null;
        if (environment.getSource() instanceof Entity entity) {
            value = entity.get(environment.getField().getName());
        } else if (environment.getSource() instanceof Map<?, ?> source) {
            value = source.get(environment.getField().getName());
        }
        value = resolve(value, environment);
        GraphQLOutputType type = environment.getFieldType();
        GraphQLType unwrapped = GraphQLTypeUtil.unwrapAll(type);
        if (unwrapped instanceof GraphQLObjectType object
                && object.getName().endsWith("Connection")
                && (value == null || value instanceof List)) {
            return Connections.page(value == null ? List.of() : (List<?>) value, environment);
        }
        if (value == null && type instanceof GraphQLNonNull nonNull) {
            return neutral(nonNull.getWrappedType());
        }
        return value;
    }

    static Object resolve(Object value, DataFetchingEnvironment environment) throws Exception {
        if (value instanceof DataFetcher<?> fetcher) {
            return fetcher.get(environment);
        }
        if (value instanceof Supplier<?> supplier) {
            return supplier.get();
        }
        return value;
    }

    /** A value of the type for a non-null field the fake does not model. */
    static Object neutral(GraphQLType type) {
        if (type instanceof GraphQLList) {
            return List.of();
        }
        if (type instanceof GraphQLEnumType enumType) {
            if (enumType.getName().equals("CurrencyCode")) {
                return AdminStore.CURRENCY;
            }
            return enumType.getValues().get(0).getName();
        }
        if (type instanceof GraphQLObjectType object) {
            Map<String, Object> empty = new LinkedHashMap<>();
            empty.put(TYPENAME, object.getName());
            return empty;
        }
        if (type instanceof GraphQLScalarType scalar) {
            return switch (scalar.getName()) {
                case "Int" -> 0;
                case "Float" -> 0.0;
                case "Boolean" -> false;
                case "ID" -> "gid://shopify/Unknown/0";
                case "DateTime" -> "1970-01-01T00:00:00Z";
                case "Date" -> "1970-01-01";
                case "Decimal", "Money" -> "0.0";
                case "UnsignedInt64", "BigInt" -> "0";
                case "URL" -> "https://" + AdminStore.DEFAULT_SHOP_HOST;
                case "JSON" -> Map.of();
                default -> "";
            };
        }
        return null;
    }

    /**
     * A custom scalar taken and given as it is: strings stay strings (Shopify's {@code Decimal} and
     * {@code UnsignedInt64} are strings on the wire), numbers stay numbers; {@code JSON} takes any value.
     */
    private record PassThroughScalar(boolean anyJson) implements Coercing<Object, Object> {

        @Override
        public Object serialize(Object value, GraphQLContext context, Locale locale) {
            if (value instanceof BigDecimal decimal) {
                return decimal.toPlainString();
            }
            return value instanceof String
                            || value instanceof Number
                            || value instanceof Boolean
                            || value instanceof Map
                            || value instanceof List
                    ? value
                    : String.valueOf(value);
        }

        @Override
        public Object parseValue(Object input, GraphQLContext context, Locale locale) {
            if (!anyJson && (input instanceof Map || input instanceof List)) {
                throw new graphql.schema.CoercingParseValueException("Could not coerce value " + input);
            }
            return input;
        }

        @Override
        public Object parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context, Locale locale) {
            return literal(input, variables);
        }

        private Object literal(Value<?> input, CoercedVariables variables) {
            if (input instanceof StringValue s) {
                return s.getValue();
            }
            if (input instanceof IntValue i) {
                return i.getValue().toString();
            }
            if (input instanceof FloatValue f) {
                return f.getValue().toPlainString();
            }
            if (input instanceof BooleanValue b) {
                return b.isValue();
            }
            if (input instanceof NullValue) {
                return null;
            }
            if (input instanceof VariableReference ref) {
                return variables.get(ref.getName());
            }
            if (anyJson && input instanceof ObjectValue object) {
                Map<String, Object> map = new LinkedHashMap<>();
                for (ObjectField field : object.getObjectFields()) {
                    map.put(field.getName(), literal(field.getValue(), variables));
                }
                return map;
            }
            if (anyJson && input instanceof ArrayValue array) {
                List<Object> list = new ArrayList<>();
                array.getValues().forEach(v -> list.add(literal(v, variables)));
                return list;
            }
            if (anyJson && input instanceof EnumValue e) {
                return e.getName();
            }
            throw new CoercingParseLiteralException("Could not coerce literal " + input);
        }
    }
}
