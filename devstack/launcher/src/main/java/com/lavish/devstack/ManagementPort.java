package com.lavish.devstack;

import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import java.net.URI;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The management interface of the service under test ({@code quarkus.management.enabled}): /q/health, /q/metrics
 * and /q/openapi are served on a port of their own, Quarkus' management test port in a {@code @QuarkusTest}, not on
 * the application's test port that rest-assured calls by default. Paths are written whole: {@code "/q/metrics"}.
 */
public final class ManagementPort {

    private ManagementPort() {}

    /** rest-assured's {@code given()}, aimed at the management interface. */
    public static RequestSpecification given() {
        // Quarkus' test framework resolves test.management.url (http://host:port/q) from the test's configuration
        URI management = URI.create(ConfigProvider.getConfig().getValue("test.management.url", String.class));
        return RestAssured.given()
                .baseUri(management.getScheme() + "://" + management.getHost())
                .port(management.getPort())
                .basePath("");
    }
}
