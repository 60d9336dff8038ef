package com.lavish.gateway;

import static io.restassured.RestAssured.given;

import java.util.HashMap;
import java.util.Map;

/** The Prometheus scrape of /q/metrics as series (name with labels) to value. */
final class Metrics {

    private Metrics() {
    }

    static Map<String, Double> scrape() {
        String text = given().get("/q/metrics").then().statusCode(200).extract().asString();
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
