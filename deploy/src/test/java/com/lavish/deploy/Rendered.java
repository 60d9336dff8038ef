package com.lavish.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The objects one kustomization renders to, with the look-ups the checks need. */
final class Rendered {

    private static final Map<String, Rendered> OVERLAYS = new ConcurrentHashMap<>();

    final String name;
    final List<JsonNode> objects;

    Rendered(String name, List<JsonNode> objects) {
        this.name = name;
        this.objects = objects;
    }

    /** An overlay of deploy/kubernetes/overlays, rendered once per test run. */
    static Rendered overlay(String overlay) {
        return OVERLAYS.computeIfAbsent(
                overlay,
                o -> new Rendered(
                        o, Kustomize.render(Suite.KUBERNETES.resolve("overlays").resolve(o))));
    }

    List<JsonNode> ofKind(String kind) {
        return objects.stream()
                .filter(o -> kind.equals(o.path("kind").asText()))
                .toList();
    }

    Optional<JsonNode> find(String kind, String name) {
        return ofKind(kind).stream()
                .filter(o -> name.equals(o.at("/metadata/name").asText()))
                .findFirst();
    }

    JsonNode get(String kind, String name) {
        return find(kind, name).orElseThrow(() -> new AssertionError(this.name + " has no " + kind + " " + name));
    }

    /** The Deployments quarkus-kubernetes generated, by service name. */
    Map<String, JsonNode> serviceDeployments() {
        Map<String, JsonNode> deployments = new HashMap<>();
        for (JsonNode d : ofKind("Deployment")) {
            if ("quarkus"
                    .equals(d.at("/metadata/labels/app.kubernetes.io~1managed-by")
                            .asText())) {
                deployments.put(d.at("/metadata/name").asText(), d);
            }
        }
        return deployments;
    }

    /**
     * The KEDA ScaledObject that scales a Deployment (a scaleTargetRef without kind names a Deployment), or nothing.
     */
    Optional<JsonNode> scaledObjectOf(String deployment) {
        return ofKind("ScaledObject").stream()
                .filter(s -> "Deployment"
                                .equals(s.at("/spec/scaleTargetRef/kind").asText("Deployment"))
                        && deployment.equals(s.at("/spec/scaleTargetRef/name").asText()))
                .findFirst();
    }

    /** A ScaledObject's triggers of one type (kafka, cpu, prometheus). */
    static List<JsonNode> triggers(JsonNode scaledObject, String type) {
        List<JsonNode> triggers = new ArrayList<>();
        scaledObject.at("/spec/triggers").forEach(t -> {
            if (type.equals(t.path("type").asText())) {
                triggers.add(t);
            }
        });
        return triggers;
    }

    /** The ConfigMap rendered under a (hash-suffixed) name, by the name it was generated as. */
    Optional<JsonNode> configMap(String renderedName) {
        return find("ConfigMap", renderedName);
    }

    /** The matchLabels a selector holds (matchExpressions are not used in deploy/kubernetes). */
    static Map<String, String> labels(JsonNode node) {
        Map<String, String> labels = new HashMap<>();
        node.properties().forEach(e -> labels.put(e.getKey(), e.getValue().asText()));
        return labels;
    }

    static boolean selects(JsonNode matchLabels, JsonNode podLabels) {
        return labels(podLabels).entrySet().containsAll(labels(matchLabels).entrySet());
    }

    static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(n -> texts.add(n.asText()));
        return texts;
    }
}
