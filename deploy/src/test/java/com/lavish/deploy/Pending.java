package com.lavish.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** An overlay with the pending services' components added, as it will render once they are merged. */
final class Pending {

    private static final Map<String, Rendered> RENDERED = new ConcurrentHashMap<>();

    private Pending() {}

    static Rendered withOverlay(String overlay) {
        return RENDERED.computeIfAbsent(overlay, Pending::render);
    }

    private static Rendered render(String overlay) {
        Path dir = Suite.ROOT.resolve("deploy/target/pending-" + overlay);
        StringBuilder kustomization = new StringBuilder("""
                apiVersion: kustomize.config.k8s.io/v1beta1
                kind: Kustomization
                resources:
                  - %s
                components:
                """.formatted(
                        dir.relativize(Suite.KUBERNETES.resolve("overlays").resolve(overlay))));
        for (String service : Suite.pendingServices()) {
            kustomization
                    .append("  - ")
                    .append(dir.relativize(Suite.COMPONENTS.resolve(service)))
                    .append('\n');
        }
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("kustomization.yaml"), kustomization);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Rendered(overlay + "+pending", Kustomize.render(dir));
    }
}
