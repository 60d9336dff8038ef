package com.lavish.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Each overlay as an operator applies it: it renders, every object is valid, every service is fit to run. */
class OverlaysTest {

    private static SchemaValidator schemas;

    @BeforeAll
    static void loadSchemas() {
        schemas = new SchemaValidator();
    }

    static Stream<String> overlays() {
        return Suite.OVERLAYS.stream();
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyObjectValidatesStrictlyAgainstItsSchema(String overlay) {
        Rendered rendered = Rendered.overlay(overlay);
        assertFalse(rendered.objects.isEmpty());
        List<String> errors = new ArrayList<>();
        for (JsonNode object : rendered.objects) {
            for (String error : schemas.validate(object)) {
                errors.add(object.path("kind").asText() + " "
                        + object.at("/metadata/name").asText() + ": " + error);
            }
        }
        assertEquals(List.of(), errors, overlay);
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyMergedServiceRuns(String overlay) {
        Map<String, JsonNode> deployments = Rendered.overlay(overlay).serviceDeployments();
        assertEquals(
                Suite.mergedServices().stream().sorted().toList(),
                deployments.keySet().stream().sorted().toList(),
                overlay + " deploys every merged service and nothing else");
    }

    @Tag("security")
    @ParameterizedTest
    @MethodSource("overlays")
    void everyServiceHasProbesResourcesAutoscalingADisruptionBudgetAndAPolicy(String overlay) {
        Rendered rendered = Rendered.overlay(overlay);
        for (Map.Entry<String, JsonNode> entry : rendered.serviceDeployments().entrySet()) {
            String service = entry.getKey();
            JsonNode deployment = entry.getValue();
            JsonNode pod = deployment.at("/spec/template");
            JsonNode container = pod.at("/spec/containers/0");
            String where = overlay + " " + service + ": ";
            int port = ServiceConfig.of(service).httpPort();
            int management = ServiceConfig.of(service).managementPort();
            assertTrue(
                    management > 0 && management != port,
                    where + "health and metrics on a management port of"
                            + " their own (quarkus.management.enabled, quarkus.management.port)");

            assertEquals(
                    "/q/health/live",
                    container.at("/livenessProbe/httpGet/path").asText(),
                    where + "liveness");
            assertEquals(
                    "/q/health/ready",
                    container.at("/readinessProbe/httpGet/path").asText(),
                    where + "readiness");
            assertEquals(management, container.at("/livenessProbe/httpGet/port").asInt(), where + "liveness port");
            assertEquals(
                    management, container.at("/readinessProbe/httpGet/port").asInt(), where + "readiness port");
            assertEquals(port, containerPort(container, "http"), where + "container port");
            assertEquals(management, containerPort(container, "management"), where + "management container port");
            for (String resource : List.of("requests/cpu", "requests/memory", "limits/cpu", "limits/memory")) {
                assertFalse(container.at("/resources/" + resource).asText().isEmpty(), where + resource);
            }
            assertTrue(pod.at("/spec/securityContext/runAsNonRoot").asBoolean(), where + "runs as non-root");
            assertTrue(
                    container.at("/securityContext/readOnlyRootFilesystem").asBoolean(),
                    where + "read-only root filesystem");
            assertFalse(
                    container.at("/securityContext/allowPrivilegeEscalation").asBoolean(true),
                    where + "no privilege escalation");

            assertTrue(rendered.scaledObjectOf(service).isPresent(), where + "an autoscaler (a KEDA ScaledObject)");
            JsonNode podLabels = pod.at("/metadata/labels");
            assertTrue(
                    rendered.ofKind("PodDisruptionBudget").stream()
                            .anyMatch(b -> Rendered.selects(b.at("/spec/selector/matchLabels"), podLabels)),
                    where + "a disruption budget");
            List<JsonNode> ingress = rendered.ofKind("NetworkPolicy").stream()
                    .filter(p -> service.equals(p.at("/spec/podSelector/matchLabels/app.kubernetes.io~1name")
                            .asText()))
                    .flatMap(p -> toList(p.at("/spec/ingress")).stream())
                    .toList();
            assertTrue(
                    ingress.stream().anyMatch(r -> admitsGateway(r) && ports(r).contains(port)),
                    where + "a network policy letting the gateway in on port " + port);
            assertFalse(
                    ingress.stream().anyMatch(r -> admitsGateway(r) && !ports(r).equals(List.of(port))),
                    where + "the gateway is let in on the HTTP port alone, never on the management port");
            assertTrue(
                    ingress.stream().anyMatch(r -> !admitsGateway(r) && ports(r).contains(management)),
                    where + "a network policy letting Prometheus in on the management port " + management);
            assertTrue(
                    rendered.ofKind("ServiceMonitor").stream()
                            .anyMatch(m -> Rendered.selects(
                                            m.at("/spec/selector/matchLabels"), deployment.at("/metadata/labels"))
                                    && "/q/metrics"
                                            .equals(m.at("/spec/endpoints/0/path")
                                                    .asText())
                                    && m.at("/spec/endpoints/0/targetPort").asInt() == management),
                    where + "a ServiceMonitor on /q/metrics at the management port");
        }
    }

    /**
     * The rate limits' counters live in Redis: under memory pressure Redis must refuse writes (noeviction), which the
     * limiter treats as Redis being away, rather than evict the counters and let a flood of new keys reset them.
     */
    @Tag("security")
    @ParameterizedTest
    @MethodSource("overlays")
    void redisNeverEvictsTheRateLimitCounters(String overlay) {
        List<JsonNode> redis = new ArrayList<>();
        for (String kind : List.of("Deployment", "StatefulSet")) {
            for (JsonNode workload : Rendered.overlay(overlay).ofKind(kind)) {
                for (JsonNode container : workload.at("/spec/template/spec/containers")) {
                    if ("redis".equals(container.path("name").asText())) {
                        redis.add(container);
                    }
                }
            }
        }
        assertEquals(1, redis.size(), overlay + ": one Redis container");
        List<String> args =
                toList(redis.get(0).path("args")).stream().map(JsonNode::asText).toList();
        int policy = args.indexOf("--maxmemory-policy");
        assertTrue(
                policy >= 0 && policy + 1 < args.size() && "noeviction".equals(args.get(policy + 1)),
                overlay + ": Redis runs with --maxmemory-policy noeviction, not " + args);
    }

    private static int containerPort(JsonNode container, String name) {
        return toList(container.path("ports")).stream()
                .filter(p -> name.equals(p.path("name").asText()))
                .mapToInt(p -> p.path("containerPort").asInt())
                .findFirst()
                .orElse(-1);
    }

    /**
     * An ingress rule that admits a gateway's namespace (the public one's or the admin one's, ADR 0006), or everyone
     * (no from).
     */
    private static boolean admitsGateway(JsonNode rule) {
        return !rule.has("from")
                || Stream.of("lavish.io/gateway", "lavish.io/admin-gateway")
                        .flatMap(label -> rule.path("from").findValues(label).stream())
                        .anyMatch(v -> "true".equals(v.asText()));
    }

    private static List<Integer> ports(JsonNode rule) {
        return toList(rule.path("ports")).stream()
                .map(p -> p.path("port").asInt())
                .toList();
    }

    private static List<JsonNode> toList(JsonNode array) {
        List<JsonNode> items = new ArrayList<>();
        array.forEach(items::add);
        return items;
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyPodRunsAsNonRootWithAReadOnlyRootFilesystem(String overlay) {
        for (JsonNode deployment : Rendered.overlay(overlay).ofKind("Deployment")) {
            JsonNode spec = deployment.at("/spec/template/spec");
            for (JsonNode container : spec.path("containers")) {
                String where = overlay + " " + deployment.at("/metadata/name").asText() + "/"
                        + container.path("name").asText();
                assertTrue(
                        container.at("/securityContext/runAsNonRoot").asBoolean()
                                || spec.at("/securityContext/runAsNonRoot").asBoolean(),
                        where + " runs as non-root");
                assertTrue(
                        container.at("/securityContext/readOnlyRootFilesystem").asBoolean(),
                        where + " has a read-only root filesystem");
            }
        }
    }
}
