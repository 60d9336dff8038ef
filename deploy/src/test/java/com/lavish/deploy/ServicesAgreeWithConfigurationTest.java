package com.lavish.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.lavish.events.ShopifyTopicRoute;
import com.lavish.events.Topics;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The manifests say what the services' own configuration and the event contract say: topics, ACLs, routes, ports,
 * environment, secrets, and autoscalers that watch the services' consumer groups and stay within the partitions.
 */
class ServicesAgreeWithConfigurationTest {

    static Stream<String> overlays() {
        return Suite.OVERLAYS.stream();
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void topicsAreTheEventContractsWithTheirDeadLetters(String overlay) {
        Set<String> declared = new TreeSet<>();
        Rendered.overlay(overlay)
                .ofKind("KafkaTopic")
                .forEach(t -> declared.add(t.at("/spec/topicName").asText()));
        assertEquals(new TreeSet<>(Topics.allWithDeadLetters()), declared);
    }

    @Tag("security")
    @Test
    void routesAreTheLocalGatewaysRoutes() {
        Map<String, Integer> local = localRoutes();
        Map<String, Integer> ports = Suite.localPorts();
        Rendered rendered = Pending.withOverlay("prod");
        Map<String, JsonNode> routed = new HashMap<>();
        Map<String, String> listener = new HashMap<>();
        for (JsonNode route : rendered.ofKind("HTTPRoute")) {
            for (JsonNode rule : route.at("/spec/rules")) {
                for (JsonNode match : rule.path("matches")) {
                    String prefix = match.at("/path/value").asText();
                    assertTrue(routed.put(prefix, rule.at("/backendRefs/0")) == null, prefix + " is routed twice");
                    listener.put(
                            prefix, route.at("/spec/parentRefs/0/sectionName").asText());
                }
            }
        }
        for (Map.Entry<String, Integer> entry : local.entrySet()) {
            String prefix = entry.getKey();
            String service = ports.entrySet().stream()
                    .filter(p -> p.getValue().equals(entry.getValue()))
                    .map(Map.Entry::getKey)
                    .findFirst()
                    .orElseThrow(() -> new AssertionError(
                            "routes.properties names port " + entry.getValue() + ", which no service has"));
            JsonNode backend = routed.get(prefix);
            assertTrue(backend != null, prefix + " (" + service + ") has no HTTPRoute");
            assertEquals(service, backend.path("name").asText(), prefix);
            assertEquals(servicePort(rendered, service), backend.path("port").asInt(), prefix + ": the Service's port");
            assertEquals(
                    prefix.startsWith("/admin/") ? "admin" : "api",
                    listener.get(prefix),
                    prefix + ": admin paths on the admin host, the rest on the api host");
        }
        for (Map.Entry<String, JsonNode> entry : routed.entrySet()) {
            String backend = entry.getValue().path("name").asText();
            assertTrue(
                    local.containsKey(entry.getKey()) || Suite.pendingServices().contains(backend),
                    entry.getKey()
                            + " is routed in Kubernetes but not by the local gateway (deploy/local/routes.properties)");
        }
    }

    @Test
    void theLocalRunUsesEachServicesOwnPorts() {
        // run.sh passes each service its port and its management port, the port + 1000
        for (Map.Entry<String, Integer> local : Suite.localPorts().entrySet()) {
            ServiceConfig config = ServiceConfig.of(local.getKey());
            assertEquals(config.httpPort(), local.getValue(), local.getKey() + "'s port in run.sh");
            assertEquals(config.managementPort(), local.getValue() + 1000, local.getKey() + "'s management port");
        }
    }

    @Test
    void kafkaUsersMayDoWhatTheServicesDoAndNoMore() {
        Rendered rendered = Pending.withOverlay("prod");
        Set<String> contract = new HashSet<>(Topics.allWithDeadLetters());
        for (JsonNode user : rendered.ofKind("KafkaUser")) {
            for (JsonNode acl : user.at("/spec/authorization/acls")) {
                if ("topic".equals(acl.at("/resource/type").asText())) {
                    assertTrue(
                            contract.contains(acl.at("/resource/name").asText()),
                            user.at("/metadata/name").asText() + " is granted a topic outside the contract: " + acl);
                }
            }
        }
        for (String service : Suite.mergedServices()) {
            ServiceConfig config = ServiceConfig.of(service);
            Set<String> granted = grants(rendered.get("KafkaUser", service));
            Set<String> needed = new TreeSet<>();
            for (ServiceConfig.Incoming in : config.incoming()) {
                assertTrue(
                        contract.contains(in.topic()),
                        service + " consumes " + in.topic() + ", no topic of the contract");
                assertTrue(
                        in.deadLetterTopic() == null || contract.contains(in.deadLetterTopic()),
                        service + " dead-letters to " + in.deadLetterTopic() + ", no topic of the contract");
                needed.add("topic " + in.topic() + " Read");
                needed.add("group " + in.group() + " Read");
                if (in.deadLetterTopic() != null) {
                    needed.add("topic " + in.deadLetterTopic() + " Write");
                }
            }
            for (String topic : config.deadLetterAdminTopics()) {
                needed.add("topic " + Topics.deadLetterOf(topic) + " Read");
                needed.add("topic " + topic + " Write");
            }
            if ("webhook-gateway".equals(service)) {
                for (ShopifyTopicRoute route : ShopifyTopicRoute.values()) {
                    needed.add("topic " + route.kafkaTopic() + " Write");
                }
                needed.add("topic " + Topics.UNROUTED + " Write");
            }
            needed.removeAll(granted);
            assertEquals(Set.of(), needed, service + "'s KafkaUser lacks these ACLs");
            JsonNode container = rendered.get("Deployment", service).at("/spec/template/spec/containers/0");
            assertTrue(
                    container.path("env").findValues("secretKeyRef").stream()
                            .anyMatch(r -> service.equals(r.path("name").asText())
                                    && "sasl.jaas.config".equals(r.path("key").asText())),
                    service + " logs in to Kafka as its own KafkaUser");
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyServiceGetsTheEnvironmentItNeeds(String overlay) {
        Rendered rendered = Rendered.overlay(overlay);
        Map<String, Set<String>> exampleSecrets = Secrets.examples();
        for (String service : Suite.mergedServices()) {
            JsonNode container = rendered.get("Deployment", service).at("/spec/template/spec/containers/0");
            Set<String> provided = new TreeSet<>();
            container.path("env").forEach(e -> provided.add(e.path("name").asText()));
            for (JsonNode source : container.path("envFrom")) {
                if (source.has("configMapRef")) {
                    String name = source.at("/configMapRef/name").asText();
                    rendered.configMap(name)
                            .orElseThrow(() -> new AssertionError(
                                    service + " reads ConfigMap " + name + ", which " + overlay + " does not have"))
                            .path("data")
                            .fieldNames()
                            .forEachRemaining(provided::add);
                } else {
                    provided.addAll(exampleSecrets.getOrDefault(
                            source.at("/secretRef/name").asText(), Set.of()));
                }
            }
            Set<String> missing = new TreeSet<>(ServiceConfig.of(service).requiredEnvironment());
            missing.removeAll(provided);
            assertEquals(Set.of(), missing, overlay + ": " + service + " needs these and gets them from nowhere");
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everySecretReferencedIsDeclaredWithItsKeys(String overlay) {
        Rendered rendered = Pending.withOverlay(overlay);
        Map<String, Set<String>> available = Secrets.available(rendered);
        List<String> problems = new ArrayList<>();
        for (Secrets.Reference reference : Secrets.references(rendered)) {
            Set<String> keys = available.get(reference.secret());
            if (keys == null) {
                problems.add(reference.secret()
                        + " is referenced but neither in examples/secrets.example.yaml nor made by an operator");
            } else if (reference.key() != null && !keys.contains(reference.key())) {
                problems.add(reference.secret() + " has no key " + reference.key());
            }
        }
        assertEquals(List.of(), problems, overlay);
    }

    /**
     * A replica runs a channel's concurrency in consumers of the channel's group, so at its ScaledObject's
     * maxReplicaCount the group has maxReplicaCount x concurrency consumers: never more than the topic's partitions,
     * where one more would be given no partition and idle.
     */
    @ParameterizedTest
    @MethodSource("overlays")
    void consumersNeverScaleBeyondTheirPartitions(String overlay) {
        Rendered rendered = Rendered.overlay(overlay);
        Map<String, Integer> partitions = new HashMap<>();
        rendered.ofKind("KafkaTopic")
                .forEach(t -> partitions.put(
                        t.at("/spec/topicName").asText(),
                        t.at("/spec/partitions").asInt()));
        for (String service : Suite.mergedServices()) {
            JsonNode scaledObject = rendered.scaledObjectOf(service)
                    .orElseThrow(() -> new AssertionError(overlay + ": " + service + " has no ScaledObject"));
            assertTrue(
                    scaledObject.at("/spec/maxReplicaCount").isInt(),
                    overlay + ": " + service + "'s ScaledObject sets maxReplicaCount (KEDA's default is 100)");
            int maxReplicas = scaledObject.at("/spec/maxReplicaCount").asInt();
            for (ServiceConfig.Incoming in : ServiceConfig.of(service).incoming()) {
                assertTrue(partitions.containsKey(in.topic()), overlay + ": no KafkaTopic " + in.topic());
                assertTrue(
                        maxReplicas * in.concurrency() <= partitions.get(in.topic()),
                        overlay + ": " + service + " may run " + maxReplicas + " replicas x " + in.concurrency()
                                + " consumers of " + in.topic() + " (group " + in.group() + "), which has "
                                + partitions.get(in.topic()) + " partitions");
            }
        }
    }

    /**
     * KEDA watches each group a service consumes in, on its topic, as the service configures it: one kafka trigger
     * per channel, with the channel's group and topic, and the channel's auto.offset.reset (a partition the group has
     * not committed on yet is lag from its start under earliest, none under latest).
     */
    @ParameterizedTest
    @MethodSource("overlays")
    void kafkaTriggersWatchEachChannelAsTheServiceConsumesIt(String overlay) {
        Rendered rendered = Rendered.overlay(overlay);
        for (String service : Suite.mergedServices()) {
            JsonNode scaledObject = rendered.scaledObjectOf(service)
                    .orElseThrow(() -> new AssertionError(overlay + ": " + service + " has no ScaledObject"));
            Map<String, String> watched = new TreeMap<>();
            for (JsonNode trigger : Rendered.triggers(scaledObject, "kafka")) {
                JsonNode metadata = trigger.path("metadata");
                String channel = "group " + metadata.path("consumerGroup").asText() + " on "
                        + metadata.path("topic").asText();
                assertTrue(
                        watched.put(channel, metadata.path("offsetResetPolicy").asText("latest")) == null,
                        overlay + ": " + service + " watches " + channel + " twice");
                assertTrue(
                        metadata.path("lagThreshold").asText().matches("[1-9][0-9]*"),
                        overlay + ": " + service + "'s trigger on " + channel + " sets a lagThreshold");
            }
            Map<String, String> consumed = new TreeMap<>();
            for (ServiceConfig.Incoming in : ServiceConfig.of(service).incoming()) {
                consumed.put("group " + in.group() + " on " + in.topic(), in.offsetReset());
            }
            assertEquals(
                    consumed,
                    watched,
                    overlay + ": " + service + "'s kafka triggers (consumer group on topic:"
                            + " offsetResetPolicy) against its application.properties (group.id, topic, auto.offset.reset)");
        }
    }

    private static Set<String> grants(JsonNode user) {
        Set<String> grants = new HashSet<>();
        for (JsonNode acl : user.at("/spec/authorization/acls")) {
            String resource = acl.at("/resource/type").asText() + " "
                    + acl.at("/resource/name").asText();
            boolean prefix = "prefix".equals(acl.at("/resource/patternType").asText());
            for (JsonNode operation : acl.path("operations")) {
                grants.add(resource + " " + operation.asText());
                if (prefix) {
                    // a prefixed group grant covers every group of that prefix the service uses
                    grants.add(resource + "* " + operation.asText());
                }
            }
        }
        return grants;
    }

    private static int servicePort(Rendered rendered, String service) {
        return rendered.find("Service", service)
                .map(s -> s.at("/spec/ports/0/port").asInt())
                // a pending service's Service is generated at the merge: quarkus-kubernetes' default port
                .orElse(80);
    }

    /** deploy/local/routes.properties: path prefix to the local port of the service that owns it. */
    private static Map<String, Integer> localRoutes() {
        Map<String, Integer> routes = new LinkedHashMap<>();
        for (String line :
                Suite.read(Suite.ROOT.resolve("deploy/local/routes.properties")).split("\n")) {
            if (!line.isBlank() && !line.startsWith("#")) {
                String[] route = line.split("=", 2);
                routes.put(route[0].trim(), Integer.parseInt(route[1].trim()));
            }
        }
        return routes;
    }
}
