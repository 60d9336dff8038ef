package com.lavish.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * KEDA scales the services: one ScaledObject per Deployment and no other autoscaler on it; its kafka triggers reach
 * the overlay's own brokers over TLS as a Kafka user of KEDA's that may only look; its request trigger reads the
 * overlay's own series. (That the triggers watch the services' groups within the partitions:
 * ServicesAgreeWithConfigurationTest; that their metrics are exported: MetricsContractTest.)
 */
class ScaledObjectsTest {

    /** The namespace KEDA's operator runs in (deploy/README.md): the brokers' network policy lets it in. */
    private static final String KEDA_NAMESPACE = "keda";

    static Stream<String> overlays() {
        return Suite.OVERLAYS.stream();
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyServiceHasOneScaledObjectAndNoOtherAutoscaler(String overlay) {
        Rendered rendered = Rendered.overlay(overlay);
        Set<String> deployments = rendered.serviceDeployments().keySet();
        Map<String, Integer> autoscalers = new TreeMap<>();
        for (JsonNode scaledObject : rendered.ofKind("ScaledObject")) {
            String name = scaledObject.at("/metadata/name").asText();
            String target = scaledObject.at("/spec/scaleTargetRef/name").asText();
            assertEquals(
                    "Deployment", scaledObject.at("/spec/scaleTargetRef/kind").asText("Deployment"), name);
            assertTrue(
                    deployments.contains(target),
                    overlay + ": ScaledObject " + name + " scales " + target + ", no Deployment of the suite");
            int min = scaledObject.at("/spec/minReplicaCount").asInt(0);
            int max = scaledObject.at("/spec/maxReplicaCount").asInt(0);
            assertTrue(
                    1 <= min && min <= max,
                    overlay + ": " + name + " scales between " + min + " and " + max
                            + " replicas (never to zero: the consumers' health checks and the storefront reads need one)");
            assertFalse(
                    scaledObject
                            .at("/spec/advanced/horizontalPodAutoscalerConfig/behavior/scaleDown")
                            .path("stabilizationWindowSeconds")
                            .isMissingNode(),
                    overlay + ": " + name + " scales down after a stabilisation window (a rebalance for every change)");
            autoscalers.merge(target, 1, Integer::sum);
        }
        // KEDA makes a HorizontalPodAutoscaler of each ScaledObject: a second one on the same Deployment would fight it
        for (JsonNode hpa : rendered.ofKind("HorizontalPodAutoscaler")) {
            autoscalers.merge(hpa.at("/spec/scaleTargetRef/name").asText(), 1, Integer::sum);
        }
        for (String deployment : deployments) {
            assertEquals(
                    1,
                    autoscalers.getOrDefault(deployment, 0),
                    overlay + ": " + deployment + " has one autoscaler, its ScaledObject");
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void kafkaTriggersReachTheOverlaysBrokersOnTheirTlsListener(String overlay) {
        Rendered rendered = Rendered.overlay(overlay);
        List<JsonNode> clusters = rendered.ofKind("Kafka");
        assertEquals(1, clusters.size(), overlay + ": one Kafka");
        JsonNode kafka = clusters.get(0);
        JsonNode listener = tlsScramListener(kafka);
        // KEDA's operator is in a namespace of its own: the bootstrap Service by its name in ours, which Strimzi's
        // broker certificates carry
        String bootstrap = kafka.at("/metadata/name").asText() + "-kafka-bootstrap."
                + kafka.at("/metadata/namespace").asText() + ".svc:"
                + listener.path("port").asInt();
        for (JsonNode scaledObject : rendered.ofKind("ScaledObject")) {
            for (JsonNode trigger : Rendered.triggers(scaledObject, "kafka")) {
                assertEquals(
                        bootstrap,
                        trigger.at("/metadata/bootstrapServers").asText(),
                        overlay + ": " + scaledObject.at("/metadata/name").asText() + "'s trigger "
                                + trigger.path("name").asText());
            }
        }
        assertTrue(
                listener.path("networkPolicyPeers").findValues("namespaceSelector").stream()
                        .anyMatch(s -> KEDA_NAMESPACE.equals(s.at("/matchLabels/kubernetes.io~1metadata.name")
                                .asText())),
                overlay + ": the listener's network policy lets KEDA's operator (namespace " + KEDA_NAMESPACE
                        + ") reach the brokers");
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void kedaLogsInToKafkaAsItsOwnUserWithScramOverTls(String overlay) {
        Rendered rendered = Rendered.overlay(overlay);
        String kafka = rendered.ofKind("Kafka").get(0).at("/metadata/name").asText();
        for (JsonNode scaledObject : rendered.ofKind("ScaledObject")) {
            for (JsonNode trigger : Rendered.triggers(scaledObject, "kafka")) {
                String where =
                        overlay + ": " + scaledObject.at("/metadata/name").asText() + "'s trigger "
                                + trigger.path("name").asText() + ": ";
                Map<String, String> login = kafkaLogin(rendered, trigger);
                assertEquals("scram_sha512", login.get("sasl"), where + "SASL mechanism");
                assertEquals("enable", login.get("tls"), where + "TLS");
                String user = login.get("username");
                JsonNode kafkaUser = rendered.find("KafkaUser", String.valueOf(user))
                        .orElseThrow(() -> new AssertionError(where + "logs in as " + user + ", no KafkaUser"));
                assertEquals(
                        "scram-sha-512",
                        kafkaUser.at("/spec/authentication/type").asText(),
                        where + user);
                assertFalse(
                        Suite.components().contains(user),
                        where + "KEDA logs in as a user of its own, not " + user + "'s, which may read and write");
                assertEquals(
                        "secret " + user + "/password",
                        login.get("password"),
                        where + "the password Strimzi's User Operator writes for " + user);
                assertEquals(
                        "secret " + kafka + "-cluster-ca-cert/ca.crt",
                        login.get("ca"),
                        where + "the brokers verified against the cluster CA");
            }
        }
    }

    /** KEDA may look at what it watches and nothing more: Describe on those topics and groups, no other operation. */
    @Test
    void kedasKafkaUserMayDescribeWhatTheTriggersWatchAndNothingElse() {
        Rendered rendered = Pending.withOverlay("prod");
        Map<String, Set<String>> watched = new TreeMap<>();
        for (JsonNode scaledObject : rendered.ofKind("ScaledObject")) {
            for (JsonNode trigger : Rendered.triggers(scaledObject, "kafka")) {
                Set<String> acls =
                        watched.computeIfAbsent(kafkaLogin(rendered, trigger).get("username"), u -> new TreeSet<>());
                acls.add("topic " + trigger.at("/metadata/topic").asText() + " Describe");
                acls.add("group " + trigger.at("/metadata/consumerGroup").asText() + " Describe");
            }
        }
        assertFalse(watched.isEmpty(), "the consumers scale on lag");
        for (Map.Entry<String, Set<String>> user : watched.entrySet()) {
            Set<String> granted = new TreeSet<>();
            for (JsonNode acl : rendered.get("KafkaUser", user.getKey()).at("/spec/authorization/acls")) {
                String pattern = acl.at("/resource/patternType").asText("literal");
                for (JsonNode operation : acl.path("operations")) {
                    granted.add(acl.at("/resource/type").asText() + " "
                            + acl.at("/resource/name").asText()
                            + ("literal".equals(pattern) ? "" : " (" + pattern + ")") + " " + operation.asText());
                }
            }
            assertEquals(
                    user.getValue(),
                    granted,
                    "KafkaUser " + user.getKey()
                            + " (deploy/kubernetes/base/keda) against what the ScaledObjects' kafka triggers watch");
        }
    }

    /** A prometheus trigger reads the series of its own namespace's pods, in the monitoring namespace's Prometheus. */
    @ParameterizedTest
    @MethodSource("overlays")
    void prometheusTriggersReadTheirOwnNamespacesSeries(String overlay) {
        Rendered rendered = Rendered.overlay(overlay);
        for (JsonNode scaledObject : rendered.ofKind("ScaledObject")) {
            String namespace = scaledObject.at("/metadata/namespace").asText();
            for (JsonNode trigger : Rendered.triggers(scaledObject, "prometheus")) {
                String where =
                        overlay + ": " + scaledObject.at("/metadata/name").asText() + "'s trigger "
                                + trigger.path("name").asText() + ": ";
                JsonNode metadata = trigger.path("metadata");
                assertTrue(
                        metadata.path("query").asText().contains("namespace=\"" + namespace + "\""),
                        where + "the query selects namespace=\"" + namespace + "\": " + metadata.path("query"));
                assertTrue(
                        metadata.path("serverAddress").asText().matches("http://[a-z0-9-]+\\.monitoring\\.svc:\\d+"),
                        where + "the Prometheus in the namespace monitoring: " + metadata.path("serverAddress"));
                assertTrue(
                        metadata.path("threshold").asText().matches("[0-9]+(\\.[0-9]+)?")
                                && Double.parseDouble(metadata.path("threshold").asText()) > 0,
                        where + "a threshold");
            }
        }
    }

    /** A service that answers the storefront (/proxy, /api) or Shopify (/webhooks) scales on its CPU too. */
    @ParameterizedTest
    @MethodSource("overlays")
    void servicesThatAnswerRequestsAlsoScaleOnCpu(String overlay) {
        Rendered rendered = Rendered.overlay(overlay);
        Set<String> answering = new TreeSet<>();
        for (JsonNode route : rendered.ofKind("HTTPRoute")) {
            for (JsonNode rule : route.at("/spec/rules")) {
                for (JsonNode match : rule.path("matches")) {
                    if (match.at("/path/value").asText().matches("/(proxy|api|webhooks)(/.*)?")) {
                        rule.path("backendRefs")
                                .forEach(b -> answering.add(b.path("name").asText()));
                    }
                }
            }
        }
        assertTrue(answering.contains("webhook-gateway"), overlay + ": the routes name the gateway");
        for (String service : answering) {
            JsonNode scaledObject = rendered.scaledObjectOf(service)
                    .orElseThrow(() -> new AssertionError(overlay + ": " + service + " has no ScaledObject"));
            List<JsonNode> cpu = Rendered.triggers(scaledObject, "cpu");
            assertEquals(1, cpu.size(), overlay + ": " + service + " scales on CPU");
            assertEquals("Utilization", cpu.get(0).path("metricType").asText(), overlay + ": " + service);
        }
    }

    private static JsonNode tlsScramListener(JsonNode kafka) {
        for (JsonNode listener : kafka.at("/spec/kafka/listeners")) {
            if (listener.path("tls").asBoolean()
                    && "scram-sha-512"
                            .equals(listener.at("/authentication/type").asText())) {
                return listener;
            }
        }
        throw new AssertionError("Kafka " + kafka.at("/metadata/name").asText() + " has no TLS listener with SCRAM");
    }

    /**
     * What a kafka trigger logs in with: its TriggerAuthentication's parameters (a ConfigMap's value, or
     * "secret name/key" for a Secret's), under the trigger's own metadata for those KEDA also reads there.
     */
    static Map<String, String> kafkaLogin(Rendered rendered, JsonNode trigger) {
        Map<String, String> login = new HashMap<>();
        JsonNode ref = trigger.path("authenticationRef");
        if (!ref.isMissingNode()) {
            assertEquals(
                    "TriggerAuthentication",
                    ref.path("kind").asText("TriggerAuthentication"),
                    "the suite's login is in its namespace");
            JsonNode authentication =
                    rendered.get("TriggerAuthentication", ref.path("name").asText());
            for (JsonNode source : authentication.at("/spec/configMapTargetRef")) {
                String name = source.path("name").asText();
                JsonNode data = rendered.configMap(name)
                        .orElseThrow(() -> new AssertionError(rendered.name + " has no ConfigMap " + name))
                        .path("data");
                assertTrue(
                        data.has(source.path("key").asText()),
                        "ConfigMap " + name + " has no key " + source.path("key"));
                login.put(
                        source.path("parameter").asText(),
                        data.path(source.path("key").asText()).asText());
            }
            for (JsonNode source : authentication.at("/spec/secretTargetRef")) {
                login.put(
                        source.path("parameter").asText(),
                        "secret " + source.path("name").asText() + "/"
                                + source.path("key").asText());
            }
        }
        for (String parameter : List.of("sasl", "tls")) {
            JsonNode value = trigger.at("/metadata/" + parameter);
            if (!value.isMissingNode()) {
                login.put(parameter, value.asText());
            }
        }
        return login;
    }
}
