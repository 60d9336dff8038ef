package com.lavish.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/**
 * The committed copy of each service's manifest is what quarkus-kubernetes generates from its configuration today.
 * The build packages every service before this module (deploy/pom.xml), so target/kubernetes is fresh.
 */
class GeneratedManifestsTest {

    @Test
    void committedManifestsEqualWhatTheServicesGenerate() {
        for (String service : Suite.mergedServices()) {
            Path generated = Suite.ROOT.resolve(service + "/target/kubernetes/kubernetes.yml");
            assertTrue(Files.exists(generated), service + " has not generated its manifest: build deploy with its"
                    + " services (./mvnw verify -pl deploy -am), which packages them first");
            assertEquals(Suite.read(generated), Suite.read(Suite.COMPONENTS.resolve(service + "/kubernetes.yml")),
                    service + "'s committed manifest is stale: run deploy/kubernetes/update-generated.sh " + service);
        }
    }
}
