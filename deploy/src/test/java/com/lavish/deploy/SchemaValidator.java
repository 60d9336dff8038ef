package com.lavish.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.gson.JsonParseException;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.kubernetes.client.openapi.JSON;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Validates an object strictly, as an API server with field validation "Strict" would: unknown fields rejected,
 * required fields checked, types checked.
 * <ul>
 * <li>Kubernetes' own kinds against the models of Kubernetes' official Java client, which are generated from the
 * API's OpenAPI document: reading an object through them rejects a field the API does not define and a missing
 * required field, and fails on a wrong type.</li>
 * <li>Custom resources against their CRD's openAPIV3Schema (src/test/resources/crds, copied unchanged from each
 * project's release; SOURCES.md there), made strict as the API server treats it: an object schema with properties
 * allows no others unless it says x-kubernetes-preserve-unknown-fields. CEL rules (x-kubernetes-validations) are not
 * evaluated.</li>
 * </ul>
 */
final class SchemaValidator {

    private static final String MODELS = "io.kubernetes.client.openapi.models.";
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final Map<String, JsonSchema> crds = new HashMap<>();

    SchemaValidator() {
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7);
        for (Path file : crdFiles()) {
            try (InputStream in = Files.newInputStream(file)) {
                JsonNode crd = Kustomize.YAML.readTree(in);
                String group = crd.at("/spec/group").asText();
                String kind = crd.at("/spec/names/kind").asText();
                for (JsonNode version : crd.at("/spec/versions")) {
                    JsonNode schema =
                            strict(version.at("/schema/openAPIV3Schema").deepCopy());
                    crds.put(group + "/" + version.get("name").asText() + "/" + kind, factory.getSchema(schema));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(file.toString(), e);
            }
        }
    }

    /** What is wrong with the object, or nothing. */
    List<String> validate(JsonNode object) {
        String apiVersion = object.path("apiVersion").asText();
        String kind = object.path("kind").asText();
        if (apiVersion.isEmpty() || kind.isEmpty()) {
            return List.of("an object without apiVersion or kind");
        }
        JsonSchema crd = crds.get(apiVersion + "/" + kind);
        if (crd != null) {
            List<String> errors = new ArrayList<>();
            crd.validate(object).stream().map(ValidationMessage::getMessage).forEach(errors::add);
            errors.addAll(validateModel("V1ObjectMeta", object.path("metadata")));
            return errors;
        }
        String version = apiVersion.substring(apiVersion.indexOf('/') + 1);
        String model = Character.toUpperCase(version.charAt(0)) + version.substring(1) + kind;
        return validateModel(model, object);
    }

    private static List<String> validateModel(String model, JsonNode object) {
        Class<?> type;
        try {
            type = Class.forName(MODELS + model);
        } catch (ClassNotFoundException e) {
            return List.of("no schema for " + object.path("apiVersion").asText() + " "
                    + object.path("kind").asText()
                    + ": neither a Kubernetes 1.32 kind nor a custom resource of a CRD in src/test/resources/crds");
        }
        try {
            JSON.deserialize(object.toString(), type);
            return List.of();
        } catch (JsonParseException | IllegalArgumentException e) {
            return List.of(e.getMessage());
        }
    }

    /**
     * The CRD schema as the API server applies it, in JSON Schema draft 7: objects with properties closed unless
     * they preserve unknown fields, int-or-string as either, nullable as a null type; descriptions and the
     * Kubernetes extensions dropped.
     */
    static JsonNode strict(JsonNode node) {
        if (!(node instanceof ObjectNode schema)) {
            return node;
        }
        schema.remove(List.of(
                "description",
                "format",
                "x-kubernetes-list-type",
                "x-kubernetes-list-map-keys",
                "x-kubernetes-map-type",
                "x-kubernetes-validations",
                "x-kubernetes-embedded-resource"));
        if (schema.path("x-kubernetes-int-or-string").asBoolean()) {
            schema.remove(List.of("x-kubernetes-int-or-string", "type"));
            ArrayNode either = schema.putArray("anyOf");
            either.addObject().put("type", "integer");
            either.addObject().put("type", "string");
        }
        boolean preserve = schema.path("x-kubernetes-preserve-unknown-fields").asBoolean();
        schema.remove("x-kubernetes-preserve-unknown-fields");
        if (schema.path("nullable").asBoolean() && schema.has("type")) {
            schema.set("type", NODES.arrayNode().add(schema.get("type")).add("null"));
        }
        schema.remove("nullable");
        if (schema.has("properties") && !schema.has("additionalProperties") && !preserve) {
            schema.put("additionalProperties", false);
        }
        for (String nested : List.of("properties", "patternProperties")) {
            JsonNode children = schema.get(nested);
            if (children != null) {
                for (Map.Entry<String, JsonNode> field : children.properties()) {
                    strict(field.getValue());
                }
            }
        }
        strict(schema.get("items"));
        strict(schema.get("additionalProperties"));
        for (String combination : List.of("anyOf", "oneOf", "allOf")) {
            schema.path(combination).forEach(SchemaValidator::strict);
        }
        strict(schema.get("not"));
        return schema;
    }

    private static List<Path> crdFiles() {
        try (Stream<Path> files =
                Files.list(Path.of(SchemaValidator.class.getResource("/crds").toURI()))) {
            return files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
