package com.lavish.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The committed copy of each service's manifest says what quarkus-kubernetes generates from its configuration today.
 * The build packages every service before this module (deploy/pom.xml), so target/kubernetes is fresh. Compared as
 * objects: quarkus-kubernetes writes labels, env, envFrom and volumes in no fixed order from one build to the next.
 */
class GeneratedManifestsTest {

    /**
     * Annotations quarkus-kubernetes adds from the checkout it builds in (the commit, where git finds one): they say
     * which build, not what to run, and change with every commit, so the committed copies leave them out.
     */
    static final Set<String> BUILD_FACTS =
            Set.of("app.quarkus.io/commit-id", "app.quarkus.io/vcs-uri", "app.quarkus.io/build-timestamp");

    @Test
    void committedManifestsSayWhatTheServicesGenerate() throws IOException {
        for (String service : Suite.mergedServices()) {
            Path generated = Suite.ROOT.resolve(service + "/target/kubernetes/kubernetes.yml");
            assertTrue(
                    Files.exists(generated),
                    service + " has not generated its manifest: build deploy with its"
                            + " services (./mvnw verify -pl deploy -am), which packages them first");
            assertEquals(
                    canonical(generated),
                    canonical(Suite.COMPONENTS.resolve(service + "/kubernetes.yml")),
                    service + "'s committed manifest is stale: run deploy/kubernetes/update-generated.sh " + service);
        }
    }

    @Test
    void theComparisonIgnoresOrderButNotContent() throws IOException {
        JsonNode a = Kustomize.parse("env: [{name: A, value: '1'}, {name: B, value: '2'}]\nargs: [x, y]\n".getBytes())
                .get(0);
        JsonNode b = Kustomize.parse("args: [x, y]\nenv: [{name: B, value: '2'}, {name: A, value: '1'}]\n".getBytes())
                .get(0);
        JsonNode c = Kustomize.parse("args: [y, x]\nenv: [{name: B, value: '2'}, {name: A, value: '1'}]\n".getBytes())
                .get(0);
        assertEquals(canonical(a), canonical(b));
        assertTrue(!canonical(a).equals(canonical(c)), "the order of scalars (a command's arguments) counts");
    }

    private static List<String> canonical(Path manifest) throws IOException {
        List<String> objects = new ArrayList<>();
        for (JsonNode object : Kustomize.parse(Files.readAllBytes(manifest))) {
            objects.add(canonical(object));
        }
        objects.sort(Comparator.naturalOrder());
        return objects;
    }

    /** The object as text with its keys sorted, and its arrays of objects sorted (arrays of scalars keep their order). */
    static String canonical(JsonNode node) {
        if (node instanceof ObjectNode object) {
            StringBuilder text = new StringBuilder("{");
            List<String> keys = new ArrayList<>();
            object.fieldNames().forEachRemaining(keys::add);
            keys.sort(Comparator.naturalOrder());
            for (String key : keys) {
                if (BUILD_FACTS.contains(key)) {
                    continue;
                }
                text.append('"')
                        .append(key)
                        .append("\":")
                        .append(canonical(object.get(key)))
                        .append(',');
            }
            return text.append('}').toString();
        }
        if (node instanceof ArrayNode array) {
            List<String> items = new ArrayList<>();
            boolean objects = true;
            for (Iterator<JsonNode> it = array.elements(); it.hasNext(); ) {
                JsonNode item = it.next();
                objects &= item.isObject();
                items.add(canonical(item));
            }
            if (objects) {
                items.sort(Comparator.naturalOrder());
            }
            return items.toString();
        }
        return node.toString();
    }
}
