package com.lavish.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * Renders a kustomization as an operator would, offline: {@code kubectl kustomize} (kustomize built into kubectl;
 * the KUBECTL environment variable names another binary), or {@code kustomize build} where KUSTOMIZE names one.
 */
final class Kustomize {

    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private Kustomize() {}

    static List<JsonNode> render(Path kustomization) {
        String kustomize = System.getenv("KUSTOMIZE");
        List<String> command = kustomize != null
                ? List.of(kustomize, "build", "--load-restrictor", "LoadRestrictionsNone", kustomization.toString())
                : List.of(
                        Objects.requireNonNullElse(System.getenv("KUBECTL"), "kubectl"),
                        "kustomize",
                        "--load-restrictor",
                        "LoadRestrictionsNone",
                        kustomization.toString());
        try {
            Process process =
                    new ProcessBuilder(command).redirectErrorStream(false).start();
            byte[] out = process.getInputStream().readAllBytes();
            String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(2, TimeUnit.MINUTES) || process.exitValue() != 0) {
                throw new AssertionError(String.join(" ", command) + " failed: " + err);
            }
            return parse(out);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "cannot run " + command.get(0)
                            + " (kubectl 1.27+ renders kustomizations offline; see deploy/README.md)",
                    e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static List<JsonNode> parse(byte[] yaml) throws IOException {
        try (YAMLParser parser = ((YAMLFactory) YAML.getFactory()).createParser(yaml)) {
            return YAML.readValues(parser, JsonNode.class).readAll().stream()
                    .filter(n -> !n.isNull())
                    .toList();
        }
    }
}
