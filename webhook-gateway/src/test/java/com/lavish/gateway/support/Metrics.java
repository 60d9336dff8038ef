package com.lavish.gateway.support;

import com.lavish.devstack.ManagementPort;
import java.util.HashMap;
import java.util.Map;

/** The Prometheus scrape of /q/metrics (on the management port) as series (name with labels) to value. */
public final class Metrics {

    private Metrics() {}

    public static Map<String, Double> scrape() {
        String text = ManagementPort.given()
                .get("/q/metrics")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        Map<String, Double> series = new HashMap<>();
        for (String line : text.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int space = line.lastIndexOf(' ');
            series.put(line.substring(0, space), Double.parseDouble(line.substring(space + 1)));
        }
        return series;
    }
}
