package com.lavish.devstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lavish.devstack.LocalApiGateway.Route;
import com.sun.net.httpserver.HttpServer;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The local API gateway in front of a service that records what reaches it. Requests go over a plain socket, so
 * their paths arrive as written: no client normalises {@code ..} or {@code %2e} away first.
 */
class LocalApiGatewayTest {

    /** What the service behind the gateway received. */
    record Received(
            String target, String forwardedFor, String forwardedProto, String forwardedHost, String forwarded) {}

    record Answer(int status, String head, String body) {}

    private static final List<Received> RECEIVED = new CopyOnWriteArrayList<>();
    private static HttpServer service;
    private static Vertx vertx;
    private static int gatewayPort;

    @BeforeAll
    static void start() throws Exception {
        service = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        service.createContext("/", exchange -> {
            var headers = exchange.getRequestHeaders();
            String query = exchange.getRequestURI().getRawQuery();
            RECEIVED.add(new Received(
                    exchange.getRequestURI().getRawPath() + (query == null ? "" : "?" + query),
                    headers.getFirst("X-Forwarded-For"),
                    headers.getFirst("X-Forwarded-Proto"),
                    headers.getFirst("X-Forwarded-Host"),
                    headers.getFirst("Forwarded")));
            byte[] body = "{\"served\":true}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        service.start();
        int port = service.getAddress().getPort();
        vertx = Vertx.vertx();
        // a /q route on purpose: the management paths stay unrouted even when a route names them
        List<Route> routes = List.of(
                new Route("/api/orders", port),
                new Route("/webhooks", port),
                new Route("/proxy/", port),
                new Route("/q", port));
        gatewayPort = LocalApiGateway.start(vertx, LocalApiGateway.DEFAULT_HOST, 0, routes)
                .toCompletionStage()
                .toCompletableFuture()
                .get(10, TimeUnit.SECONDS)
                .actualPort();
    }

    @AfterAll
    static void stop() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        service.stop(0);
    }

    @BeforeEach
    void forget() {
        RECEIVED.clear();
    }

    @Tag("security")
    @Test
    void onlyTheWellFormedRoutedPathReachesTheService() throws IOException {
        assertEquals(400, send("GET /api/orders/../../q/metrics HTTP/1.1").status());
        assertEquals(400, send("GET /api/%2e%2e/q/metrics HTTP/1.1").status());
        assertEquals(404, send("GET /webhooksx HTTP/1.1").status());
        assertEquals(404, send("GET /q/health HTTP/1.1").status());
        assertEquals(200, send("GET /api/orders/1001?limit=5 HTTP/1.1").status());

        assertEquals(
                List.of("/api/orders/1001?limit=5"),
                RECEIVED.stream().map(Received::target).toList());
        assertEquals("127.0.0.1", RECEIVED.get(0).forwardedFor());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/api/orders/../../q/metrics",
                "/api/%2e%2e/q/metrics",
                "/api/orders/%2E%2E/%2e%2e/q/metrics",
                "/api/orders/./1001",
                "/api/orders/..;/..;/q/metrics",
                "/api/orders%2f..%2f..%2fq%2fmetrics",
                "/api/orders/..%5c..%5cq",
                "/api/orders\\..\\q",
                "/api/orders/%2",
                "api/orders",
                "http://127.0.0.1:8083/api/orders"
            })
    @Tag("security")
    void refusesAPathAServiceCouldReadAsAnotherAndNeverForwardsIt(String target) throws IOException {
        Answer answer = send("GET " + target + " HTTP/1.1");

        assertEquals(400, answer.status(), target);
        assertTrue(answer.head().toLowerCase().contains("content-type: application/problem+json"), answer.head());
        assertTrue(answer.body().contains("\"detail\":\"the "), answer.body());
        assertEquals(List.of(), RECEIVED);
    }

    @Tag("security")
    @Test
    void aRouteMatchesWholeSegmentsOnly() throws IOException {
        assertEquals(404, send("POST /webhooksx HTTP/1.1").status());
        assertEquals(404, send("GET /api/ordersx/1 HTTP/1.1").status());
        assertEquals(List.of(), RECEIVED);

        assertEquals(200, send("POST /webhooks HTTP/1.1").status());
        assertEquals(200, send("POST /webhooks/orders/create HTTP/1.1").status());
        assertEquals(
                List.of("/webhooks", "/webhooks/orders/create"),
                RECEIVED.stream().map(Received::target).toList());
    }

    @Test
    void aPrefixEndingInASlashServesWhatStartsWithIt() throws IOException {
        assertEquals(200, send("GET /proxy/customers/me HTTP/1.1").status());
        assertEquals(404, send("GET /proxy HTTP/1.1").status());
        assertEquals(
                List.of("/proxy/customers/me"),
                RECEIVED.stream().map(Received::target).toList());
    }

    @Tag("security")
    @Test
    void managementPathsAreNeverRoutedEvenWhenARouteNamesThem() throws IOException {
        for (String path : List.of("/q", "/q/health", "/q/health/ready", "/q/metrics", "/q/openapi")) {
            Answer answer = send("GET " + path + " HTTP/1.1");
            assertEquals(404, answer.status(), path);
            assertTrue(answer.body().contains("management"), answer.body());
        }
        assertEquals(List.of(), RECEIVED);
    }

    @Tag("security")
    @Test
    void forwardedHeadersAddWhatTheGatewaySawAfterWhatTheClientClaimed() throws IOException {
        Answer answer = send(
                "GET /api/orders HTTP/1.1",
                "X-Forwarded-For: 203.0.113.7, 10.0.0.1",
                "X-Forwarded-Proto: https",
                "X-Forwarded-Host: attacker.example",
                "Forwarded: for=203.0.113.7");

        assertEquals(200, answer.status());
        Received received = RECEIVED.get(0);
        // the services read it from the right: the last entry is the gateway's, whatever the client wrote
        assertEquals("203.0.113.7, 10.0.0.1, 127.0.0.1", received.forwardedFor());
        assertEquals("http", received.forwardedProto());
        assertEquals("127.0.0.1:" + gatewayPort, received.forwardedHost());
        assertNull(received.forwarded());
    }

    @Test
    void aServiceWithReplicasTakesItsRequestsInTurnWhateverThePath() throws Exception {
        List<String> served = new CopyOnWriteArrayList<>();
        HttpServer first = replica("first", served);
        HttpServer second = replica("second", served);
        try {
            int routed = port(first);
            int gateway = gateway(
                    List.of(new Route("/api/orders", routed), new Route("/admin/orders", routed)),
                    Map.of(routed, List.of(routed, port(second))));

            for (String path : List.of("/api/orders", "/admin/orders/1", "/api/orders/2", "/api/orders/3")) {
                assertEquals(200, sendTo(gateway, "GET " + path + " HTTP/1.1").status(), path);
            }

            assertEquals(
                    List.of(
                            "first /api/orders",
                            "second /admin/orders/1",
                            "first /api/orders/2",
                            "second /api/orders/3"),
                    served);
        } finally {
            first.stop(0);
            second.stop(0);
        }
    }

    @Test
    void aReplicaThatRefusesTheConnectionIsPassedOverForTheNext() throws Exception {
        List<String> served = new CopyOnWriteArrayList<>();
        HttpServer first = replica("first", served);
        HttpServer second = replica("second", served);
        int stopped = FreePort.pick();
        try {
            int routed = port(first);
            int gateway = gateway(
                    List.of(new Route("/api/orders", routed)), Map.of(routed, List.of(routed, stopped, port(second))));
            for (int i = 1; i <= 3; i++) {
                assertEquals(
                        200,
                        sendTo(gateway, "POST /api/orders/" + i + " HTTP/1.1").status());
            }
            // the turn that fell to the replica that never listened went to the next one
            assertEquals(List.of("first /api/orders/1", "second /api/orders/2", "second /api/orders/3"), served);

            // a replica killed after it served: once the gateway has seen its kept-alive connection close (at once, on
            // loopback), its share goes to the one left
            first.stop(0);
            Thread.sleep(300);
            served.clear();
            for (int i = 4; i <= 9; i++) {
                assertEquals(
                        200,
                        sendTo(gateway, "POST /api/orders/" + i + " HTTP/1.1").status());
            }
            assertEquals(6, served.size());
            assertTrue(served.stream().allMatch(s -> s.startsWith("second ")), served.toString());
        } finally {
            first.stop(0);
            second.stop(0);
        }
    }

    @Test
    void whenEveryReplicaRefusesTheGatewayAnswers502() throws Exception {
        int routed = FreePort.pick();
        int gateway =
                gateway(List.of(new Route("/api/orders", routed)), Map.of(routed, List.of(routed, FreePort.pick())));

        assertEquals(502, sendTo(gateway, "GET /api/orders HTTP/1.1").status());
    }

    @Test
    void aStreamFromAReplicaPassesThroughEventByEvent() throws Exception {
        CountDownLatch firstEventRead = new CountDownLatch(1);
        HttpServer streaming = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        streaming.createContext("/api/orders/events", exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
            exchange.sendResponseHeaders(200, 0);
            OutputStream body = exchange.getResponseBody();
            body.write("data: first\n\n".getBytes(StandardCharsets.UTF_8));
            body.flush();
            try {
                // the second event waits until the client has read the first through the gateway
                firstEventRead.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            body.write("data: second\n\n".getBytes(StandardCharsets.UTF_8));
            exchange.close();
        });
        streaming.start();
        try {
            int routed = FreePort.pick();
            int gateway = gateway(
                    List.of(new Route("/api/orders", routed)), Map.of(routed, List.of(routed, port(streaming))));

            try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), gateway)) {
                socket.setSoTimeout(10_000);
                writeRequest(socket.getOutputStream(), gateway, "GET /api/orders/events HTTP/1.1");
                InputStream in = socket.getInputStream();
                String head = readUntil(in, "data: first");
                assertTrue(head.startsWith("HTTP/1.1 200"), head);
                assertTrue(head.toLowerCase().contains("content-type: text/event-stream"), head);
                firstEventRead.countDown();
                assertTrue(readUntil(in, "data: second").contains("data: second"));
            }
        } finally {
            firstEventRead.countDown();
            streaming.stop(0);
        }
    }

    @Test
    void backendsNameEachReplicaPortOfARoutedPort() {
        LocalApiGateway.Settings settings = LocalApiGateway.Settings.parse(
                new String[] {"--backend", "8083=8083,8183", "--port", "0", "--backend", "8081=8081,8181,8281"});

        assertEquals(Map.of(8083, List.of(8083, 8183), 8081, List.of(8081, 8181, 8281)), settings.backends());
        assertEquals(0, settings.port());
        assertEquals(Map.of(), LocalApiGateway.Settings.parse(new String[0]).backends());
        for (String wrong : List.of("8083", "8083=", "8083=8183,", "x=8083", "8083=70000", "8083=8083=8183")) {
            assertThrows(
                    IllegalArgumentException.class,
                    () -> LocalApiGateway.Settings.parse(new String[] {"--backend", wrong}),
                    wrong);
        }
        assertThrows(
                IllegalArgumentException.class,
                () -> LocalApiGateway.Settings.parse(
                        new String[] {"--backend", "8083=8083", "--backend", "8083=8183"}));
        assertThrows(IllegalArgumentException.class, () -> LocalApiGateway.Settings.parse(new String[] {"--backend"}));
    }

    /** A replica of a service that answers 200 and records its name and the path it served. */
    private static HttpServer replica(String name, List<String> served) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            served.add(name + " " + exchange.getRequestURI().getRawPath());
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.start();
        return server;
    }

    private static int port(HttpServer server) {
        return server.getAddress().getPort();
    }

    /** Another gateway on a free port, closed with the Vert.x instance after the class. */
    private static int gateway(List<Route> routes, Map<Integer, List<Integer>> backends) throws Exception {
        return LocalApiGateway.start(vertx, LocalApiGateway.DEFAULT_HOST, 0, routes, backends)
                .toCompletionStage()
                .toCompletableFuture()
                .get(10, TimeUnit.SECONDS)
                .actualPort();
    }

    /** Reads until {@code expected} has arrived, without waiting for the answer to end. */
    private static String readUntil(InputStream in, String expected) throws IOException {
        StringBuilder read = new StringBuilder();
        byte[] buffer = new byte[1024];
        while (read.indexOf(expected) < 0) {
            int n = in.read(buffer);
            if (n < 0) {
                break;
            }
            read.append(new String(buffer, 0, n, StandardCharsets.ISO_8859_1));
        }
        return read.toString();
    }

    @Tag("security")
    @Test
    void listensOnLoopbackUnlessAskedOtherwise() throws Exception {
        LocalApiGateway.Settings defaults = LocalApiGateway.Settings.parse(new String[] {"--port", "0"});
        assertEquals("127.0.0.1", defaults.host());
        assertEquals(
                "0.0.0.0",
                LocalApiGateway.Settings.parse(new String[] {"--host", "0.0.0.0"})
                        .host());

        Optional<InetAddress> external = nonLoopbackAddress();
        Assumptions.assumeTrue(external.isPresent(), "this machine has no address but loopback to try");
        int port = LocalApiGateway.start(vertx, defaults.host(), defaults.port(), List.of())
                .toCompletionStage()
                .toCompletableFuture()
                .get(10, TimeUnit.SECONDS)
                .actualPort();
        try (Socket socket = new Socket()) {
            assertThrows(
                    ConnectException.class, () -> socket.connect(new InetSocketAddress(external.get(), port), 2000));
        }
    }

    private static Optional<InetAddress> nonLoopbackAddress() throws SocketException {
        return NetworkInterface.networkInterfaces()
                .filter(i -> {
                    try {
                        return i.isUp() && !i.isLoopback();
                    } catch (SocketException e) {
                        return false;
                    }
                })
                .flatMap(NetworkInterface::inetAddresses)
                .filter(a -> a instanceof Inet4Address)
                .findFirst();
    }

    /** Sends the request line and headers as written, and reads the whole answer (the connection closes). */
    private static Answer send(String requestLine, String... headers) throws IOException {
        return sendTo(gatewayPort, requestLine, headers);
    }

    private static Answer sendTo(int port, String requestLine, String... headers) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(10_000);
            writeRequest(socket.getOutputStream(), port, requestLine, headers);
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
            int end = response.indexOf("\r\n\r\n");
            return new Answer(
                    Integer.parseInt(response.substring(9, 12)),
                    response.substring(0, end),
                    response.substring(end + 4));
        }
    }

    private static void writeRequest(OutputStream out, int port, String requestLine, String... headers)
            throws IOException {
        StringBuilder request = new StringBuilder(requestLine)
                .append("\r\nHost: 127.0.0.1:")
                .append(port)
                .append("\r\n");
        for (String header : headers) {
            request.append(header).append("\r\n");
        }
        request.append("Content-Length: 0\r\nConnection: close\r\n\r\n");
        out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
    }
}
