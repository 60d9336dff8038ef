package com.lavish.shopifyfake.admin;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.language.SourceLocation;
import graphql.validation.ValidationError;
import graphql.validation.ValidationErrorType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Top-level GraphQL errors as Shopify writes them: {@code {message, locations, path, extensions: {code}}}.
 * Validation errors carry the codes of Shopify's GraphQL server where one is known ({@code undefinedField},
 * {@code missingRequiredArguments}, ...), the validation rule's name otherwise; the message is graphql-java's
 * description of the problem.
 */
final class AdminErrors {

    private AdminErrors() {}

    static GraphQLError error(String message, String code) {
        return GraphqlErrorBuilder.newError()
                .message(message)
                .extensions(Map.of("code", code))
                .build();
    }

    static Map<String, Object> shopify(GraphQLError error, String operationPath) {
        Map<String, Object> out = new LinkedHashMap<>();
        String message = error.getMessage();
        String code = null;
        if (error instanceof ValidationError validation) {
            message = validation.getDescription();
            code = validation.getValidationErrorType() instanceof ValidationErrorType type
                    ? code(type)
                    : String.valueOf(validation.getValidationErrorType());
        } else if (error.getExtensions() != null && error.getExtensions().get("code") != null) {
            code = error.getExtensions().get("code").toString();
        } else if (error.getErrorType() != null
                && error.getErrorType().toString().equals("InvalidSyntax")) {
            code = "parseError";
        }
        out.put("message", message);
        List<SourceLocation> locations = error.getLocations();
        if (locations != null && !locations.isEmpty()) {
            out.put(
                    "locations",
                    locations.stream()
                            .map(l -> Map.of("line", l.getLine(), "column", l.getColumn()))
                            .toList());
        }
        List<Object> path = null;
        if (error instanceof ValidationError validation && validation.getQueryPath() != null) {
            path = new ArrayList<>();
            if (operationPath != null) {
                path.add(operationPath);
            }
            path.addAll(validation.getQueryPath());
        } else if (error.getPath() != null && !error.getPath().isEmpty()) {
            path = error.getPath();
        }
        if (path != null) {
            out.put("path", path);
        }
        Map<String, Object> extensions = new LinkedHashMap<>();
        if (error.getExtensions() != null) {
            extensions.putAll(error.getExtensions());
        }
        if (code != null) {
            extensions.put("code", code);
        }
        if (!extensions.isEmpty()) {
            out.put("extensions", extensions);
        }
        return out;
    }

    private static String code(ValidationErrorType type) {
        return switch (type) {
            case FieldUndefined -> "undefinedField";
            case MissingFieldArgument -> "missingRequiredArguments";
            case UnknownArgument -> "argumentNotAccepted";
            case WrongType -> "argumentLiteralsIncompatible";
            case VariableTypeMismatch -> "variableMismatch";
            case SubselectionRequired, SubselectionNotAllowed -> "selectionMismatch";
            case UndefinedVariable -> "variableNotDefined";
            case UnusedVariable -> "variableNotUsed";
            case UnknownType -> "undefinedType";
            case UndefinedFragment -> "undefinedFragment";
            case UnusedFragment -> "useAndDefineFragment";
            case UnknownDirective -> "undefinedDirective";
            case NullValueForNonNullArgument -> "argumentLiteralsIncompatible";
            default ->
                Character.toLowerCase(type.name().charAt(0)) + type.name().substring(1);
        };
    }
}
