package com.lavish.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The validator rejects what an API server with strict field validation rejects, so a green overlay means something. */
class SchemaValidatorTest {

    private static SchemaValidator schemas;

    @BeforeAll
    static void loadSchemas() {
        schemas = new SchemaValidator();
    }

    @Test
    void acceptsAValidDeploymentAndKafkaTopic() {
        assertEquals(List.of(), schemas.validate(yaml(DEPLOYMENT)));
        assertEquals(List.of(), schemas.validate(yaml(TOPIC)));
    }

    @Test
    void rejectsAnUnknownFieldOfAKubernetesKind() {
        assertFalse(schemas.validate(yaml(DEPLOYMENT.replace("image: app", "image: app\n          imagePolicy: x")))
                .isEmpty());
    }

    @Test
    void rejectsAMissingRequiredFieldOfAKubernetesKind() {
        assertFalse(schemas.validate(yaml(DEPLOYMENT.replace("  selector:\n    matchLabels:\n      app: a\n", "")))
                .isEmpty());
    }

    @Test
    void rejectsAWrongTypeOfAKubernetesKind() {
        assertFalse(schemas.validate(yaml(DEPLOYMENT.replace("replicas: 2", "replicas: two")))
                .isEmpty());
    }

    @Test
    void rejectsAnUnknownFieldOfACustomResource() {
        assertFalse(schemas.validate(yaml(TOPIC.replace("partitions: 12", "partitions: 12\n  partition: 3")))
                .isEmpty());
    }

    @Test
    void rejectsAWrongTypeOfACustomResource() {
        assertFalse(schemas.validate(yaml(TOPIC.replace("partitions: 12", "partitions: twelve")))
                .isEmpty());
    }

    @Test
    void rejectsAMissingRequiredFieldOfACustomResource() {
        assertFalse(schemas.validate(yaml("""
                apiVersion: postgresql.cnpg.io/v1
                kind: Cluster
                metadata:
                  name: c
                spec:
                  storage:
                    size: 1Gi
                """)).isEmpty());
    }

    @Test
    void rejectsAnUnknownFieldInACustomResourcesMetadata() {
        assertFalse(schemas.validate(yaml(TOPIC.replace("  name: t\n", "  name: t\n  label: x\n")))
                .isEmpty());
    }

    @Test
    void acceptsAValidScaledObject() {
        assertEquals(List.of(), schemas.validate(yaml(SCALED_OBJECT)));
    }

    @Test
    void rejectsAScaledObjectWhoseTriggerMetadataIsNotAString() {
        // KEDA's trigger metadata is a map of strings: an unquoted number is refused by the API server
        assertFalse(schemas.validate(yaml(SCALED_OBJECT.replace("lagThreshold: \"1000\"", "lagThreshold: 1000")))
                .isEmpty());
    }

    @Test
    void rejectsAnUnknownFieldOfAScaledObject() {
        assertFalse(schemas.validate(yaml(SCALED_OBJECT.replace("maxReplicaCount: 6", "maxReplicas: 6")))
                .isEmpty());
    }

    @Test
    void rejectsATriggerAuthenticationReferenceWithoutItsKey() {
        assertFalse(schemas.validate(yaml("""
                apiVersion: keda.sh/v1alpha1
                kind: TriggerAuthentication
                metadata:
                  name: a
                spec:
                  secretTargetRef:
                    - parameter: password
                      name: keda
                """)).isEmpty());
    }

    @Test
    void rejectsAKindWithoutSchema() {
        assertFalse(schemas.validate(yaml("apiVersion: example.com/v1\nkind: Widget\nmetadata:\n  name: w\n"))
                .isEmpty());
    }

    private static final String DEPLOYMENT = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: a
            spec:
              replicas: 2
              selector:
                matchLabels:
                  app: a
              template:
                metadata:
                  labels:
                    app: a
                spec:
                  containers:
                    - name: a
                      image: app
            """;

    private static final String TOPIC = """
            apiVersion: kafka.strimzi.io/v1
            kind: KafkaTopic
            metadata:
              name: t
              labels:
                strimzi.io/cluster: k
            spec:
              partitions: 12
              replicas: 3
              config:
                retention.ms: 1000
            """;

    private static final String SCALED_OBJECT = """
            apiVersion: keda.sh/v1alpha1
            kind: ScaledObject
            metadata:
              name: s
            spec:
              scaleTargetRef:
                name: s
              minReplicaCount: 1
              maxReplicaCount: 6
              advanced:
                horizontalPodAutoscalerConfig:
                  behavior:
                    scaleDown:
                      stabilizationWindowSeconds: 300
              triggers:
                - type: kafka
                  authenticationRef:
                    name: a
                  metadata:
                    bootstrapServers: k:9093
                    consumerGroup: g
                    topic: t
                    lagThreshold: "1000"
                - type: cpu
                  metricType: Utilization
                  metadata:
                    value: "70"
            """;

    private static JsonNode yaml(String text) {
        try {
            return Kustomize.parse(text.getBytes(StandardCharsets.UTF_8)).get(0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
