package com.lavish.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** The Secrets the manifests refer to, and the ones that exist: the operator's (examples) and those operators make. */
final class Secrets {

    /** A reference to a Secret, and to one of its keys where the reference names one. */
    record Reference(String secret, String key) {}

    private Secrets() {}

    /** deploy/kubernetes/examples/secrets.example.yaml: each Secret an operator creates, with its keys. */
    static Map<String, Set<String>> examples() {
        Map<String, Set<String>> secrets = new HashMap<>();
        try {
            for (JsonNode secret :
                    Kustomize.parse(Files.readAllBytes(Suite.KUBERNETES.resolve("examples/secrets.example.yaml")))) {
                Set<String> keys = new TreeSet<>();
                secret.path("stringData").fieldNames().forEachRemaining(keys::add);
                secret.path("data").fieldNames().forEachRemaining(keys::add);
                secrets.put(secret.at("/metadata/name").asText(), keys);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return secrets;
    }

    /** The examples plus what Strimzi, CloudNativePG and cert-manager write for the rendered objects. */
    static Map<String, Set<String>> available(Rendered rendered) {
        Map<String, Set<String>> secrets = examples();
        rendered.ofKind("KafkaUser")
                .forEach(u -> secrets.put(u.at("/metadata/name").asText(), Set.of("password", "sasl.jaas.config")));
        rendered.ofKind("Kafka")
                .forEach(k -> secrets.put(
                        k.at("/metadata/name").asText() + "-cluster-ca-cert",
                        Set.of("ca.crt", "ca.p12", "ca.password")));
        rendered.ofKind("Cluster")
                .forEach(c -> secrets.put(c.at("/metadata/name").asText() + "-ca", Set.of("ca.crt", "ca.key")));
        for (JsonNode gateway : rendered.ofKind("Gateway")) {
            if (gateway.at("/metadata/annotations").has("cert-manager.io/cluster-issuer")
                    || gateway.at("/metadata/annotations").has("cert-manager.io/issuer")) {
                gateway.at("/spec/listeners")
                        .findValues("certificateRefs")
                        .forEach(refs -> refs.forEach(
                                ref -> secrets.put(ref.path("name").asText(), Set.of("tls.crt", "tls.key"))));
            }
        }
        return secrets;
    }

    static List<Reference> references(Rendered rendered) {
        List<Reference> references = new ArrayList<>();
        for (JsonNode workload : rendered.ofKind("Deployment")) {
            JsonNode pod = workload.at("/spec/template/spec");
            for (JsonNode container : pod.path("containers")) {
                container
                        .path("env")
                        .findValues("secretKeyRef")
                        .forEach(ref -> references.add(new Reference(
                                ref.path("name").asText(), ref.path("key").asText())));
                container
                        .path("envFrom")
                        .findValues("secretRef")
                        .forEach(ref ->
                                references.add(new Reference(ref.path("name").asText(), null)));
            }
            for (JsonNode volume : pod.path("volumes")) {
                String name = volume.at("/secret/secretName").asText();
                if (!name.isEmpty()) {
                    // the CA volumes: the services read ca.crt from them (lavish-common, lavish-postgres)
                    references.add(
                            new Reference(name, name.endsWith("-ca") || name.endsWith("-ca-cert") ? "ca.crt" : null));
                }
            }
        }
        for (JsonNode gateway : rendered.ofKind("Gateway")) {
            gateway.at("/spec/listeners")
                    .findValues("certificateRefs")
                    .forEach(refs -> refs.forEach(
                            ref -> references.add(new Reference(ref.path("name").asText(), "tls.crt"))));
        }
        // KEDA's logins: the KEDA operator reads these Secrets in the suite's namespace
        for (JsonNode authentication : rendered.ofKind("TriggerAuthentication")) {
            authentication
                    .at("/spec/secretTargetRef")
                    .forEach(ref -> references.add(new Reference(
                            ref.path("name").asText(), ref.path("key").asText())));
        }
        for (JsonNode cluster : rendered.ofKind("Cluster")) {
            cluster.at("/spec/managed/roles")
                    .findValues("passwordSecret")
                    .forEach(
                            ref -> references.add(new Reference(ref.path("name").asText(), "password")));
            cluster.at("/spec/backup/barmanObjectStore/s3Credentials")
                    .forEach(ref -> references.add(new Reference(
                            ref.path("name").asText(), ref.path("key").asText())));
        }
        return references;
    }
}
