package com.lavish.orders.rest;

import static com.lavish.orders.support.OrderEventFixture.SHOP;
import static com.lavish.orders.support.OrderEventFixture.WAIT;
import static com.lavish.orders.support.OrderEventFixture.compliance;
import static com.lavish.orders.support.OrderEventFixture.event;
import static com.lavish.orders.support.OrderEventFixture.newId;
import static com.lavish.orders.support.OrderEventFixture.order;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.lavish.devstack.DevStackTestResource;
import com.lavish.events.Topics;
import com.lavish.orders.support.OrderEventFixture;
import com.lavish.orders.support.OrderTestSupport;
import com.lavish.shopifyfake.AppProxySigner;
import com.lavish.shopifyfake.SampleWebhooks;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;
import jakarta.inject.Inject;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * GET orders/events over a real HTTP connection: changes consumed from the real broker arrive as server-sent
 * events, a change another replica announces through Redis reaches this replica's streams, and Last-Event-ID
 * resumes with what was missed.
 */
@QuarkusTest
@QuarkusTestResource(DevStackTestResource.class)
class OrderStatusStreamTest extends OrderTestSupport {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    RedisDataSource redis;

    @ConfigProperty(name = "orders.events.channel")
    String channel;

    @ConfigProperty(name = "storefront.token-secret")
    String tokenSecret;

    @TestHTTPResource("/")
    URI base;

    private final List<Stream> streams = new ArrayList<>();

    @AfterEach
    void closeStreams() {
        streams.forEach(Stream::close);
    }

    @Test
    void aStatusChangeArrivesOverTheStreamAsItIsConsumed() throws Exception {
        long customer = newId();
        long orderId = newId();
        fixture.awaitApplied(fixture.send(
                "orders/create",
                orderId,
                order(orderId, customer, 1001, "2026-09-01T10:00:00Z").put("financial_status", "pending")));
        Stream stream = open(customer, null);
        stream.awaitComment();

        fixture.send(
                "orders/paid",
                orderId,
                order(orderId, customer, 1001, "2026-09-01T11:00:00Z").put("financial_status", "paid"));

        JsonNode event = stream.nextEvent();
        assertEquals(Long.toString(orderId), event.get("order_id").textValue());
        assertEquals("paid", event.get("financial_status").textValue());
        assertTrue(event.get("changes").toString().contains("financial_status"));
    }

    @Tag("security")
    @Test
    void aPollsChangesAnnouncedByAnotherReplicaInOneMessageReachThisReplicasStreamsOfThatCustomerOnly()
            throws Exception {
        long customer = newId();
        long other = newId();
        Stream stream = open(customer, null);
        stream.awaitComment();

        // what another replica's OrderStatusFeed publishes after committing a poll: all its changes in one message
        redis.pubsub(String.class)
                .publish(
                        channel,
                        "[" + broadcast(other, "900000001", "refunded") + "," + broadcast(customer, "900000002", "paid")
                                + "]");
        // and one change alone, as a replica of the release before publishes it
        redis.pubsub(String.class).publish(channel, broadcast(customer, "900000003", "refunded"));

        JsonNode event = stream.nextEvent();
        assertEquals("900000002", event.get("id").textValue(), "the other customer's change is not in this stream");
        assertEquals("paid", event.get("financial_status").textValue());
        assertEquals("900000003", stream.nextEvent().get("id").textValue());
    }

    @Test
    void aPollsStatusChangesArePublishedInOneMessageInTheOrderTheyHappened() throws Exception {
        long customer = newId();
        long orderId = newId();
        BlockingQueue<String> messages = new LinkedBlockingQueue<>();
        var subscriber = redis.pubsub(String.class).subscribe(channel, message -> {
            if (message.contains("\"" + orderId + "\"")) {
                messages.add(message);
            }
        });
        try {
            ObjectNode placed =
                    order(orderId, customer, 1003, "2026-09-01T10:00:00Z").put("financial_status", "pending");
            ObjectNode paid = order(orderId, customer, 1003, "2026-09-01T11:00:00Z");
            ObjectNode cancelled = order(orderId, customer, 1003, "2026-09-01T12:00:00Z")
                    .put("financial_status", "refunded")
                    .put("cancelled_at", "2026-09-01T12:00:00Z");
            List<String> ceIds = fixture.sendInOnePoll(List.of(
                    event("orders/create", orderId, placed),
                    event("orders/paid", orderId, paid),
                    event("orders/cancelled", orderId, cancelled)));
            fixture.awaitApplied(ceIds.get(2));

            JsonNode published = JSON.readTree(messages.poll(WAIT.toSeconds(), TimeUnit.SECONDS));
            List<String> stored = fixture.statusChanges(orderId).stream()
                    .map(row -> row.get("id").toString())
                    .toList();
            assertEquals(3, stored.size(), "placed, paid, cancelled");
            List<String> announced = new ArrayList<>();
            published.forEach(
                    broadcast -> announced.add(broadcast.get("event").get("id").textValue()));
            assertEquals(stored, announced);
            assertNull(messages.poll(1, TimeUnit.SECONDS), "one message for the poll");
        } finally {
            subscriber.unsubscribe();
        }
    }

    @Test
    void lastEventIdResumesWithTheChangesMissed() throws Exception {
        long customer = newId();
        long orderId = newId();
        fixture.send(
                "orders/create",
                orderId,
                order(orderId, customer, 1002, "2026-09-01T10:00:00Z").put("financial_status", "pending"));
        fixture.send(
                "orders/paid",
                orderId,
                order(orderId, customer, 1002, "2026-09-01T11:00:00Z").put("financial_status", "paid"));
        fixture.awaitApplied(fixture.send(
                "orders/cancelled",
                orderId,
                order(orderId, customer, 1002, "2026-09-01T12:00:00Z")
                        .put("financial_status", "refunded")
                        .put("cancelled_at", "2026-09-01T12:00:00Z")));
        List<Long> ids = fixture.statusChanges(orderId).stream()
                .map(row -> ((Number) row.get("id")).longValue())
                .toList();
        assertEquals(3, ids.size(), "placed, paid, cancelled");

        Stream stream = open(customer, ids.get(0));

        assertEquals(Long.toString(ids.get(1)), stream.nextEvent().get("id").textValue());
        JsonNode last = stream.nextEvent();
        assertEquals(Long.toString(ids.get(2)), last.get("id").textValue());
        assertEquals("refunded", last.get("financial_status").textValue());
    }

    @Tag("security")
    @Test
    void anAnonymousVisitorGetsUnauthorized() {
        given().urlEncodingEnabled(false)
                .accept("text/event-stream")
                .get("/proxy/orders/events?" + new AppProxySigner(OrderEventFixture.SECRET).query(SHOP, null))
                .then()
                .statusCode(401)
                .contentType(containsString("application/problem+json"));
    }

    @Tag("security")
    @Test
    void aLastEventIdThatIsNoIdIsABadRequest() {
        given().urlEncodingEnabled(false)
                .accept("text/event-stream")
                .header("Last-Event-ID", "yesterday")
                .get("/proxy/orders/events?" + new AppProxySigner(OrderEventFixture.SECRET).query(SHOP, newId()))
                .then()
                .statusCode(400)
                .contentType(containsString("application/problem+json"));
    }

    @Tag("security")
    @Test
    void aCustomerHoldsAtMostFourStreamsAtOnceAndGetsTooManyRequestsBeyond() throws Exception {
        long customer = newId();
        List<Stream> open = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            open.add(open(customer, null));
        }
        HttpResponse<String> refused = request(customer, null, HttpResponse.BodyHandlers.ofString());
        assertEquals(429, refused.statusCode());
        assertTrue(refused.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        assertTrue(refused.headers().firstValue("Retry-After").isPresent());
        // another customer is not held back by this one's streams
        open(newId(), null).awaitComment();

        // one closed, one may open again once the server has seen it go
        open.get(0).close();
        await().atMost(WAIT).until(() -> {
            HttpResponse<java.io.InputStream> again =
                    request(customer, null, HttpResponse.BodyHandlers.ofInputStream());
            if (again.statusCode() == 200) {
                streams.add(new Stream(again.body()));
            } else {
                again.body().close();
            }
            return again.statusCode() == 200;
        });
    }

    @Tag("security")
    @Test
    void aCustomersStreamsEndOnceTheirRedactionHasCommitted() throws Exception {
        long customer = newId();
        long neighbour = newId();
        Stream redacted = open(customer, null);
        Stream kept = open(neighbour, null);
        redacted.awaitComment();
        kept.awaitComment();

        String ceId = fixture.send(
                Topics.COMPLIANCE,
                compliance(
                        "customers/redact",
                        SHOP,
                        customer,
                        SampleWebhooks.variant("customers/redact")
                                .customerId(customer)
                                .shopDomain(SHOP)
                                .tree()
                                .toString()));
        fixture.awaitPrivacyRequest(ceId);

        redacted.awaitEnd();
        kept.awaitComment();
        assertTrue(kept.isOpen(), "another customer's stream goes on");
    }

    @Tag("security")
    @Test
    void aStreamOnTheDirectApiEndsWhenItsSessionTokenExpires() throws Exception {
        // issued ten minutes (the longest a token lives) less three seconds ago: good now, expired in three seconds,
        // long before the stream's own lifetime is over
        Instant now = Instant.now();
        String token = Jwt.issuer("lavish-storefront")
                .audience("lavish-storefront-api")
                .subject(Long.toString(newId()))
                .claim("shop", SHOP)
                .issuedAt(now.minusSeconds(597))
                .expiresAt(now.plusSeconds(3))
                .claim("jti", UUID.randomUUID().toString())
                .jws()
                .algorithm(SignatureAlgorithm.HS256)
                .sign(new SecretKeySpec(tokenSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        HttpResponse<java.io.InputStream> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(base.resolve("/api/orders/events"))
                                .header("Accept", "text/event-stream")
                                .header("Authorization", "Bearer " + token)
                                .header("Origin", "https://lavishlibrary.com.au")
                                .build(),
                        HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(200, response.statusCode());
        // a shop's page on another origin reads the stream: its headers leave before any REST filter runs
        assertEquals(
                "https://lavishlibrary.com.au",
                response.headers().firstValue("Access-Control-Allow-Origin").orElse(null));
        Stream stream = new Stream(response.body());
        streams.add(stream);

        stream.awaitComment();
        stream.awaitEnd();
    }

    private static String broadcast(long customer, String id, String financialStatus) {
        return JSON.createObjectNode()
                .put("shop", SHOP)
                .put("customer_id", customer)
                .set(
                        "event",
                        JSON.createObjectNode()
                                .put("id", id)
                                .put("order_id", "1")
                                .put("order_number", "1")
                                .put("financial_status", financialStatus)
                                .put("occurred_at", "2026-09-01T10:00:00Z")
                                .set("changes", JSON.createArrayNode().add("financial_status")))
                .toString();
    }

    private <T> HttpResponse<T> request(long customer, Long lastEventId, HttpResponse.BodyHandler<T> body)
            throws Exception {
        String query = new AppProxySigner(OrderEventFixture.SECRET).query(SHOP, customer);
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve("/proxy/orders/events?" + query))
                .header("Accept", "text/event-stream");
        if (lastEventId != null) {
            request.header("Last-Event-ID", Long.toString(lastEventId));
        }
        return HttpClient.newHttpClient().send(request.build(), body);
    }

    private Stream open(long customer, Long lastEventId) throws Exception {
        HttpResponse<java.io.InputStream> response =
                request(customer, lastEventId, HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(200, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream"));
        Stream stream = new Stream(response.body());
        streams.add(stream);
        return stream;
    }

    /** Reads SSE lines on a thread of its own: events' data as JSON, comments as markers, and the end. */
    static final class Stream {

        /** Put after the last line when the server ends the stream. */
        private static final String END = "\u0000end";

        private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        private volatile boolean open = true;
        private final java.io.InputStream body;

        Stream(java.io.InputStream body) {
            this.body = body;
            Thread reader = new Thread(() -> {
                try (BufferedReader in = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = in.readLine()) != null) {
                        lines.add(line);
                    }
                    open = false;
                    lines.add(END);
                } catch (Exception closed) {
                    // the test closed the stream
                }
            });
            reader.setDaemon(true);
            reader.start();
        }

        boolean isOpen() {
            return open;
        }

        /** Waits for the server to end the stream (events before the end are passed over). */
        void awaitEnd() throws InterruptedException {
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (true) {
                String line = lines.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                if (line == null) {
                    throw new AssertionError("the stream did not end within " + WAIT);
                }
                if (END.equals(line)) {
                    return;
                }
            }
        }

        void awaitComment() throws InterruptedException {
            while (true) {
                String line = next();
                if (line.startsWith(":")) {
                    return;
                }
            }
        }

        JsonNode nextEvent() throws Exception {
            while (true) {
                String line = next();
                if (line.startsWith("data:")) {
                    return JSON.readTree(line.substring(5).trim());
                }
            }
        }

        private String next() throws InterruptedException {
            String line = lines.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
            if (line == null) {
                throw new AssertionError("nothing on the stream within " + WAIT);
            }
            if (END.equals(line)) {
                throw new AssertionError("the server ended the stream");
            }
            return line;
        }

        void close() {
            try {
                body.close();
            } catch (Exception ignored) {
                // already closed
            }
        }
    }
}
