package com.lavish.edge.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;
import java.lang.reflect.Proxy;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The per-address limit's address: read from the right of X-Forwarded-For, and only from a trusted proxy. */
class ClientAddressTest {

    private final ClientAddress addresses = new ClientAddress(List.of("127.0.0.1/32", "10.1.0.0/16", "::1/128"));

    /** A request from {@code peer} carrying {@code forwardedFor} (null: none). */
    private static HttpServerRequest request(String peer, String forwardedFor) {
        return (HttpServerRequest) Proxy.newProxyInstance(
                HttpServerRequest.class.getClassLoader(),
                new Class<?>[] {HttpServerRequest.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "remoteAddress" -> SocketAddress.inetSocketAddress(40000, peer);
                    case "getHeader" ->
                        "X-Forwarded-For".equalsIgnoreCase(String.valueOf(args[0])) ? forwardedFor : null;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    @Tag("security")
    @Test
    void directApiClientIsTheAddressTheGatewayAppended() {
        assertEquals("203.0.113.7", addresses.of(request("10.1.4.2", "198.51.100.1, 203.0.113.7"), false));
    }

    @Tag("security")
    @Test
    void appProxyShopperIsTheAddressShopifyAppendedBeforeTheGateway() {
        // what the shopper wrote, then what Shopify's proxy appended, then Shopify's proxy as the gateway saw it
        assertEquals("203.0.113.7", addresses.of(request("127.0.0.1", "198.51.100.1, 203.0.113.7, 23.227.38.1"), true));
    }

    @Tag("security")
    @Test
    void headerFromAPeerThatIsNoTrustedProxyIsIgnored() {
        assertEquals("192.0.2.55", addresses.of(request("192.0.2.55", "203.0.113.7"), false));
        assertEquals("192.0.2.55", addresses.of(request("192.0.2.55", "203.0.113.7, 23.227.38.1"), true));
    }

    @Tag("security")
    @Test
    void anEntryThatIsNoAddressIsNotTakenNorLookedUp() {
        assertEquals("10.1.4.2", addresses.of(request("10.1.4.2", "203.0.113.7, cafe"), false));
        assertEquals("10.1.4.2", addresses.of(request("10.1.4.2", "example.com"), false));
    }

    @Test
    void ipv6ClientsAndProxiesAreMatchedByTheirBlock() {
        assertEquals("2001:db8::7", addresses.of(request("::1", "2001:db8::7"), false));
    }

    @Test
    void aTrustedProxyThatIsNoAddressIsRefusedAtStart() {
        assertThrows(IllegalArgumentException.class, () -> new ClientAddress(List.of("gateway.internal")));
        assertThrows(IllegalArgumentException.class, () -> new ClientAddress(List.of("10.0.0.0/33")));
    }
}
