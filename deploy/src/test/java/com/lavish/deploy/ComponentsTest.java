package com.lavish.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Each service is one kustomize component under base/services. A merged service's component is in the base with its
 * generated manifest; a pending one (prepared before its module is merged) is in neither, and still renders and
 * validates on top of an overlay, so the merge only adds its manifest and its line in the base.
 */
class ComponentsTest {

    @Test
    void everyMergedServiceIsAComponentOfTheBaseWithItsGeneratedManifest() throws Exception {
        JsonNode base =
                Kustomize.YAML.readTree(Suite.BASE.resolve("kustomization.yaml").toFile());
        List<String> listed = Rendered.texts(base.path("components"));
        for (String service : Suite.components()) {
            Path component = Suite.COMPONENTS.resolve(service);
            List<String> resources = Rendered.texts(Kustomize.YAML
                    .readTree(component.resolve("kustomization.yaml").toFile())
                    .path("resources"));
            if (Suite.merged(service)) {
                assertTrue(
                        listed.contains("services/" + service),
                        service + " is merged: list it under the base's"
                                + " components (deploy/kubernetes/base/kustomization.yaml)");
                assertTrue(
                        resources.contains("kubernetes.yml") && Files.exists(component.resolve("kubernetes.yml")),
                        service + " is merged: run deploy/kubernetes/update-generated.sh " + service
                                + " and list kubernetes.yml in its component");
            } else {
                assertFalse(
                        listed.contains("services/" + service),
                        service + " has no module yet: its component stays out of the base");
                assertFalse(resources.contains("kubernetes.yml"), service + " has no module to generate it yet");
            }
        }
    }

    @Test
    void everyServiceModuleHasAComponent() {
        for (String module : Suite.modules()) {
            boolean service = Files.exists(Suite.ROOT.resolve(module + "/src/main/resources/application.properties"))
                    && Suite.read(Suite.ROOT.resolve(module + "/pom.xml")).contains("quarkus-kubernetes");
            if (service) {
                assertTrue(
                        Suite.components().contains(module),
                        module + " generates Kubernetes manifests but has no"
                                + " component in deploy/kubernetes/base/services (deploy/README.md, \"Adding a service\")");
            }
        }
    }

    @Test
    void pendingComponentsRenderAndValidateOnTopOfEachOverlay() {
        SchemaValidator schemas = new SchemaValidator();
        for (String overlay : Suite.OVERLAYS) {
            Rendered rendered = Pending.withOverlay(overlay);
            List<String> errors = new ArrayList<>();
            for (JsonNode object : rendered.objects) {
                schemas.validate(object)
                        .forEach(e -> errors.add(object.path("kind").asText() + " "
                                + object.at("/metadata/name").asText() + ": " + e));
            }
            assertEquals(List.of(), errors, overlay + " with the pending components");
            for (String service : Suite.pendingServices()) {
                assertTrue(rendered.scaledObjectOf(service).isPresent(), service + "'s autoscaler (ScaledObject)");
                assertTrue(rendered.find("PodDisruptionBudget", service).isPresent(), service + "'s disruption budget");
                assertTrue(rendered.find("KafkaUser", service).isPresent(), service + "'s Kafka user");
            }
        }
    }
}
