package com.lavish.shopifyfake.admin;

import graphql.GraphQLContext;
import graphql.GraphQLError;
import graphql.ParseAndValidate;
import graphql.execution.RawVariables;
import graphql.execution.ValuesResolver;
import graphql.language.Document;
import graphql.language.OperationDefinition;
import graphql.language.VariableDefinition;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import graphql.validation.ValidationError;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Shopify's published Admin GraphQL schema, version {@value #VERSION} (resource {@value #RESOURCE}, in this module's
 * {@code src/main/resources/shopify/admin-2026-07.graphql}, which is the introspection Shopify ships in
 * {@code @shopify/dev-mcp@1.16.0}), parsed once per JVM.
 * <p>
 * Other modules validate the documents they send with {@code AdminSchema.load().validate(document, variables)}: an
 * empty list means Shopify would accept the document; otherwise each entry is one error as Shopify words it.
 * The fake's Admin API executes requests against the same schema.
 */
public final class AdminSchema {

    public static final String VERSION = "2026-07";
    public static final String RESOURCE = "shopify/admin-2026-07.graphql";

    private final GraphQLSchema schema;

    private AdminSchema(GraphQLSchema schema) {
        this.schema = schema;
    }

    /** The schema, parsed on first use (a few seconds: the SDL is 3.7 MB) and shared by every caller after that. */
    public static AdminSchema load() {
        return Holder.INSTANCE;
    }

    private static final class Holder {
        static final AdminSchema INSTANCE = new AdminSchema(parse());
    }

    private static GraphQLSchema parse() {
        TypeDefinitionRegistry registry;
        try (InputStream in = AdminSchema.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("resource " + RESOURCE + " is missing from the classpath");
            }
            try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                registry = new SchemaParser().parse(reader);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
        return new SchemaGenerator().makeExecutableSchema(registry, AdminWiring.runtimeWiring());
    }

    public GraphQLSchema graphQLSchema() {
        return schema;
    }

    /**
     * The errors Shopify would answer for this document, with these variables: syntax, validation against the
     * schema (fields, arguments, types, fragments, variables' use) and the variables' values against their declared
     * types. Empty when the document is valid.
     *
     * @param variables the request's {@code variables}, or null when the document is checked alone (then the
     *                  variables' values are not checked)
     */
    public List<String> validate(String document, Map<String, Object> variables) {
        return check(document, variables).stream().map(GraphQLError::getMessage).toList();
    }

    /** As {@link #validate}, the errors as graphql-java reports them (with locations and classification). */
    List<GraphQLError> check(String document, Map<String, Object> variables) {
        Document parsed;
        try {
            parsed = parseDocument(document);
        } catch (InvalidSyntaxException e) {
            return List.of(e.toInvalidSyntaxError());
        }
        List<GraphQLError> errors = new ArrayList<>(ParseAndValidate.validate(schema, parsed, Locale.ENGLISH));
        if (errors.isEmpty() && variables != null) {
            errors.addAll(coerceVariables(parsed, null, variables).errors());
        }
        return errors;
    }

    static Document parseDocument(String document) {
        return Parser.parse(document);
    }

    List<ValidationError> validateDocument(Document document) {
        return ParseAndValidate.validate(schema, document, Locale.ENGLISH);
    }

    /** The variables' values coerced to the operation's declared types, or the errors that prevent it. */
    Coerced coerceVariables(Document document, String operationName, Map<String, Object> variables) {
        OperationDefinition operation = operation(document, operationName);
        if (operation == null) {
            return new Coerced(
                    Map.of(),
                    List.of(AdminErrors.error(
                            operationName == null
                                    ? "An operation name is required"
                                    : "No operation named \"" + operationName + "\"",
                            "OPERATION_NOT_FOUND")));
        }
        List<VariableDefinition> definitions = operation.getVariableDefinitions();
        try {
            Map<String, Object> coerced = ValuesResolver.coerceVariableValues(
                            schema,
                            definitions,
                            RawVariables.of(variables == null ? Map.of() : variables),
                            GraphQLContext.getDefault(),
                            Locale.ENGLISH)
                    .toMap();
            return new Coerced(coerced, List.of());
        } catch (RuntimeException e) {
            if (e instanceof GraphQLError error) {
                return new Coerced(Map.of(), List.of(AdminErrors.error(error.getMessage(), "INVALID_VARIABLE")));
            }
            throw e;
        }
    }

    /** The operation to run: the one named, or the document's only one. */
    static OperationDefinition operation(Document document, String operationName) {
        List<OperationDefinition> operations = document.getDefinitionsOfType(OperationDefinition.class);
        if (operationName == null || operationName.isBlank()) {
            return operations.size() == 1 ? operations.get(0) : null;
        }
        return operations.stream()
                .filter(o -> operationName.equals(o.getName()))
                .findFirst()
                .orElse(null);
    }

    record Coerced(Map<String, Object> values, List<GraphQLError> errors) {}
}
