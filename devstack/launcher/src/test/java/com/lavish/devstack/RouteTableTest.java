package com.lavish.devstack;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.lavish.devstack.LocalApiGateway.Route;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

class RouteTableTest {

    private final RouteTable table = new RouteTable(List.of(
            new Route("/proxy/orders", 8083),
            new Route("/proxy/orders/events", 9999),
            new Route("/webhooks", 8081),
            new Route("/static/", 8090),
            new Route("/q", 8082)));

    @Tag("security")
    @Test
    void aPrefixServesItselfAndWhatIsBelowItButNotALongerSegment() {
        assertEquals(Optional.of(8081), port("/webhooks"));
        assertEquals(Optional.of(8081), port("/webhooks/"));
        assertEquals(Optional.of(8081), port("/webhooks/orders/create"));
        assertEquals(Optional.empty(), port("/webhooksx"));
        assertEquals(Optional.empty(), port("/webhook"));
    }

    @Test
    void theLongestMatchingPrefixWins() {
        assertEquals(Optional.of(9999), port("/proxy/orders/events"));
        assertEquals(Optional.of(8083), port("/proxy/orders/eventsx"));
        assertEquals(Optional.of(8083), port("/proxy/orders/1001"));
    }

    @Test
    void aPrefixEndingInASlashServesWhatStartsWithIt() {
        assertEquals(Optional.of(8090), port("/static/app.js"));
        assertEquals(Optional.empty(), port("/static"));
    }

    @Tag("security")
    @Test
    void managementPathsAreNeverMatchedWhateverTheRoutes() {
        assertEquals(Optional.empty(), port("/q"));
        assertEquals(Optional.empty(), port("/q/metrics"));
        assertEquals(Optional.empty(), port("/q/health/ready"));
    }

    private Optional<Integer> port(String path) {
        return table.match(path).map(Route::port);
    }
}
