package com.lavish.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every metric the dashboard, the alerts and the autoscalers name is one a service exports: deploy/kubernetes/metrics
 * assigns each to the services that export it, and each merged service's DashboardMetricsTest proves its list
 * against its real /q/metrics.
 */
class MetricsContractTest {

    private static final Pattern NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
    private static final Set<String> PROMQL_WORDS = Set.of(
            "and",
            "or",
            "unless",
            "bool",
            "offset",
            "by",
            "without",
            "on",
            "ignoring",
            "group_left",
            "group_right",
            "inf",
            "nan");
    static final List<String> SEED_PANELS = List.of(
            "API response time",
            "Error rate",
            "Webhook success rate",
            "Database query time",
            "Orders synced (24 h)",
            "Active subscriptions",
            "Consumer lag",
            "Dead letters");

    @Test
    void theDashboardHasTheSeedsPanels() throws IOException {
        List<String> titles = new ArrayList<>();
        dashboard().path("panels").forEach(p -> titles.add(p.path("title").asText()));
        assertEquals(SEED_PANELS, titles);
    }

    @Test
    void everyMetricThePanelsAlertsAndAutoscalersNameIsExportedBySomeService() throws IOException {
        Map<String, Set<String>> exporters = exporters();
        Set<String> named = new TreeSet<>();
        for (JsonNode expr : dashboard().findValues("expr")) {
            named.addAll(metricNames(expr.asText()));
        }
        Rendered rendered = Pending.withOverlay("prod");
        for (JsonNode rule : rendered.ofKind("PrometheusRule")) {
            rule.findValues("expr").forEach(expr -> named.addAll(metricNames(expr.asText())));
        }
        assertTrue(named.size() >= 8, "the expressions name the dashboard's metrics: " + named);
        Set<String> unowned = new TreeSet<>(named);
        unowned.removeAll(exporters.keySet());
        assertEquals(Set.of(), unowned, "named by the dashboard or an alert, exported by no service's list");

        for (JsonNode scaledObject : rendered.ofKind("ScaledObject")) {
            String service = scaledObject.at("/spec/scaleTargetRef/name").asText();
            for (JsonNode trigger : Rendered.triggers(scaledObject, "prometheus")) {
                Set<String> read = metricNames(trigger.at("/metadata/query").asText());
                assertFalse(
                        read.isEmpty(),
                        service + "'s trigger " + trigger.path("name").asText() + " reads a metric");
                for (String metric : read) {
                    assertTrue(
                            exporters.getOrDefault(metric, Set.of()).contains(service),
                            service + "'s autoscaler reads " + metric + ", which its list lacks");
                }
            }
        }
    }

    @Test
    void everyListBelongsToAServiceAndEveryMergedServiceProvesItsList() throws IOException {
        for (String service :
                exporters().values().stream().flatMap(Set::stream).distinct().toList()) {
            assertTrue(Suite.components().contains(service), "metrics/" + service + ".csv: no such service");
        }
        for (String service : Suite.mergedServices()) {
            Path list = Suite.METRICS.resolve(service + ".csv");
            assertTrue(Files.exists(list), service + " has no metrics list (deploy/kubernetes/metrics)");
            try (Stream<Path> tests = Files.walk(Suite.ROOT.resolve(service + "/src/test/java"))) {
                assertTrue(
                        tests.filter(f -> f.getFileName().toString().equals("DashboardMetricsTest.java"))
                                .anyMatch(f -> Suite.read(f).contains("deploy/kubernetes/metrics/" + service + ".csv")),
                        service + " needs a DashboardMetricsTest that checks /q/metrics against its list");
            }
        }
    }

    @Test
    void metricNamesAreReadOutOfPromQL() {
        assertEquals(
                Set.of("a_bucket", "b_total"),
                metricNames(
                        "histogram_quantile(0.95, sum by (le, job) (rate(a_bucket{uri!~\"/q/.*\"}[5m]))) / on (job) "
                                + "sum without (x) (increase(b_total[1h])) > 0.1"));
    }

    static Set<String> metricNames(String expr) {
        String bare = expr.replaceAll("\"(\\\\.|[^\"\\\\])*\"", "\"\"")
                .replaceAll("\\{[^}]*}", "")
                .replaceAll("\\[[^]]*]", "")
                .replaceAll("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)", "");
        Set<String> names = new TreeSet<>();
        Matcher m = NAME.matcher(bare);
        while (m.find()) {
            String rest = bare.substring(m.end()).stripLeading();
            boolean function = rest.startsWith("(");
            boolean number = m.start() > 0
                    && (Character.isDigit(bare.charAt(m.start() - 1)) || bare.charAt(m.start() - 1) == '.');
            if (!function && !number && !PROMQL_WORDS.contains(m.group().toLowerCase())) {
                names.add(m.group());
            }
        }
        return names;
    }

    /** deploy/kubernetes/metrics/<service>.csv: metric to the services that export it. */
    static Map<String, Set<String>> exporters() throws IOException {
        Map<String, Set<String>> exporters = new HashMap<>();
        try (Stream<Path> lists = Files.list(Suite.METRICS)) {
            for (Path list : lists.filter(f -> f.toString().endsWith(".csv")).toList()) {
                String service = list.getFileName().toString().replace(".csv", "");
                for (String line : Files.readAllLines(list)) {
                    if (!line.isBlank() && !line.startsWith("#")) {
                        exporters
                                .computeIfAbsent(line.trim(), k -> new TreeSet<>())
                                .add(service);
                    }
                }
            }
        }
        return exporters;
    }

    private static JsonNode dashboard() {
        try {
            return new ObjectMapper()
                    .readTree(Suite.BASE
                            .resolve("monitoring/dashboards/lavish-suite.json")
                            .toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
