package com.lavish.bench;

import com.lavish.shopifyfake.SampleWebhooks;
import com.lavish.shopifyfake.WebhookSigner;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * Seeds the storefront benchmark through the real path: signed {@code customers/create} and {@code orders/create}
 * deliveries to the webhook gateway, then waits until both services have the rows in Postgres. Customer
 * {@code FIRST_CUSTOMER_ID + c} gets orders {@link #orderId}{@code (FIRST_ORDER_ID, c, k)}, k below ORDERS_EACH.
 * Usage: {@code StorefrontSeed WEBHOOK_URL JDBC_URL SHOP FIRST_CUSTOMER_ID CUSTOMERS FIRST_ORDER_ID ORDERS_EACH}.
 */
public final class StorefrontSeed {

    private StorefrontSeed() {}

    /** The id of customer c's k-th seeded order. */
    static long orderId(long firstOrder, int customer, int k) {
        return firstOrder + customer * 100L + k;
    }

    public static void main(String[] args) throws Exception {
        URI webhooks = URI.create(args[0]);
        String jdbcUrl = args[1];
        String shop = args[2];
        long firstCustomer = Long.parseLong(args[3]);
        int customers = Integer.parseInt(args[4]);
        long firstOrder = Long.parseLong(args[5]);
        int ordersEach = Integer.parseInt(args[6]);
        String secret = System.getenv().getOrDefault("SHOPIFY_API_SECRET", "local-dev-secret-not-for-production");
        WebhookSigner signer = new WebhookSigner(secret, "2026-07");
        HttpClient http = HttpClient.newHttpClient();

        long started = System.nanoTime();
        for (int c = 0; c < customers; c++) {
            long customer = firstCustomer + c;
            send(
                    http,
                    webhooks,
                    signer,
                    shop,
                    "customers/create",
                    "seed-customer-" + customer,
                    SampleWebhooks.customer("customers/create", customer, "buyer" + customer + "@example.com.au"));
            for (int k = 0; k < ordersEach; k++) {
                long order = orderId(firstOrder, c, k);
                send(
                        http,
                        webhooks,
                        signer,
                        shop,
                        "orders/create",
                        "seed-order-" + order,
                        SampleOrders.order(
                                "orders/create", order, 100000 + c * 100L + k, customer, "paid", SampleWebhooks.now()));
            }
        }
        System.out.printf(
                "seed: %d customers and %d orders sent in %.1f s%n",
                customers, customers * ordersEach, (System.nanoTime() - started) / 1e9);

        try (Connection db = DriverManager.getConnection(jdbcUrl, "postgres", "")) {
            await(db, "customer.customer", customers);
            await(db, "orders.customer_order", customers * ordersEach);
        }
    }

    private static void send(
            HttpClient http, URI url, WebhookSigner signer, String shop, String topic, String webhookId, byte[] body)
            throws Exception {
        Map<String, String> headers = signer.headers(topic, shop, body, webhookId, webhookId, Instant.now());
        HttpRequest.Builder request = HttpRequest.newBuilder(url).POST(HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(request::header);
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(topic + " " + webhookId + " answered " + response.statusCode());
        }
    }

    private static void await(Connection db, String table, int expected) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        long rows = 0;
        while (Instant.now().isBefore(deadline)) {
            try (Statement query = db.createStatement();
                    ResultSet result = query.executeQuery("select count(*) from " + table)) {
                result.next();
                rows = result.getLong(1);
            }
            if (rows >= expected) {
                System.out.printf("seed: %d rows in %s%n", rows, table);
                return;
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException(table + " holds " + rows + " rows, not " + expected + ", after 3 minutes");
    }
}
