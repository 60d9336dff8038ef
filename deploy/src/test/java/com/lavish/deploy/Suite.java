package com.lavish.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Where things are in the checkout: the deploy tree, the services' modules, their components. Tests run in
 * {@code deploy/}, so the repository root is its parent.
 */
final class Suite {

    static final Path ROOT = Path.of("").toAbsolutePath().getParent();
    static final Path KUBERNETES = ROOT.resolve("deploy/kubernetes");
    static final Path BASE = KUBERNETES.resolve("base");
    static final Path COMPONENTS = BASE.resolve("services");
    static final Path METRICS = KUBERNETES.resolve("metrics");
    static final List<String> OVERLAYS = List.of("dev", "prod");

    private static final Pattern MODULE = Pattern.compile("<module>([^<]+)</module>");
    private static final Pattern RUN_SH_SERVICE = Pattern.compile("([a-z-]+):(\\d{4})");

    private Suite() {}

    /** The root pom's modules. */
    static List<String> modules() {
        Matcher m = MODULE.matcher(read(ROOT.resolve("pom.xml")));
        List<String> modules = new ArrayList<>();
        while (m.find()) {
            modules.add(m.group(1));
        }
        return modules;
    }

    /** Every service with a component under base/services, merged (a module exists) or still pending. */
    static List<String> components() {
        try (Stream<Path> dirs = Files.list(COMPONENTS)) {
            return dirs.filter(Files::isDirectory)
                    .map(d -> d.getFileName().toString())
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static boolean merged(String service) {
        return modules().contains(service);
    }

    static List<String> mergedServices() {
        return components().stream().filter(Suite::merged).toList();
    }

    static List<String> pendingServices() {
        return components().stream().filter(s -> !merged(s)).toList();
    }

    /** Each service's port as the local run fixes it (deploy/local/run.sh's all_services, design.md's table). */
    static Map<String, Integer> localPorts() {
        String runSh = read(ROOT.resolve("deploy/local/run.sh"));
        String line = runSh.lines()
                .filter(l -> l.startsWith("all_services="))
                .findFirst()
                .orElseThrow();
        Map<String, Integer> ports = new TreeMap<>();
        Matcher m = RUN_SH_SERVICE.matcher(line);
        while (m.find()) {
            ports.put(m.group(1), Integer.parseInt(m.group(2)));
        }
        return ports;
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
