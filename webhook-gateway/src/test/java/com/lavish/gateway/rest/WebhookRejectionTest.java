package com.lavish.gateway.rest;

import static com.lavish.gateway.support.TestWebhooks.SHOP;
import static com.lavish.gateway.support.TestWebhooks.post;
import static com.lavish.gateway.support.TestWebhooks.utf8;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lavish.devstack.DevStackTestResource;
import com.lavish.events.ShopifyWebhookHeaders;
import com.lavish.events.Topics;
import com.lavish.gateway.support.KafkaTopicReader;
import com.lavish.gateway.support.TestWebhooks;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = DevStackTestResource.class, initArgs = @ResourceArg(name = "components", value = "kafka"))
@Order(2)
@Tag("security")
class WebhookRejectionTest {

    private static final String PROBLEM_JSON = "application/problem+json";
    /** 1000K, webhook.max-body-size of the application. */
    private static final int LIMIT = 1000 * 1024;

    @TestHTTPResource("/webhooks")
    URI webhooks;

    private static final byte[] ORDER = utf8("{\"id\":820982911946154508,\"email\":\"jon@example.com\"}");

    @Test
    void rejectsWebhookWithTamperedBody() {
        Map<String, String> headers = TestWebhooks.headers("orders/create", ORDER);
        byte[] tampered = utf8("{\"id\":820982911946154508,\"email\":\"eve@example.com\"}");

        assertUnauthorized(post(headers, tampered));
        assertTrue(
                KafkaTopicReader.recordsNow(Topics.ORDERS, headers.get(ShopifyWebhookHeaders.WEBHOOK_ID))
                        .isEmpty(),
                "a rejected webhook must not reach Kafka");
    }

    @Test
    void rejectsWebhookSignedWithAnotherSecret() {
        assertUnauthorized(post(TestWebhooks.headers("orders/create", SHOP, ORDER, "not-the-app-secret"), ORDER));
    }

    @Test
    void rejectsWebhookWithoutHmac() {
        Map<String, String> headers = TestWebhooks.headers("orders/create", ORDER);
        headers.remove(ShopifyWebhookHeaders.HMAC);

        assertUnauthorized(post(headers, ORDER));
    }

    @Test
    void rejectsHmacThatIsNotBase64() {
        Map<String, String> headers = TestWebhooks.headers("orders/create", ORDER);
        headers.put(ShopifyWebhookHeaders.HMAC, "not*base64!");

        assertUnauthorized(post(headers, ORDER));
    }

    @Test
    void rejectsHexHmacOfTheRightBody() {
        // the right digest in the wrong encoding (app-proxy style hex) is still a wrong signature
        Map<String, String> headers = TestWebhooks.headers("orders/create", ORDER);
        byte[] digest = java.util.Base64.getDecoder().decode(headers.get(ShopifyWebhookHeaders.HMAC));
        headers.put(ShopifyWebhookHeaders.HMAC, java.util.HexFormat.of().formatHex(digest));

        assertUnauthorized(post(headers, ORDER));
    }

    @Test
    void rejectsEmptyBodyAsUnauthenticated() {
        byte[] empty = new byte[0];
        // even signed, an empty body is refused as Shopify's library does (missing_body)
        assertUnauthorized(post(TestWebhooks.headers("orders/create", empty), empty));
    }

    @Test
    void rejectsShopThatIsNotServed() {
        assertUnauthorized(post(
                TestWebhooks.headers(
                        "orders/create", "someone-else.myshopify.com", ORDER, TestWebhooks.currentSecret()),
                ORDER));
    }

    @Test
    void rejectsWebhookWithoutShopDomain() {
        Map<String, String> headers = TestWebhooks.headers("orders/create", ORDER);
        headers.remove(ShopifyWebhookHeaders.SHOP_DOMAIN);

        assertUnauthorized(post(headers, ORDER));
    }

    @Test
    void unauthenticatedCallerLearnsNothingAboutMissingHeaders() {
        Map<String, String> headers = TestWebhooks.headers("orders/create", SHOP, ORDER, "not-the-app-secret");
        headers.remove(ShopifyWebhookHeaders.TOPIC);
        headers.remove(ShopifyWebhookHeaders.WEBHOOK_ID);

        assertUnauthorized(post(headers, ORDER));
    }

    @Test
    void rejectsMissingTopicNamingTheHeader() {
        Map<String, String> headers = TestWebhooks.headers("orders/create", ORDER);
        headers.remove(ShopifyWebhookHeaders.TOPIC);

        post(headers, ORDER)
                .then()
                .statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("status", equalTo(400))
                .body("field", equalTo("X-Shopify-Topic"))
                .body("detail", containsString("X-Shopify-Topic"));
    }

    @Test
    void rejectsMissingWebhookIdNamingTheHeader() {
        Map<String, String> headers = TestWebhooks.headers("orders/create", ORDER);
        headers.put(ShopifyWebhookHeaders.WEBHOOK_ID, "  ");

        post(headers, ORDER)
                .then()
                .statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("field", equalTo("X-Shopify-Webhook-Id"))
                .body("detail", containsString("X-Shopify-Webhook-Id"));
    }

    @Test
    void rejectsSignedBodyThatIsNotJson() {
        byte[] body = utf8("id=820982911946154508&email=jon@example.com");

        post(TestWebhooks.headers("orders/create", body), body)
                .then()
                .statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("title", equalTo("Bad Request"))
                .body("field", equalTo("body"));
    }

    @Test
    void rejectsSignedJsonThatIsNotAnObject() {
        byte[] body = utf8("[{\"id\":820982911946154508}]");

        post(TestWebhooks.headers("orders/create", body), body)
                .then()
                .statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("field", equalTo("body"));
    }

    @Test
    void bodyOfExactlyTheLimitIsAcceptedAndFitsKafka() {
        byte[] body = jsonOfLength(LIMIT);
        Map<String, String> headers = TestWebhooks.headers("orders/create", body);

        post(headers, body).then().statusCode(200);

        assertEquals(
                LIMIT,
                KafkaTopicReader.recordOf(Topics.ORDERS, headers.get(ShopifyWebhookHeaders.WEBHOOK_ID))
                        .value()
                        .length);
    }

    @Test
    void rejectsBodyOverTheLimit() {
        byte[] body = jsonOfLength(LIMIT + 1);

        post(TestWebhooks.headers("orders/create", body), body)
                .then()
                .statusCode(413)
                .contentType(PROBLEM_JSON)
                .body("status", equalTo(413))
                .body("detail", containsString(Integer.toString(LIMIT)));
    }

    @Test
    void rejectsChunkedBodyOverTheLimit() throws Exception {
        byte[] body = jsonOfLength(LIMIT + 200_000);
        HttpRequest.Builder request = HttpRequest.newBuilder(webhooks)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)));
        TestWebhooks.headers("orders/create", body).forEach(request::header);

        HttpResponse<String> response = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .build()
                .send(request.build(), HttpResponse.BodyHandlers.ofString());

        assertEquals(413, response.statusCode());
        assertEquals(PROBLEM_JSON, response.headers().firstValue("content-type").orElse(""));
        assertTrue(response.body().contains("\"status\":413"), response.body());
    }

    @Test
    void refusesOversizeContentLengthBeforeTheBodyArrives() throws IOException {
        // only the head is sent: an answer proves the gateway did not wait for 2 MB it would refuse anyway
        try (Socket socket = new Socket(webhooks.getHost(), webhooks.getPort())) {
            socket.setSoTimeout(5_000);
            write(
                    socket,
                    "POST /webhooks HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                            + "Content-Length: 2000000\r\n\r\n");

            String head = readHead(socket.getInputStream());

            assertTrue(head.startsWith("HTTP/1.1 413"), head);
            assertTrue(head.toLowerCase(Locale.ROOT).contains("content-type: " + PROBLEM_JSON), head);
        }
    }

    @Test
    void refusesOversizeBodyAnnouncedWithExpectContinueWithoutAskingForIt() throws IOException {
        try (Socket socket = new Socket(webhooks.getHost(), webhooks.getPort())) {
            socket.setSoTimeout(5_000);
            write(
                    socket,
                    "POST /webhooks HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                            + "Expect: 100-continue\r\nContent-Length: 2000000\r\n\r\n");

            String head = readHead(socket.getInputStream());

            assertTrue(head.startsWith("HTTP/1.1 413"), "no 100 Continue, a 413 at once: " + head);
            int length = Integer.parseInt(headerValue(head, "content-length"));
            socket.getInputStream().readNBytes(length);
            assertEquals(-1, socket.getInputStream().read(), "the connection ends after the 413");
        }
    }

    @Test
    void otherMethodsAreAnsweredWithProblemJson() {
        given().get("/webhooks")
                .then()
                .statusCode(405)
                .contentType(PROBLEM_JSON)
                .body("status", equalTo(405));
    }

    /** Every authentication failure gets the same answer, which names no check. */
    private static void assertUnauthorized(Response response) {
        response.then().statusCode(401).contentType(PROBLEM_JSON).header("WWW-Authenticate", startsWith("HMAC-SHA256"));
        Map<String, Object> problem = response.jsonPath().getMap("$");
        assertEquals(
                Map.of(
                        "type",
                        "about:blank",
                        "title",
                        "Unauthorized",
                        "status",
                        401,
                        "detail",
                        "the webhook is not signed by the Shopify app this gateway serves"),
                problem);
    }

    /** A JSON object of exactly {@code length} bytes. */
    private static byte[] jsonOfLength(int length) {
        String prefix = "{\"id\":820982911946154508,\"note\":\"";
        String suffix = "\"}";
        byte[] body = new byte[length];
        byte[] start = utf8(prefix);
        byte[] end = utf8(suffix);
        System.arraycopy(start, 0, body, 0, start.length);
        Arrays.fill(body, start.length, length - end.length, (byte) 'x');
        System.arraycopy(end, 0, body, length - end.length, end.length);
        return body;
    }

    private static void write(Socket socket, String text) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write(text.getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    /** The status line and headers, up to the blank line. */
    private static String readHead(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            head.append((char) b);
        }
        return head.toString();
    }

    private static String headerValue(String head, String name) {
        return head.lines()
                .filter(l -> l.toLowerCase(Locale.ROOT).startsWith(name + ":"))
                .map(l -> l.substring(l.indexOf(':') + 1).trim())
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + name + " in " + head));
    }
}
